import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../../core/http/context.ts';

/**
 * /healthz: the process is alive (no I/O, for liveness probes).
 * /readyz: the database answers and every migration in the repository is applied (for readiness probes).
 */
export function healthRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const { database } = c.get('deps');
    try {
      await database.db.execute(sql`select 1`);
    } catch (error) {
      c.get('deps').logger.warn('readyz: database unreachable', { error });
      return c.json({ status: 'unavailable', database: 'unreachable' }, 503);
    }
    const pending = await database.pendingMigrations();
    if (pending > 0) return c.json({ status: 'unavailable', database: 'ok', pendingMigrations: pending }, 503);
    return c.json({ status: 'ok', database: 'ok', engine: database.engine, pendingMigrations: 0 });
  });
  return app;
}
