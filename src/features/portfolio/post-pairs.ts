import type { TestClient } from '../../../test/helpers/app.ts';

/**
 * Test helper: posts a form with repeated fields (checkbox groups, rows of metrics or questions) the way a
 * browser does, with the CSRF token — TestClient.post takes one value per field. Used by the portfolio's and the
 * demonstrators' route tests.
 */
export async function postPairs(client: TestClient, path: string, pairs: [string, string][]) {
  // Any page sets the CSRF cookie; the portfolio is public.
  await client.get('/okosystem/portefolje');
  const body = new URLSearchParams(pairs);
  body.set('_csrf', client.cookies.get('frivillig_csrf') ?? '');
  return client.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}
