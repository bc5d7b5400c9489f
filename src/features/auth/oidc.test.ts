import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { createSession } from '../../core/auth/sessions.ts';
import { oidcLoginStates, sessions, users } from '../../core/db/schema.ts';

/**
 * The whole OpenID Connect sign-in against a real provider (oidc-provider, the certified implementation
 * behind many IdPs) on loopback, standing in for ID-porten. The test plays the browser: it follows the
 * app's redirect to the provider, fills in the provider's login and consent forms with the provider's
 * cookies, and carries the provider's redirect back to the app's callback.
 */

const CLIENT_ID = 'frivillig-test';
const CLIENT_SECRET = 'a-client-secret-long-enough-for-hs256-0123456789';
const APP = 'http://localhost';

const people: Record<string, { name: string; email: string }> = {
  'kari-sub': { name: 'Kari Nordmann', email: 'Kari@Example.no' },
  'ola-sub': { name: 'Ola Nordmann', email: 'ola@example.no' },
  'taken-sub': { name: 'Per Lokal', email: 'per.lokal@example.no' },
};

async function startProvider(): Promise<{ issuer: string; server: Server; errors: unknown[] }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${APP}/logg-inn/oidc/callback`],
        post_logout_redirect_uris: [`${APP}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx, sub) {
      const person = people[sub];
      if (!person) return undefined;
      return { accountId: sub, claims: () => ({ sub, name: person.name, email: person.email, email_verified: true }) };
    },
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    // Put the profile claims in the id_token, which is where the app reads them.
    conformIdTokenClaims: false,
    cookies: { keys: ['provider-cookie-key-for-tests-only'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
  const errors: unknown[] = [];
  provider.on('server_error', (_ctx, error) => errors.push(error));
  server.on('request', provider.callback());
  return { issuer, server, errors };
}

/** The browser's side at the provider: a cookie jar (by name and path) and manual redirect handling. */
class ProviderBrowser {
  private jar = new Map<string, { name: string; value: string; path: string }>();
  constructor(private readonly origin: string) {}

  private cookieHeader(url: URL): string {
    return [...this.jar.values()]
      .filter((c) => url.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private store(res: Response, url: URL) {
    for (const raw of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = raw.split(';').map((s) => s.trim());
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      const pathAttr = attrs.find((a) => a.toLowerCase().startsWith('path='));
      const path = pathAttr ? pathAttr.slice(5) : url.pathname.replace(/\/[^/]*$/, '') || '/';
      const expired = attrs.some((a) => /^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now());
      const key = `${name};${path}`;
      if (expired || value === '') this.jar.delete(key);
      else this.jar.set(key, { name, value, path });
    }
  }

  async request(href: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const url = new URL(href, this.origin);
    expect(url.origin).toBe(this.origin);
    const headers: Record<string, string> = {};
    const cookie = this.cookieHeader(url);
    if (cookie) headers.cookie = cookie;
    let body: URLSearchParams | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form);
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    this.store(res, url);
    return res;
  }

  /**
   * Follows redirects while they stay at the provider. Returns the provider page reached, or the URL
   * outside the provider that the browser would go to next (the app's callback).
   */
  async navigate(first: Promise<Response>): Promise<{ html: string; url?: undefined } | { url: URL; html?: undefined }> {
    let res = await first;
    for (let hops = 0; hops < 10; hops++) {
      if (res.status < 300 || res.status >= 400) {
        const html = await res.text();
        expect(res.status, html).toBe(200);
        return { html };
      }
      const next = new URL(res.headers.get('location')!, this.origin);
      await res.body?.cancel();
      if (next.origin !== this.origin) return { url: next };
      res = await this.request(next.href);
    }
    throw new Error('too many redirects at the provider');
  }
}

function formOf(html: string, id?: string): { action: string; fields: Record<string, string> } {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)];
  const form = id ? forms.find((f) => f[1]!.includes(`id="${id}"`)) : forms[0];
  if (!form) throw new Error(`no form in page: ${html}`);
  const action = form[1]!.match(/action="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
  const fields: Record<string, string> = {};
  for (const input of form[2]!.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)) {
    const name = input[0].match(/name="([^"]+)"/)?.[1];
    const value = input[0].match(/value="([^"]*)"/)?.[1] ?? '';
    if (name) fields[name] = value;
  }
  return { action, fields };
}

