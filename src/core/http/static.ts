import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';

// These packages do not export package.json, so locate them in the project's node_modules directly.
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const packageDir = (name: string) => join(PROJECT_ROOT, 'node_modules', name);

/** URL prefix → directory. Only these directories are ever served. */
const ROOTS: Record<string, string> = {
  theme: join(packageDir('@brreg/designsystemet-theme'), 'css'),
  ds: join(packageDir('@digdir/designsystemet-css'), 'dist', 'src'),
  fonts: packageDir('@fontsource/inter'),
  app: fileURLToPath(new URL('../../static', import.meta.url)),
};

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const cache = new Map<string, Buffer>();

/** Serves /static/<root>/<file>; our own files are at /static/<file> (root "app"). */
export function staticFiles(opts: { cacheInMemory: boolean }) {
  const app = new Hono<AppEnv>();
  app.get('/static/*', async (c) => {
    const rest = decodeURIComponent(new URL(c.req.url).pathname.slice('/static/'.length));
    const [first = '', ...others] = rest.split('/');
    const [rootDir, relative] = first in ROOTS && others.length > 0 ? [ROOTS[first]!, others.join('/')] : [ROOTS.app!, rest];
    const type = TYPES[extname(relative)];
    const file = normalize(join(rootDir, relative));
    if (!type || !file.startsWith(rootDir + sep)) return c.notFound();
    let body = opts.cacheInMemory ? cache.get(file) : undefined;
    if (!body) {
      try {
        body = await readFile(file);
      } catch {
        return c.notFound();
      }
      if (opts.cacheInMemory) cache.set(file, body);
    }
    return c.body(new Uint8Array(body), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=3600',
    });
  });
  return app;
}
