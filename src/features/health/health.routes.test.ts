import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { rowsOf } from '../../core/db/client.ts';

describe(`health checks (${engineUnderTest})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('/healthz answers without touching the database', async () => {
    const res = await ctx.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz reports the engine and that every migration is applied', async () => {
    const res = await ctx.app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', engine: engineUnderTest, pendingMigrations: 0 });
  });

  it('/readyz is 503 when a migration is missing', async () => {
    const [last] = rowsOf<{ id: number }>(
      await ctx.database.db.execute(sql`select id from drizzle.__drizzle_migrations order by id desc limit 1`),
    );
    await ctx.database.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${last!.id}`);
    const res = await ctx.app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', pendingMigrations: 1 });
  });

  it('every response carries a request id', async () => {
    const res = await ctx.app.request('/healthz', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    const fresh = await ctx.app.request('/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
