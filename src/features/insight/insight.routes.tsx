import { Hono } from 'hono';
import { translateIssues } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { renderPage } from '../../core/http/render.tsx';
import { SearchFilterError } from '../register-search/search-organisations.ts';
import { INSIGHT_TABLES, insightFilterSchema } from './insight.schema.ts';
import { INSIGHT_PATH, InsightPageView } from './insight.views.tsx';
import { type InsightResult, readInsight, readInsightOptions } from './read-insight.ts';

/**
 * GET /innsikt: sector insight — counts and trends with filters, a chart and a data table for each, CSV and
 * JSON downloads (from the open API, /api/v1/innsikt/…). Aggregate open data: no sign-in. The filters are a
 * GET form, so the page works without JavaScript and every selection has its own address.
 */
export function insightRoutes() {
  const app = new Hono<AppEnv>();

  app.get(INSIGHT_PATH, async (c) => {
    const deps = c.get('deps');
    const t = c.get('t');
    const values = c.req.query();
    const parsed = insightFilterSchema.safeParse(values);
    let errors: Record<string, string> = {};
    let result: InsightResult | null = null;
    if (!parsed.success) errors = translateIssues(parsed.error, t);
    else {
      try {
        result = await readInsight(deps, { filters: parsed.data, tables: INSIGHT_TABLES });
      } catch (error) {
        if (!(error instanceof SearchFilterError)) throw error;
        errors = Object.fromEntries(Object.entries(error.fields).map(([field, key]) => [field, t(key)]));
      }
    }
    const reference = result?.reference ?? (await readInsightOptions(deps));
    return renderPage(c, {
      title: (v) => v.t('insight.title'),
      wide: true,
      status: Object.keys(errors).length > 0 ? 400 : 200,
      body: (v) => <InsightPageView v={v} values={values} reference={reference} result={result} errors={errors} />,
    });
  });

  return app;
}
