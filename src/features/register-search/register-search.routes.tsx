import { Hono } from 'hono';
import { translateIssues } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { renderPage } from '../../core/http/render.tsx';
import { viewContext } from '../../core/http/view-context.ts';
import { searchQuerySchema } from './register-search.schema.ts';
import { ResultsRegion, SearchPageView } from './register-search.views.tsx';
import { readSearchOptions, SearchFilterError, type SearchResult, searchOrganisations } from './search-organisations.ts';

/** The header search.js sends to get only the results region back (progressive enhancement of the GET form). */
export const FRAGMENT_HEADER = 'x-frivillig-fragment';

/**
 * GET /organisasjoner: a GET form that works without JavaScript; search.js only fetches the same URL
 * while you type and swaps the results region. Open data, no sign-in.
 */
export function registerSearchRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/organisasjoner', async (c) => {
    const deps = c.get('deps');
    const t = c.get('t');
    const values = c.req.query();
    const hasQuery = Object.values(values).some((v) => v.trim() !== '');
    const parsed = searchQuerySchema.safeParse(values);
    let errors: Record<string, string> = {};
    let result: SearchResult | null = null;
    if (!parsed.success) errors = translateIssues(parsed.error, t);
    else if (hasQuery) {
      try {
        result = await searchOrganisations(deps, { query: parsed.data });
      } catch (error) {
        if (!(error instanceof SearchFilterError)) throw error;
        errors = Object.fromEntries(Object.entries(error.fields).map(([field, key]) => [field, t(key)]));
      }
    }
    const status = Object.keys(errors).length > 0 ? 400 : 200;
    c.header('vary', FRAGMENT_HEADER);
    if (c.req.header(FRAGMENT_HEADER) === 'search-results') {
      return c.html(<ResultsRegion v={viewContext(c)} result={result} errors={errors} />, status);
    }
    const reference = result?.reference ?? (await readSearchOptions(deps));
    return renderPage(c, {
      title: (v) => v.t('search.title'),
      status,
      body: (v) => <SearchPageView v={v} values={values} reference={reference} result={result} errors={errors} />,
    });
  });

  return app;
}
