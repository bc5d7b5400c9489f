import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/logger.ts';
import { BrregHttpError, createBrregClient } from './brreg-client.ts';

let server: Server;
let base: string;
let handler: (req: IncomingMessage, res: ServerResponse, attempt: number) => void;
let attempts = 0;

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res, ++attempts));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  attempts = 0;
});

function setup(opts: { retries?: number; timeoutMs?: number } = {}) {
  const lines: Record<string, unknown>[] = [];
  const delays: number[] = [];
  const client = createBrregClient({
    logger: createLogger('debug', (line) => lines.push(JSON.parse(line))),
    retries: opts.retries ?? 3,
    backoffMs: 100,
    timeoutMs: opts.timeoutMs ?? 2000,
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
  return { client, lines, delays };
}

describe('Brønnøysund HTTP client', () => {
  it('retries 5xx with growing backoff, logs each retry, and returns the answer', async () => {
    handler = (req, res, attempt) => {
      if (attempt < 3) return res.writeHead(502).end('bad gateway');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accept: req.headers.accept }));
    };
    const { client, lines, delays } = setup();
    const res = await client.getJson(`${base}/api/x`);
    expect(res.body).toEqual({ accept: 'application/json' });
    expect(attempts).toBe(3);
    // Exponential with jitter: 50–100 ms, then 100–200 ms.
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(delays[1]).toBeGreaterThanOrEqual(100);
    expect(delays[1]).toBeLessThanOrEqual(200);
    expect(lines.filter((l) => l.msg === 'brreg request failed; retrying').map((l) => l.problem)).toEqual(['HTTP 502', 'HTTP 502']);
  });

  it('honours Retry-After on 429', async () => {
    handler = (_req, res, attempt) => {
      if (attempt === 1) return res.writeHead(429, { 'retry-after': '3' }).end();
      res.writeHead(200).end('{}');
    };
    const { client, delays } = setup();
    await client.getJson(`${base}/api/x`);
    expect(delays).toEqual([3000]);
  });

  it('gives up after the retries with an error naming the URL and the last problem', async () => {
    handler = (_req, res) => res.writeHead(500).end('{"status":500,"feilmelding":"Intern feil"}');
    const { client, lines } = setup({ retries: 2 });
    const error = await client.getJson(`${base}/api/x`).catch((e) => e);
    expect(error).toBeInstanceOf(BrregHttpError);
    expect(error.message).toBe(`GET ${base}/api/x failed after 3 attempt(s): HTTP 500`);
    expect(error.status).toBe(500);
    expect(lines.at(-1)).toMatchObject({ level: 'error', msg: 'brreg request failed', attempts: 3 });
  });

  it('does not retry other 4xx; statuses the caller expects (404) are returned', async () => {
    handler = (req, res) => res.writeHead(req.url === '/missing' ? 404 : 400).end('{"status":400,"feilmelding":"Ugyldig"}');
    const { client } = setup();
    const missing = await client.getJson(`${base}/missing`, { accept4xx: [404] });
    expect(missing.status).toBe(404);
    const error = await client.getJson(`${base}/bad`).catch((e) => e);
    expect(error).toBeInstanceOf(BrregHttpError);
    expect(error.status).toBe(400);
    expect(error.message).toContain('Ugyldig');
    expect(attempts).toBe(2);
  });

  it('times out a server that does not answer, and retries it', async () => {
    handler = (_req, res, attempt) => {
      if (attempt === 1) return; // never answers
      res.writeHead(200).end('{"ok":true}');
    };
    const { client, lines } = setup({ timeoutMs: 200 });
    const res = await client.getJson(`${base}/slow`);
    expect(res.body).toEqual({ ok: true });
    expect(lines[0]!.problem).toMatch(/no answer within 200 ms/);
  });

  it('streams a body, and fails a download that stalls', async () => {
    handler = (req, res) => {
      res.writeHead(200, { 'content-length': '10', etag: '"x"' });
      res.write('12345');
      if (req.url === '/whole') res.end('67890');
    };
    const { client } = setup({ timeoutMs: 300 });
    const whole = await client.getStream(`${base}/whole`, { accept: 'application/test' });
    expect(whole.size).toBe(10);
    expect(whole.headers.get('etag')).toBe('"x"');
    const chunks: Buffer[] = [];
    for await (const c of whole.body) chunks.push(c);
    expect(Buffer.concat(chunks).toString()).toBe('1234567890');

    const stalled = await client.getStream(`${base}/stalls`);
    const error = await (async () => {
      for await (const _ of stalled.body) {
        // reading until it stalls
      }
    })().catch((e) => e);
    expect(error).toBeInstanceOf(BrregHttpError);
    expect(error.message).toMatch(/stalled \(no data for 300 ms\)/);
  });
});
