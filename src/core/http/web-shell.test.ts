import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { createApp } from '../../app.ts';
import type { AppEnv } from './context.ts';

describe(`web shell (${engineUnderTest})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('landing page says what the service is and shows the six phases', async () => {
    const res = await ctx.app.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="nb"');
    expect(html).toContain('Starte og drive en frivillig organisasjon');
    const phases = [...html.matchAll(/class="phase-list__item"/g)];
    expect(phases).toHaveLength(6);
    for (const title of [
      'Idé og utprøving',
      'Starte',
      'Drive',
      'Bli med og rekruttere',
      'Utvikle og slå sammen',
      'Avvikle eller overdra',
    ]) {
      expect(html).toContain(title);
    }
    expect(html).toMatch(/<a class="ds-skip-link" href="#main">Hopp til hovedinnhold<\/a>/);
    expect(html).toContain('<main id="main"');
  });

  it('loads Designsystemet with the Brønnøysund theme (and not the Digdir theme) and serves the files', async () => {
    const html = await (await ctx.app.request('/')).text();
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(sheets).toContain('/static/theme/brreg.css');
    expect(sheets).toContain('/static/ds/index.css');
    expect(sheets.join()).not.toContain('designsystemet.css');
    for (const href of [...sheets, '/static/theme/generated/brreg.css', '/static/app.js']) {
      const res = await ctx.app.request(href);
      expect(res.status, href).toBe(200);
    }
    expect((await ctx.app.request('/static/theme/generated/brreg.css')).headers.get('content-type')).toContain('text/css');
    expect((await ctx.app.request('/static/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await ctx.app.request('/static/theme/../../package.json')).status).toBe(404);
  });

  it('sends security headers with a CSP that has no unsafe-inline, and pages have no inline script or style', async () => {
    const res = await ctx.app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/<style/);
  });

  it('has About, Privacy and Accessibility pages linked from the footer, in every language', async () => {
    const home = await (await ctx.app.request('/')).text();
    for (const [path, nb, nn] of [
      ['/om', 'Om Frivillig', 'Om Frivillig'],
      ['/personvern', 'Personvernerklæring', 'Personvernerklæring'],
      ['/tilgjengelighet', 'Tilgjengelighetserklæring', 'Tilgjengelegheitserklæring'],
    ] as const) {
      expect(home).toContain(`href="${path}"`);
      expect(await (await ctx.app.request(path)).text()).toContain(`<h1 class="ds-heading" data-size="lg">${nb}</h1>`);
      const nnPage = await (await ctx.app.request(path, { headers: { cookie: 'frivillig_lang=nn' } })).text();
      expect(nnPage).toContain(`<h1 class="ds-heading" data-size="lg">${nn}</h1>`);
    }
  });

  it('switches language with a plain link, remembers it, and only returns to local paths', async () => {
    const client = ctx.client();
    const res = await client.get('/sprak?lang=nn&tilbake=%2Fom');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/om');
    expect(client.cookies.get('frivillig_lang')).toBe('nn');
    const page = await client.get('/');
    expect(res.headers.get('content-language') ?? page.headers.get('content-language')).toBeTruthy();
    const html = await page.text();
    expect(html).toContain('<html lang="nn"');
    expect(html).toContain('Livshendinga i seks fasar');
    expect(html).toContain('hreflang="nb"');
    expect(html).toContain('hreflang="en"');
    expect(html).toMatch(/<span aria-current="true" class="lang-current" lang="nn">Nynorsk<\/span>/);
    expect((await client.get('/sprak?lang=nn&tilbake=//evil.example')).headers.get('location')).toBe('/');
    expect((await client.get('/sprak?lang=xx&tilbake=/')).status).toBe(303);
    expect(client.cookies.get('frivillig_lang')).toBe('nn');
  });

  it('picks the language from Accept-Language when the user has not chosen', async () => {
    const html = await (await ctx.app.request('/', { headers: { 'accept-language': 'nn-NO' } })).text();
    expect(html).toContain('<html lang="nn"');
    const en = await (await ctx.app.request('/', { headers: { 'accept-language': 'en-GB' } })).text();
    expect(en).toContain('<html lang="en"');
    expect(en).toContain('The life event in six phases');
  });

  it('renders 404 in the user’s language, and JSON 404 under /api', async () => {
    const nb = await ctx.app.request('/finnes-ikke');
    expect(nb.status).toBe(404);
    expect(await nb.text()).toContain('Fant ikke siden');
    const nn = await ctx.app.request('/finnes-ikke', { headers: { cookie: 'frivillig_lang=nn' } });
    expect(await nn.text()).toContain('Fann ikkje sida');
    const api = await ctx.app.request('/api/v1/finnes-ikke');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('renders 500 in the user’s language with the request id, and logs the error', async () => {
    const lines: string[] = [];
    const deps = {
      ...ctx.deps,
      logger: { ...ctx.deps.logger, error: (msg: string, f?: Record<string, unknown>) => lines.push(`${msg} ${String(f?.error)}`) },
    };
    const app = createApp(deps);
    // A route that fails, mounted on a wrapper so the real error handler renders it.
    const boom = new Hono<AppEnv>();
    boom.get('/boom', () => {
      throw new Error('kaboom');
    });
    app.route('/test', boom);
    const res = await app.request('/test/boom', { headers: { cookie: 'frivillig_lang=nn', 'x-request-id': 'req-12345678' } });
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('Orsak, noko gjekk gale');
    expect(html).toContain('req-12345678');
    expect(html).not.toContain('kaboom');
    expect(lines.join()).toContain('kaboom');
  });

  it('puts a CSRF token in every form and refuses a POST without it', async () => {
    const client = ctx.client();
    await client.signInAs((await ctx.createUser()).id);
    for (const path of ['/arbeidsrom/ny', '/', '/arbeidsrom']) {
      const html = await (await client.get(path)).text();
      const forms = html.match(/<form[^>]*method="post"[^>]*>[\s\S]*?<\/form>/g) ?? [];
      expect(forms.length, path).toBeGreaterThan(0);
      for (const form of forms) expect(form, path).toMatch(/name="_csrf" value="[A-Za-z0-9_-]{43}"/);
    }
    const noToken = await client.post('/arbeidsrom/ny', { name: 'X', registered: 'no' }, { csrf: false });
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('Skjemaet er utløpt');
  });
});
