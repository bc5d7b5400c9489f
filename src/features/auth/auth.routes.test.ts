import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext, userByEmail } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../core/config.ts';
import { sha256 } from '../../core/crypto.ts';
import { sessions, signInAttempts, users } from '../../core/db/schema.ts';

/**
 * Local sign-in (demo and embedded default), registration, sessions and CSRF, through the HTTP routes
 * on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
 */

const PASSWORD = 'riktig-hest-batteri';
const MINUTE = 60_000;

let counter = 0;
function uniqueEmail(prefix = 'person'): string {
  counter += 1;
  return `${prefix}${counter}-${Math.random().toString(36).slice(2, 8)}@example.no`;
}

/** Registers through the form, as a person would, and returns the e-mail address; the client is then signed in. */
async function register(client: TestClient, name = 'Kari Nordmann'): Promise<string> {
  const email = uniqueEmail();
  const res = await client.post('/registrer', { name, email, password: PASSWORD });
  expect(res.status).toBe(303);
  return email;
}

async function sessionRow(ctx: TestContext, client: TestClient) {
  const cookie = client.cookies.get('frivillig_session');
  if (!cookie) return undefined;
  const [row] = await ctx.database.db
    .select()
    .from(sessions)
    .where(eq(sessions.idHash, sha256(cookie)));
  return row;
}

