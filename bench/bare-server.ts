/**
 * The baseline: a bare Hono app with one route returning a small HTML string, served by @hono/node-server the
 * same way Frivillig is. No middleware, no database. Frivillig's routes are reported as ratios to this.
 *
 *   PORT=… HOST=… node --import tsx bench/bare-server.ts
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const PAGE =
  '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Baseline</title></head>' +
  '<body><main><h1>Hei</h1><p>A small page from a bare Hono app.</p></main></body></html>';

const app = new Hono();
app.get('/', (c) => c.html(PAGE));

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3999), hostname: process.env.HOST ?? '127.0.0.1' });
server.once('listening', () =>
  console.error(`bare Hono baseline listening on ${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 3999}`),
);
// Keep-alive connections would hold close() open; the benchmark is over when this is asked to stop.
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));
