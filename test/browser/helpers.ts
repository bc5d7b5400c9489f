import type { Server as HttpServer } from 'node:http';
import { createServer } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { desc } from 'drizzle-orm';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page, type Response } from 'playwright-core';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/core/config.ts';
import type { Database } from '../../src/core/db/client.ts';
import { outboundEmails } from '../../src/core/db/schema.ts';
import type { Deps } from '../../src/core/http/context.ts';
import { createLogger } from '../../src/core/logger.ts';
import { createMailer } from '../../src/core/mail/mailer.ts';
import { createTestDatabase } from '../helpers/database.ts';

/**
 * Browser journeys: the real app served in-process on 127.0.0.1 (fresh database per test file), driven by
 * Debian's headless Chromium through playwright-core. Every document a journey lands on is checked with axe;
 * `assertEveryPageChecked()` fails the test if a navigation slipped through without a check.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const PASSWORD = 'et-langt-og-trygt-passord-42';

export interface BrowserHarness {
  baseUrl: string;
  deps: Deps;
  database: Database;
  browser: Browser;
  /** A fresh browser context (own cookies); pages from it are tracked for the axe-on-every-page rule. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Goes to a path on the app, asserts a non-error status unless told otherwise, and runs axe. */
  visit(page: Page, path: string, opts?: { status?: number }): Promise<Response>;
  /** Does something that loads a new document (click a link, submit a form), waits for it, runs axe. */
  navigate(page: Page, action: () => Promise<unknown>): Promise<void>;
  /** Runs axe on the current document and fails with a readable list of violations. */
  checkA11y(page: Page): Promise<void>;
  /** Fails if any document loaded in a tracked page was never checked with axe. */
  assertEveryPageChecked(): void;
  /** The newest invitation link e-mailed to this address (read from the outbox table). */
  invitationLinkFor(email: string): Promise<string>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

export function formatViolations(url: string, violations: AxeViolation[]): string {
  const lines = [`${violations.length} accessibility violation(s) on ${url}:`];
  for (const v of violations) {
    lines.push('', `• [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}`, `  ${v.helpUrl}`);
    for (const node of v.nodes) {
      lines.push(`    – ${node.target.map(String).join(' ')}`);
      lines.push(`      ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split('\n').map((l) => `      ${l}`));
    }
  }
  return lines.join('\n');
}

/** `env` adds configuration, e.g. the address of a local double standing in for an external service. */
export async function startBrowserHarness(opts: { env?: Record<string, string> } = {}): Promise<BrowserHarness> {
  const database = await createTestDatabase();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', COOKIE_SECURE: 'false', PUBLIC_URL: baseUrl, ...opts.env });
  const logger = createLogger(config.LOG_LEVEL);
  const deps: Deps = { config, database, logger, mailer: createMailer({ config, database, logger }), now: () => new Date() };
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const contexts: BrowserContext[] = [];
  /** URL of the document each tracked page shows, while it has not been checked with axe yet. */
  const pending = new Map<Page, string | null>();
  const unchecked: string[] = [];

  /** Pages whose context runs without JavaScript; axe cannot run inside them (its timers never fire). */
  const scriptless = new WeakSet<Page>();

  const analyze = async (page: Page) => {
    if (!scriptless.has(page)) return new AxeBuilder({ page }).analyze();
    // Check an exact copy of the document as the script-less browser has it, served at the same URL in a
    // scripted context with the same viewport. Its <script> elements are dropped: they never ran here either.
    const url = page.url();
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
    const mirrorContext = await browser.newContext({ viewport: page.viewportSize() });
    try {
      const mirror = await mirrorContext.newPage();
      await mirror.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await mirror.goto(url);
      return await new AxeBuilder({ page: mirror }).analyze();
    } finally {
      await mirrorContext.close();
    }
  };

  const checkA11y = async (page: Page) => {
    await page.waitForLoadState('load');
    const result = await analyze(page);
    pending.set(page, null);
    if (result.violations.length > 0) throw new Error(formatViolations(page.url(), result.violations));
  };

  const harness: BrowserHarness = {
    baseUrl,
    deps,
    database,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'nb-NO', ...options });
      context.setDefaultTimeout(30_000);
      contexts.push(context);
      const page = await context.newPage();
      if (options.javaScriptEnabled === false) scriptless.add(page);
      pending.set(page, null);
      page.on('load', () => {
        const previous = pending.get(page);
        if (previous) unchecked.push(previous);
        pending.set(page, page.url());
      });
      return page;
    },
    async visit(page, path, opts = {}) {
      const response = await page.goto(new URL(path, baseUrl).toString());
      if (!response) throw new Error(`no response for ${path}`);
      const expected = opts.status;
      if (expected !== undefined ? response.status() !== expected : response.status() >= 400) {
        throw new Error(`GET ${path} answered ${response.status()}${expected !== undefined ? `, expected ${expected}` : ''}`);
      }
      await checkA11y(page);
      return response;
    },
    async navigate(page, action) {
      const loaded = page.waitForEvent('load');
      await action();
      await loaded;
      await checkA11y(page);
    },
    checkA11y,
    assertEveryPageChecked() {
      const missed = [...unchecked, ...[...pending.values()].filter((url): url is string => !!url && url !== 'about:blank')];
      unchecked.length = 0;
      for (const page of pending.keys()) pending.set(page, null);
      if (missed.length > 0) throw new Error(`pages loaded but never checked with axe:\n${missed.join('\n')}`);
    },
    async invitationLinkFor(email) {
      const rows = await database.db.select().from(outboundEmails).orderBy(desc(outboundEmails.createdAt));
      for (const row of rows) {
        if (row.toAddress !== email) continue;
        const match = row.textBody.match(/https?:\/\/\S+\/invitasjon\/[A-Za-z0-9_-]+/);
        if (match) return match[0];
      }
      throw new Error(`no invitation e-mail to ${email} in outbound_emails`);
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close().catch(() => {});
      (server as HttpServer).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
  return harness;
}

/** Fills and submits the local registration form from wherever the page is; lands signed in. */
export async function registerLocal(h: BrowserHarness, page: Page, user: { name: string; email: string }, returnTo = '/arbeidsrom') {
  await h.visit(page, `/registrer?tilbake=${encodeURIComponent(returnTo)}`);
  await fillRegistration(h, page, user);
}

/** Fills and submits the registration form the page is showing. */
export async function fillRegistration(h: BrowserHarness, page: Page, user: { name: string; email: string }) {
  await page.getByLabel('Fullt navn', { exact: true }).fill(user.name);
  await page.getByLabel('E-postadresse', { exact: true }).fill(user.email);
  await page.getByLabel('Passord', { exact: true }).fill(PASSWORD);
  await h.navigate(page, () => page.getByRole('button', { name: 'Opprett bruker' }).click());
}

/** Signs in through the local sign-in form. */
export async function signInLocal(h: BrowserHarness, page: Page, email: string, returnTo = '/arbeidsrom') {
  await h.visit(page, `/logg-inn?tilbake=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('E-postadresse', { exact: true }).fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(PASSWORD);
  await h.navigate(page, () => page.getByRole('main').getByRole('button', { name: 'Logg inn' }).click());
}