/** Starts at the app, signs in at the provider as `accountId`, and returns the callback URL the provider sends back. */
async function loginAtProvider(client: TestClient, browser: ProviderBrowser, accountId: string, tilbake = '/arbeidsrom'): Promise<URL> {
  const start = await client.get(`/logg-inn/oidc?tilbake=${encodeURIComponent(tilbake)}`);
  expect(start.status).toBe(302);
  let step = await browser.navigate(browser.request(start.headers.get('location')!));
  for (let pages = 0; pages < 5 && step.html !== undefined; pages++) {
    const { action, fields } = formOf(step.html);
    const form =
      fields.prompt === 'login'
        ? { ...fields, login: accountId, password: 'anything' }
        : fields.prompt === 'consent'
          ? fields
          : (() => {
              throw new Error(`unexpected provider page: ${step.html}`);
            })();
    step = await browser.navigate(browser.request(action, { method: 'POST', form }));
  }
  if (!step.url) throw new Error('the provider did not send the browser back to the app');
  return step.url;
}

function pathOf(url: URL): string {
  return url.pathname + url.search;
}

describe(`OpenID Connect sign-in against a real provider (${engineUnderTest})`, () => {
  let op: Awaited<ReturnType<typeof startProvider>>;
  let ctx: TestContext;

  beforeAll(async () => {
    op = await startProvider();
    ctx = await createTestContext({
      PUBLIC_URL: APP,
      OIDC_ISSUER: op.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_ALLOW_HTTP_ISSUER: 'true',
    });
  });
  afterAll(async () => {
    await ctx.close();
    op.server.closeAllConnections();
    await new Promise((resolve) => op.server.close(resolve));
  });
  beforeEach(() => {
    ctx.setNow(new Date());
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, and remembers the state', async () => {
    const client = ctx.client();
    const res = await client.get('/logg-inn/oidc?tilbake=%2Farbeidsrom%2Fny');
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get('location')!);
    expect(url.origin).toBe(op.issuer);
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.get('redirect_uri')).toBe(`${APP}/logg-inn/oidc/callback`);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('nonce')).toBeTruthy();
    const state = url.searchParams.get('state')!;
    const [saved] = await ctx.database.db.select().from(oidcLoginStates).where(eq(oidcLoginStates.state, state));
    expect(saved?.returnTo).toBe('/arbeidsrom/ny');
    // The verifier stays on the server; only its hash went to the provider.
    expect(url.href).not.toContain(saved!.codeVerifier);
  });

  it('signs a person in through the provider, creates the user by issuer and subject, and lands on the return path', async () => {
    const client = ctx.client();
    const browser = new ProviderBrowser(op.issuer);
    const callback = await loginAtProvider(client, browser, 'kari-sub', '/arbeidsrom/ny');
    expect(callback.origin + callback.pathname).toBe(`${APP}/logg-inn/oidc/callback`);
    expect(callback.searchParams.get('code')).toBeTruthy();

    const res = await client.get(pathOf(callback));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/arbeidsrom/ny');
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('frivillig_session='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(client.cookies.get('frivillig_session')).toBeTruthy();

    const [user] = await ctx.database.db
      .select()
      .from(users)
      .where(eq(users.oidcSubject, `${op.issuer}|kari-sub`));
    // The default scopes (as for ID-porten) ask for no e-mail address.
    expect(user).toMatchObject({ name: 'Kari Nordmann', email: null, passwordHash: null });
    const rows = await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    const workspace = await client.get('/arbeidsrom');
    expect(workspace.status).toBe(200);
    expect(await workspace.text()).toContain('Kari Nordmann');
    expect(op.errors).toEqual([]);
  });

  it('finds the same user again on the next sign-in instead of creating another', async () => {
    const first = ctx.client();
    await first.get(pathOf(await loginAtProvider(first, new ProviderBrowser(op.issuer), 'ola-sub')));
    const second = ctx.client();
    const res = await second.get(pathOf(await loginAtProvider(second, new ProviderBrowser(op.issuer), 'ola-sub')));
    expect(res.status).toBe(303);
    const rows = await ctx.database.db
      .select()
      .from(users)
      .where(eq(users.oidcSubject, `${op.issuer}|ola-sub`));
    expect(rows).toHaveLength(1);
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, rows[0]!.id))).toHaveLength(2);
  });

  it('refuses a replayed callback: the state is single use', async () => {
    const client = ctx.client();
    const callback = await loginAtProvider(client, new ProviderBrowser(op.issuer), 'kari-sub');
    const jar = new Map(client.cookies);
    expect((await client.get(pathOf(callback))).status).toBe(303);

    // Replay the very same callback from a browser that still has everything it had before the first use.
    const replay = ctx.client();
    for (const [k, v] of jar) replay.cookies.set(k, v);
    const res = await replay.get(pathOf(callback));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Innloggingen ble avbrutt eller feilet');
    expect(replay.cookies.has('frivillig_session')).toBe(false);
  });

  it('refuses a callback opened in another browser than the one that started the sign-in (login CSRF)', async () => {
    // An attacker signs in with their own account at the provider and sends the callback link to a victim.
    const attacker = ctx.client();
    const callback = await loginAtProvider(attacker, new ProviderBrowser(op.issuer), 'ola-sub');
    const victim = ctx.client();
    const res = await victim.get(pathOf(callback));
    expect(res.status).toBe(422);
    expect(victim.cookies.has('frivillig_session')).toBe(false);
    // The state was not spent by the refused attempt: the browser that started it can still finish.
    expect((await attacker.get(pathOf(callback))).status).toBe(303);
    expect(attacker.cookies.has('frivillig_session')).toBe(true);
  });

  it('keeps the state cookie HttpOnly, SameSite=Lax and short-lived, and clears it after the callback', async () => {
    const client = ctx.client();
    const start = await client.get('/logg-inn/oidc');
    const cookie = start.headers.getSetCookie().find((c) => c.startsWith('frivillig_oidc_state='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/logg-inn\/oidc/);
    expect(cookie).toMatch(/Max-Age=600/);
    expect(new URL(start.headers.get('location')!).searchParams.get('state')).toBe(client.cookies.get('frivillig_oidc_state'));
    const browser = new ProviderBrowser(op.issuer);
    client.cookies.delete('frivillig_oidc_state');
    const callback = await loginAtProvider(client, browser, 'kari-sub');
    const done = await client.get(pathOf(callback));
    expect(done.status).toBe(303);
    expect(client.cookies.has('frivillig_oidc_state')).toBe(false);
  });

  it('purges abandoned sign-in states when new ones are made', async () => {
    const client = ctx.client();
    const old = await client.get('/logg-inn/oidc');
    const oldState = new URL(old.headers.get('location')!).searchParams.get('state')!;
    ctx.setNow(new Date(Date.now() + 11 * 60_000));
    await client.get('/logg-inn/oidc');
    const rows = await ctx.database.db.select().from(oidcLoginStates).where(eq(oidcLoginStates.state, oldState));
    expect(rows).toEqual([]);
  });

  it('only accepts a return path on this site', async () => {
    for (const tilbake of ['//evil.example', 'https://evil.example', '/\\evil.example', '/\t/evil.example']) {
      const client = ctx.client();
      const start = await client.get(`/logg-inn/oidc?tilbake=${encodeURIComponent(tilbake)}`);
      const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
      const [saved] = await ctx.database.db.select().from(oidcLoginStates).where(eq(oidcLoginStates.state, state));
      expect(saved?.returnTo, tilbake).toBe('/arbeidsrom');
    }
  });

  it('refuses a tampered state', async () => {
    const client = ctx.client();
    const callback = await loginAtProvider(client, new ProviderBrowser(op.issuer), 'kari-sub');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const res = await client.get(pathOf(tampered));
    expect(res.status).toBe(422);
    expect(client.cookies.has('frivillig_session')).toBe(false);
  });

  it('refuses a callback with a missing state', async () => {
    const client = ctx.client();
    const callback = await loginAtProvider(client, new ProviderBrowser(op.issuer), 'kari-sub');
    callback.searchParams.delete('state');
    const res = await client.get(pathOf(callback));
    expect(res.status).toBe(422);
    expect(client.cookies.has('frivillig_session')).toBe(false);
  });

  it('refuses a callback whose login was started too long ago', async () => {
    const client = ctx.client();
    const callback = await loginAtProvider(client, new ProviderBrowser(op.issuer), 'kari-sub');
    ctx.setNow(new Date(Date.now() + 11 * 60_000));
    const res = await client.get(pathOf(callback));
    expect(res.status).toBe(422);
    expect(client.cookies.has('frivillig_session')).toBe(false);
  });

  it('shows an error when the person cancels at the provider', async () => {
    const client = ctx.client();
    const browser = new ProviderBrowser(op.issuer);
    const start = await client.get('/logg-inn/oidc');
    const login = await browser.navigate(browser.request(start.headers.get('location')!));
    const uid = formOf(login.html!).action.split('/').pop()!;
    const back = await browser.navigate(browser.request(`/interaction/${uid}/abort`));
    expect(back.url!.searchParams.get('error')).toBe('access_denied');
    const res = await client.get(pathOf(back.url!));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Innloggingen ble avbrutt eller feilet');
    expect(client.cookies.has('frivillig_session')).toBe(false);
  });

  it('refuses local sign-in and registration when OIDC is configured', async () => {
    const client = ctx.client();
    const page = await client.get('/logg-inn');
    const html = await page.text();
    expect(html).toContain('Logg inn med ID-porten');
    expect(html).not.toContain('name="password"');

    const signIn = await client.post('/logg-inn', { email: 'someone@example.no', password: 'whatever-password' });
    expect(signIn.status).toBe(403);
    expect(await signIn.text()).toContain('Lokal innlogging er slått av');
    expect(client.cookies.has('frivillig_session')).toBe(false);

    // Refused before the form is even validated: no 422 with errors for a form that is not offered.
    expect((await client.post('/logg-inn', {})).status).toBe(403);

    const register = await client.post('/registrer', { name: 'Ny', email: 'ny@example.no', password: 'long-enough-password' });
    expect(register.status).toBe(403);
    expect((await client.post('/registrer', { email: 'not-an-address' })).status).toBe(403);
    expect(await ctx.database.db.select().from(users).where(eq(users.email, 'ny@example.no'))).toEqual([]);
    expect((await client.get('/registrer')).status).toBe(404);
  });

  it('signs out at the provider too (RP-initiated logout) and ends the local session', async () => {
    const client = ctx.client();
    const browser = new ProviderBrowser(op.issuer);
    await client.get(pathOf(await loginAtProvider(client, browser, 'kari-sub')));
    const [user] = await ctx.database.db
      .select()
      .from(users)
      .where(eq(users.oidcSubject, `${op.issuer}|kari-sub`));
    const before = await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user!.id));

    const res = await client.post('/logg-ut');
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    const discovery = (await (await fetch(`${op.issuer}/.well-known/openid-configuration`)).json()) as { end_session_endpoint: string };
    expect(location.origin + location.pathname).toBe(discovery.end_session_endpoint);
    expect(location.searchParams.get('id_token_hint')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/`);
    expect(client.cookies.has('frivillig_session')).toBe(false);
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(before.length - 1);

    // The provider accepts the request, asks for confirmation, ends its session and sends the browser home.
    const confirm = await browser.navigate(browser.request(location.href));
    const { action, fields } = formOf(confirm.html!, 'op.logoutForm');
    const home = await browser.navigate(browser.request(action, { method: 'POST', form: { ...fields, logout: 'yes' } }));
    expect(home.url!.href).toBe(`${APP}/`);
    expect((await client.get('/arbeidsrom')).status).toBe(303);
    expect(op.errors).toEqual([]);
  });
});

describe(`OpenID Connect with e-mail from the provider (${engineUnderTest})`, () => {
  let op: Awaited<ReturnType<typeof startProvider>>;
  let ctx: TestContext;

  beforeAll(async () => {
    op = await startProvider();
    ctx = await createTestContext({
      PUBLIC_URL: APP,
      OIDC_ISSUER: op.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_ALLOW_HTTP_ISSUER: 'true',
      OIDC_SCOPES: 'openid profile email',
    });
  });
  afterAll(async () => {
    await ctx.close();
    op.server.closeAllConnections();
    await new Promise((resolve) => op.server.close(resolve));
  });

  it('stores the e-mail address (lower-cased) when the provider gives one', async () => {
    const client = ctx.client();
    expect((await client.get(pathOf(await loginAtProvider(client, new ProviderBrowser(op.issuer), 'kari-sub')))).status).toBe(303);
    const [user] = await ctx.database.db
      .select()
      .from(users)
      .where(eq(users.oidcSubject, `${op.issuer}|kari-sub`));
    expect(user).toMatchObject({ name: 'Kari Nordmann', email: 'kari@example.no' });
  });

  it('does not link to, or fail on, an existing account with the same e-mail address', async () => {
    const local = await ctx.createUser({ name: 'Per (lokal)', email: 'per.lokal@example.no' });
    const client = ctx.client();
    const res = await client.get(pathOf(await loginAtProvider(client, new ProviderBrowser(op.issuer), 'taken-sub')));
    expect(res.status).toBe(303);
    const [user] = await ctx.database.db
      .select()
      .from(users)
      .where(eq(users.oidcSubject, `${op.issuer}|taken-sub`));
    expect(user).toMatchObject({ name: 'Per Lokal', email: null });
    expect(user!.id).not.toBe(local.id);
    const [session] = await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user!.id));
    expect(session).toBeDefined();
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, local.id))).toEqual([]);
  });
});

describe(`OpenID Connect when the provider cannot be reached (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let issuer: string;

  beforeAll(async () => {
    // A port that was just free: nothing answers there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise((resolve) => server.close(resolve));
    ctx = await createTestContext({
      PUBLIC_URL: APP,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_ALLOW_HTTP_ISSUER: 'true',
    });
  });
  afterAll(() => ctx.close());

  it('says the provider is unavailable (503) instead of failing with a server error', async () => {
    const res = await ctx.client().get('/logg-inn/oidc');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('Vi får ikke kontakt med ID-porten akkurat nå');
  });

  it('still signs the person out locally', async () => {
    const user = await ctx.createUser();
    const client = ctx.client();
    const { cookieValue } = await createSession(ctx.deps, { userId: user.id, idToken: 'a.b.c' });
    client.cookies.set('frivillig_session', cookieValue);
    const res = await client.post('/logg-ut');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/?utlogget=1');
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
  });
});