describe(`local sign-in, registration, sessions and CSRF (${engineUnderTest})`, () => {
  let ctx: TestContext;
  /** Each test runs in its own hour of a fixed day, so rate-limit windows never overlap between tests. */
  let clock = new Date('2031-03-03T06:00:00Z').getTime();

  beforeAll(async () => {
    ctx = await createTestContext({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '2' });
  });
  afterAll(() => ctx.close());
  beforeEach(() => {
    clock += 24 * 60 * MINUTE;
    ctx.setNow(new Date(clock));
  });
  const at = (minutes: number) => ctx.setNow(new Date(clock + minutes * MINUTE));

  describe('sign-in', () => {
    it('signs in with the right password, stores only an argon2id hash, and lands on the return path', async () => {
      const email = await register(ctx.client());
      const user = await userByEmail(ctx.database, email);
      expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(user!.passwordHash).not.toContain(PASSWORD);
      const everything = JSON.stringify(await ctx.database.db.select().from(users));
      expect(everything).not.toContain(PASSWORD);

      const client = ctx.client();
      const res = await client.post('/logg-inn', { email: email.toUpperCase(), password: PASSWORD, tilbake: '/arbeidsrom/ny' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/arbeidsrom/ny');
      expect((await sessionRow(ctx, client))?.userId).toBe(user!.id);
      expect((await client.get('/arbeidsrom')).status).toBe(200);
    });

    it('shows a wrong password as an error in bokmål, keeps the e-mail and never echoes the password', async () => {
      const email = await register(ctx.client());
      const client = ctx.client();
      const res = await client.post('/logg-inn', { email, password: 'feil-passord-123' });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('E-postadressen eller passordet er feil');
      expect(html).toContain(`value="${email}"`);
      expect(html).not.toContain('feil-passord-123');
      expect(client.cookies.has('frivillig_session')).toBe(false);
    });

    it('shows a wrong password as an error in nynorsk', async () => {
      const email = await register(ctx.client());
      const client = ctx.client();
      client.cookies.set('frivillig_lang', 'nn');
      const res = await client.post('/logg-inn', { email, password: 'feil-passord-123' });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-language')).toBe('nn');
      expect(await res.text()).toContain('E-postadressa eller passordet er feil');
    });

    it('gives the same answer for an unknown e-mail as for a wrong password', async () => {
      const res = await ctx.client().post('/logg-inn', { email: uniqueEmail('nobody'), password: 'feil-passord-123' });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('E-postadressen eller passordet er feil');
    });

    it('validates the form: a missing password and a malformed e-mail are 422 with messages', async () => {
      const res = await ctx.client().post('/logg-inn', { email: 'ikke-en-adresse', password: '' });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('Skriv inn en gyldig e-postadresse');
      expect(html).toContain('Skriv inn passordet ditt');
      expect(html).toContain('value="ikke-en-adresse"');
    });

    it('refuses the 6th attempt within 15 minutes with 429, even with the right password, and allows it after the window', async () => {
      const email = await register(ctx.client());
      const client = ctx.client();
      at(0);
      for (let i = 0; i < 5; i++) {
        expect((await client.post('/logg-inn', { email, password: `feil-passord-${i}` })).status).toBe(422);
      }
      at(10);
      const refused = await client.post('/logg-inn', { email, password: PASSWORD });
      expect(refused.status).toBe(429);
      expect(await refused.text()).toContain('For mange forsøk');
      expect(client.cookies.has('frivillig_session')).toBe(false);

      // Still refused just inside the 15 minutes (refused attempts do not extend the lock)…
      at(14.9);
      expect((await client.post('/logg-inn', { email, password: PASSWORD })).status).toBe(429);
      // …and allowed once the failures are older than that.
      at(15.1);
      const ok = await client.post('/logg-inn', { email, password: PASSWORD });
      expect(ok.status).toBe(303);
      expect(client.cookies.has('frivillig_session')).toBe(true);
    });

    it('counts failures per e-mail regardless of letter case', async () => {
      const email = await register(ctx.client());
      const client = ctx.client();
      for (let i = 0; i < 5; i++) {
        const variant = i % 2 ? email.toUpperCase() : email;
        expect((await client.post('/logg-inn', { email: variant, password: 'feil-passord-123' })).status).toBe(422);
      }
      expect((await client.post('/logg-inn', { email, password: PASSWORD })).status).toBe(429);
    });

    it('limits failures per client address too, across different e-mail addresses', async () => {
      const email = await register(ctx.client());
      // app.request() has no socket; the Node server binding is what gives the client address.
      const from = async (address: string, form: Record<string, string>) => {
        const boot = await ctx.app.request('/logg-inn');
        const csrf = /frivillig_csrf=([^;]+)/.exec(boot.headers.getSetCookie().join(','))![1]!;
        return ctx.app.request(
          '/logg-inn',
          {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `frivillig_csrf=${csrf}` },
            body: new URLSearchParams({ ...form, _csrf: csrf }),
          },
          { incoming: { socket: { remoteAddress: address } } },
        );
      };
      for (let i = 0; i < 5; i++) {
        expect((await from('198.51.100.7', { email: uniqueEmail('guess'), password: 'feil-passord-123' })).status).toBe(422);
      }
      expect((await from('198.51.100.7', { email, password: PASSWORD })).status).toBe(429);
      expect((await from('198.51.100.8', { email, password: PASSWORD })).status).toBe(303);
      const keys = (await ctx.database.db.select({ key: signInAttempts.key }).from(signInAttempts)).map((r) => r.key);
      expect(keys).toContain('ip:198.51.100.7');
    });

    it('behind TRUSTED_PROXY_HOPS proxies, counts the address the last proxy saw, not one the client made up', async () => {
      const proxied = await createTestContext({ TRUSTED_PROXY_HOPS: '1' });
      try {
        const email = await register(proxied.client());
        const from = async (forwardedFor: string, form: Record<string, string>) => {
          const boot = await proxied.app.request('/logg-inn');
          const csrf = /frivillig_csrf=([^;]+)/.exec(boot.headers.getSetCookie().join(','))![1]!;
          return proxied.app.request(
            '/logg-inn',
            {
              method: 'POST',
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                cookie: `frivillig_csrf=${csrf}`,
                'x-forwarded-for': forwardedFor,
              },
              body: new URLSearchParams({ ...form, _csrf: csrf }),
            },
            { incoming: { socket: { remoteAddress: '10.0.0.2' } } },
          );
        };
        // The client varies the left-hand entries; the proxy's own entry (rightmost) is what counts.
        for (let i = 0; i < 5; i++) {
          const res = await from(`203.0.113.${i}, 198.51.100.9`, { email: uniqueEmail('guess'), password: 'feil-passord-123' });
          expect(res.status).toBe(422);
        }
        expect((await from('203.0.113.77, 198.51.100.9', { email, password: PASSWORD })).status).toBe(429);
        expect((await from('198.51.100.10', { email, password: PASSWORD })).status).toBe(303);
        const keys = (await proxied.database.db.select({ key: signInAttempts.key }).from(signInAttempts)).map((r) => r.key);
        expect(keys).toContain('ip:198.51.100.9');
        expect(keys.some((k) => k.startsWith('ip:203.0.113.') || k === 'ip:10.0.0.2')).toBe(false);
      } finally {
        await proxied.close();
      }
    });

    it('ends a session that existed in the browser before signing in (no session fixation)', async () => {
      const client = ctx.client();
      const email = await register(client);
      const before = await sessionRow(ctx, client);
      expect(before).toBeDefined();
      expect((await client.post('/logg-inn', { email, password: PASSWORD })).status).toBe(303);
      const after = await sessionRow(ctx, client);
      expect(after!.idHash).not.toBe(before!.idHash);
      expect(await ctx.database.db.select().from(sessions).where(eq(sessions.idHash, before!.idHash))).toEqual([]);
    });
  });

  describe('registration', () => {
    it('creates the user, signs them in and sends them to the return path', async () => {
      const client = ctx.client();
      const email = uniqueEmail();
      const res = await client.post('/registrer', {
        name: '  Ola Nordmann ',
        email: `  ${email.toUpperCase()} `,
        password: PASSWORD,
        tilbake: '/arbeidsrom/ny',
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/arbeidsrom/ny');
      const user = await userByEmail(ctx.database, email);
      expect(user).toMatchObject({ name: 'Ola Nordmann', email });
      expect((await sessionRow(ctx, client))?.userId).toBe(user!.id);
    });

    it('limits how many accounts one client address creates per hour', async () => {
      const limited = await createTestContext({ REGISTRATIONS_PER_ADDRESS_PER_HOUR: '3' });
      try {
        for (let i = 0; i < 3; i++) {
          const res = await limited.client().post('/registrer', { name: 'Kari Nordmann', email: uniqueEmail(), password: PASSWORD });
          expect(res.status).toBe(303);
        }
        const email = uniqueEmail();
        const refused = await limited.client().post('/registrer', { name: 'Kari Nordmann', email, password: PASSWORD });
        expect(refused.status).toBe(429);
        expect(await refused.text()).toContain('60');
        expect(await userByEmail(limited.database, email)).toBeNull();
        limited.setNow(new Date(limited.deps.now().getTime() + 61 * MINUTE));
        expect((await limited.client().post('/registrer', { name: 'Kari Nordmann', email, password: PASSWORD })).status).toBe(303);
      } finally {
        await limited.close();
      }
    });

    it('re-renders a bad e-mail with 422, keeping the typed values but not the password', async () => {
      const client = ctx.client();
      const res = await client.post('/registrer', { name: 'Kari Nordmann', email: 'kari-at-example.no', password: 'Hemmelig-passord-1' });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('Skriv inn en gyldig e-postadresse');
      expect(html).toContain('value="Kari Nordmann"');
      expect(html).toContain('value="kari-at-example.no"');
      expect(html).not.toContain('Hemmelig-passord-1');
      expect(await userByEmail(ctx.database, 'kari-at-example.no')).toBeNull();
      expect(client.cookies.has('frivillig_session')).toBe(false);
    });

    it('re-renders a short password with 422 and the rule, keeping name and e-mail', async () => {
      const email = uniqueEmail();
      const res = await ctx.client().post('/registrer', { name: 'Kari Nordmann', email, password: 'Kort-pw1' });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('Passordet må ha minst 10 tegn');
      expect(html).toContain('value="Kari Nordmann"');
      expect(html).toContain(`value="${email}"`);
      expect(html).not.toContain('Kort-pw1');
      expect(await userByEmail(ctx.database, email)).toBeNull();
    });

    it('re-renders the errors in nynorsk', async () => {
      const client = ctx.client();
      client.cookies.set('frivillig_lang', 'nn');
      const res = await client.post('/registrer', { name: '', email: 'x', password: 'kort' });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('Skriv inn namnet ditt');
      expect(html).toContain('Skriv inn ei gyldig e-postadresse');
      expect(html).toContain('Passordet må ha minst 10 teikn');
    });

    it('refuses a duplicate e-mail address (in any letter case) and keeps the first account', async () => {
      const email = await register(ctx.client(), 'Første');
      const first = await userByEmail(ctx.database, email);
      const client = ctx.client();
      const res = await client.post('/registrer', { name: 'Andre', email: email.toUpperCase(), password: 'et-annet-passord' });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('Det finnes allerede en bruker med denne e-postadressen');
      expect(html).toContain('value="Andre"');
      expect(client.cookies.has('frivillig_session')).toBe(false);
      expect(await userByEmail(ctx.database, email)).toMatchObject({ id: first!.id, name: 'Første', passwordHash: first!.passwordHash });
    });
  });

  describe('return path (tilbake)', () => {
    const hostile = [
      '//evil.example',
      'https://evil.example',
      '//evil.example/arbeidsrom',
      '/\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
    ];

    it('puts only a local path into the sign-in and registration forms', async () => {
      for (const tilbake of hostile) {
        for (const page of ['/logg-inn', '/registrer']) {
          const html = await (await ctx.client().get(`${page}?tilbake=${encodeURIComponent(tilbake)}`)).text();
          expect(html, `${page} ${tilbake}`).toContain('name="tilbake" value="/arbeidsrom"');
        }
      }
      const html = await (await ctx.client().get(`/logg-inn?tilbake=${encodeURIComponent('/arbeidsrom/ny?a=1')}`)).text();
      expect(html).toContain('name="tilbake" value="/arbeidsrom/ny?a=1"');
    });

    it('redirects to a local path after sign-in whatever tilbake says', async () => {
      const email = await register(ctx.client());
      for (const tilbake of hostile) {
        const res = await ctx.client().post('/logg-inn', { email, password: PASSWORD, tilbake });
        expect(res.status, tilbake).toBe(303);
        expect(res.headers.get('location'), tilbake).toBe('/arbeidsrom');
      }
    });

    it('redirects to a local path after registration and for a signed-in visitor', async () => {
      const client = ctx.client();
      const res = await client.post('/registrer', { name: 'Kari', email: uniqueEmail(), password: PASSWORD, tilbake: '//evil.example' });
      expect(res.headers.get('location')).toBe('/arbeidsrom');
      const signedIn = await client.get('/logg-inn?tilbake=https%3A%2F%2Fevil.example');
      expect(signedIn.status).toBe(303);
      expect(signedIn.headers.get('location')).toBe('/arbeidsrom');
    });
  });

  describe('sessions', () => {
    it('sets the session cookie HttpOnly, SameSite=Lax, path /, not Secure when COOKIE_SECURE=false, and stores only its hash', async () => {
      const email = await register(ctx.client());
      const client = ctx.client();
      const res = await client.post('/logg-inn', { email, password: PASSWORD });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('frivillig_session='))!;
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(cookie).toMatch(/; Path=\//i);
      expect(cookie).not.toMatch(/; Secure/i);
      const value = client.cookies.get('frivillig_session')!;
      expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await ctx.database.db.select().from(sessions).where(eq(sessions.idHash, value))).toEqual([]);
      expect(await sessionRow(ctx, client)).toBeDefined();
    });

    it('marks the session and CSRF cookies Secure when COOKIE_SECURE=true', async () => {
      const email = await register(ctx.client());
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://frivillig.example', COOKIE_SECURE: 'true' });
      const app = createApp({ ...ctx.deps, config });
      const boot = await app.request('https://frivillig.example/logg-inn');
      const csrfCookie = boot.headers.getSetCookie().find((c) => c.startsWith('frivillig_csrf='))!;
      expect(csrfCookie).toMatch(/; Secure/i);
      const csrf = /^frivillig_csrf=([^;]+)/.exec(csrfCookie)![1]!;
      const res = await app.request('https://frivillig.example/logg-inn', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `frivillig_csrf=${csrf}`,
          origin: 'https://frivillig.example',
        },
        body: new URLSearchParams({ email, password: PASSWORD, _csrf: csrf }),
      });
      expect(res.status).toBe(303);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('frivillig_session='))!;
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
    });

    it('gives the cookie a Max-Age of SESSION_ABSOLUTE_HOURS, capped at the 400 days browsers allow', async () => {
      const email = await register(ctx.client());
      const client = ctx.client();
      const res = await client.post('/logg-inn', { email, password: PASSWORD });
      expect(res.headers.getSetCookie().find((c) => c.startsWith('frivillig_session='))).toMatch(/; Max-Age=7200;/);

      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PUBLIC_URL: 'http://localhost',
        COOKIE_SECURE: 'false',
        SESSION_ABSOLUTE_HOURS: '20000',
      });
      const app = createApp({ ...ctx.deps, config });
      const boot = await app.request('/logg-inn');
      const csrf = /frivillig_csrf=([^;]+)/.exec(boot.headers.getSetCookie().join(','))![1]!;
      const long = await app.request('/logg-inn', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `frivillig_csrf=${csrf}` },
        body: new URLSearchParams({ email, password: PASSWORD, _csrf: csrf }),
      });
      expect(long.status).toBe(303);
      expect(long.headers.getSetCookie().find((c) => c.startsWith('frivillig_session='))).toMatch(/; Max-Age=34560000;/);
    });

    it('signs out: deletes the session row, clears the cookie and shows the signed-out front page', async () => {
      const client = ctx.client();
      await register(client);
      const row = await sessionRow(ctx, client);
      expect(row).toBeDefined();
      const value = client.cookies.get('frivillig_session')!;
      const res = await client.post('/logg-ut');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/?utlogget=1');
      expect(res.headers.getSetCookie().some((c) => /^frivillig_session=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
      expect(await ctx.database.db.select().from(sessions).where(eq(sessions.idHash, row!.idHash))).toEqual([]);
      // The old cookie value is worthless even if someone kept a copy.
      const stale = ctx.client();
      stale.cookies.set('frivillig_session', value);
      expect((await stale.get('/arbeidsrom')).headers.get('location')).toBe('/logg-inn?tilbake=%2Farbeidsrom');
    });

    it('ends a session after SESSION_IDLE_MINUTES without requests', async () => {
      const client = ctx.client();
      await register(client);
      const row = await sessionRow(ctx, client);
      at(29);
      expect((await client.get('/arbeidsrom')).status).toBe(200);
      // 29 minutes of activity moved the idle limit on; 30 minutes after that request it is still fine…
      at(29 + 30);
      expect((await client.get('/arbeidsrom')).status).toBe(200);
      // …but not a minute more.
      at(29 + 30 + 31);
      const res = await client.get('/arbeidsrom');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/logg-inn?tilbake=%2Farbeidsrom');
      // The dead cookie is cleared, so the browser stops sending it.
      expect(res.headers.getSetCookie().some((c) => /^frivillig_session=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
      expect(await ctx.database.db.select().from(sessions).where(eq(sessions.idHash, row!.idHash))).toEqual([]);
    });

    it('ends a session after SESSION_ABSOLUTE_HOURS even when it is used all the time', async () => {
      const client = ctx.client();
      await register(client);
      const row = await sessionRow(ctx, client);
      for (let minutes = 20; minutes < 120; minutes += 20) {
        at(minutes);
        expect((await client.get('/arbeidsrom')).status, `${minutes} min`).toBe(200);
      }
      at(120);
      const res = await client.get('/arbeidsrom');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/logg-inn?tilbake=%2Farbeidsrom');
      expect(await ctx.database.db.select().from(sessions).where(eq(sessions.idHash, row!.idHash))).toEqual([]);
    });

    it('works across two app instances sharing the database, and sign-out on one ends it on both', async () => {
      const other = createApp({ ...ctx.deps });
      const client = ctx.client();
      await register(client);
      const cookie = `frivillig_session=${client.cookies.get('frivillig_session')}`;
      expect((await other.request('/arbeidsrom', { headers: { cookie } })).status).toBe(200);

      // Sign out on the other instance (with its own CSRF cookie), then the first no longer knows the session.
      const boot = await other.request('/', { headers: { cookie } });
      const csrf = /frivillig_csrf=([^;]+)/.exec(boot.headers.getSetCookie().join(','))![1]!;
      const out = await other.request('/logg-ut', {
        method: 'POST',
        headers: { cookie: `${cookie}; frivillig_csrf=${csrf}`, 'x-csrf-token': csrf },
      });
      expect(out.status).toBe(303);
      const res = await client.get('/arbeidsrom');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/logg-inn?tilbake=%2Farbeidsrom');
    });

    it('ignores an unknown session cookie', async () => {
      const client = ctx.client();
      client.cookies.set('frivillig_session', 'A'.repeat(43));
      expect((await client.get('/arbeidsrom')).status).toBe(303);
    });
  });

  describe('CSRF', () => {
    it('refuses a POST with no CSRF cookie or token', async () => {
      const email = await register(ctx.client());
      const res = await ctx.app.request('/logg-inn', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email, password: PASSWORD }),
      });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('Skjemaet er utløpt');
      expect(res.headers.getSetCookie().some((c) => c.startsWith('frivillig_session='))).toBe(false);
    });

    it('refuses a POST with the CSRF cookie but without the token', async () => {
      const email = await register(ctx.client());
      const client = ctx.client();
      await client.get('/logg-inn');
      expect(client.cookies.has('frivillig_csrf')).toBe(true);
      const res = await client.post('/logg-inn', { email, password: PASSWORD }, { csrf: false });
      expect(res.status).toBe(403);
      expect(client.cookies.has('frivillig_session')).toBe(false);
    });

    it('refuses a wrong token, in the form field or in the header', async () => {
      const email = await register(ctx.client());
      const client = ctx.client();
      await client.get('/logg-inn');
      const wrong = 'B'.repeat(43);
      expect((await client.post('/logg-inn', { email, password: PASSWORD, _csrf: wrong }, { csrf: false })).status).toBe(403);
      const viaHeader = await client.post('/logg-inn', { email, password: PASSWORD }, { csrf: false, headers: { 'x-csrf-token': wrong } });
      expect(viaHeader.status).toBe(403);
      expect(client.cookies.has('frivillig_session')).toBe(false);
    });

    it('refuses a foreign Origin even with a valid token, and accepts our own', async () => {
      const email = await register(ctx.client());
      const client = ctx.client();
      const foreign = await client.post('/logg-inn', { email, password: PASSWORD }, { headers: { origin: 'https://evil.example' } });
      expect(foreign.status).toBe(403);
      expect(client.cookies.has('frivillig_session')).toBe(false);
      const own = await client.post('/logg-inn', { email, password: PASSWORD }, { headers: { origin: 'http://localhost' } });
      expect(own.status).toBe(303);
    });

    it('protects sign-out too: a forged sign-out leaves the session alone', async () => {
      const client = ctx.client();
      await register(client);
      const row = await sessionRow(ctx, client);
      expect((await client.post('/logg-ut', {}, { csrf: false })).status).toBe(403);
      expect((await client.post('/logg-ut', {}, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
      expect(await sessionRow(ctx, client)).toMatchObject({ idHash: row!.idHash });
      expect((await client.get('/arbeidsrom')).status).toBe(200);
    });
  });
});
