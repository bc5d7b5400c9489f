import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { createApp } from '../../src/app.ts';
import { createSession } from '../../src/core/auth/sessions.ts';
import { loadConfig } from '../../src/core/config.ts';
import type { Database } from '../../src/core/db/client.ts';
import { userPlatformRoles, users } from '../../src/core/db/schema.ts';
import type { AppEnv, Deps } from '../../src/core/http/context.ts';
import { createLogger } from '../../src/core/logger.ts';
import { createMailer } from '../../src/core/mail/mailer.ts';
import { createTestDatabase } from './database.ts';

export interface TestContext {
  app: Hono<AppEnv>;
  deps: Deps;
  database: Database;
  /** Moves the injected clock; the app sees this time on its next request. */
  setNow(date: Date): void;
  createUser(opts?: {
    name?: string;
    email?: string;
    platformRoles?: ('public_official' | 'orchestrator' | 'administrator')[];
  }): Promise<{ id: string; name: string; email: string }>;
  /** A browser-like client with its own cookie jar and CSRF token handling. */
  client(): TestClient;
  close(): Promise<void>;
}

export interface TestClient {
  cookies: Map<string, string>;
  signInAs(userId: string): Promise<void>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /**
   * Posts a form; the CSRF token is fetched and added unless `csrf: false`. A form with repeated fields
   * (checkbox groups, rows) is given as [name, value] pairs, in the order a browser sends them.
   */
  post(
    path: string,
    form?: Record<string, string> | [string, string][],
    opts?: { csrf?: boolean; headers?: Record<string, string> },
  ): Promise<Response>;
  request(path: string, init?: RequestInit): Promise<Response>;
}

let counter = 0;

export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost',
    COOKIE_SECURE: 'false',
    // Route tests register many people from one (unknown) address; the limit has its own test.
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '100000',
    ...env,
  });
  let now = new Date();
  const logger = createLogger(config.LOG_LEVEL);
  const deps: Deps = { config, database, logger, mailer: createMailer({ config, database, logger }), now: () => now };
  const app = createApp(deps);

  const client = (): TestClient => {
    const cookies = new Map<string, string>();
    const request = async (path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
      const res = await app.request(path, { ...init, headers });
      for (const raw of res.headers.getSetCookie()) {
        const [pair = ''] = raw.split(';');
        const i = pair.indexOf('=');
        const name = pair.slice(0, i);
        const value = pair.slice(i + 1);
        if (/max-age=0/i.test(raw) || /expires=Thu, 01 Jan 1970/i.test(raw) || value === '') cookies.delete(name);
        else cookies.set(name, value);
      }
      return res;
    };
    const ensureCsrf = async () => {
      if (!cookies.has('frivillig_csrf')) await request('/healthz-csrf-bootstrap');
      return cookies.get('frivillig_csrf') ?? '';
    };
    return {
      cookies,
      request,
      async signInAs(userId) {
        const { cookieValue } = await createSession(deps, { userId });
        cookies.set('frivillig_session', cookieValue);
      },
      get: (path, headers) => request(path, { headers }),
      async post(path, form = {}, opts = {}) {
        const body = new URLSearchParams(form);
        if (opts.csrf !== false) body.set('_csrf', await ensureCsrf());
        return request(path, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
        });
      },
    };
  };

  return {
    app,
    deps,
    database,
    setNow: (d) => {
      now = d;
    },
    async createUser(opts = {}) {
      counter += 1;
      const name = opts.name ?? `Test Person ${counter}`;
      const email = opts.email ?? `person${counter}-${Math.random().toString(36).slice(2, 8)}@test.frivillig.no`;
      const [row] = await database.db.insert(users).values({ name, email }).returning({ id: users.id });
      for (const role of opts.platformRoles ?? []) await database.db.insert(userPlatformRoles).values({ userId: row!.id, role });
      return { id: row!.id, name, email };
    },
    client,
    close: () => database.close(),
  };
}

export async function userByEmail(database: Database, email: string) {
  const [row] = await database.db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}
