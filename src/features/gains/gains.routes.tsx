import { Hono } from 'hono';
import type { AppEnv } from '../../core/http/context.ts';
import { renderPage } from '../../core/http/render.tsx';
import { GAINS_PATH, GainsPageView } from './gains.views.tsx';
import { readGains } from './read-gains.ts';

/**
 * GET /okosystem/gevinster (issue 5 item 8): the four gains measured from the platform's own records, each
 * indicator with its definition and 12 months' trend. Aggregate figures under the small-count rule: public,
 * no sign-in. The CSV and JSON come from the open API (gains.api.ts), so they hold the same numbers.
 */
export function gainsRoutes() {
  const app = new Hono<AppEnv>();
  app.get(GAINS_PATH, async (c) => {
    const result = await readGains(c.get('deps'));
    return renderPage(c, {
      title: (v) => v.t('gains.title'),
      wide: true,
      body: (v) => <GainsPageView v={v} result={result} />,
    });
  });
  return app;
}
