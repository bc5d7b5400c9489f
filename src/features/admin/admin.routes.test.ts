import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { auditEvents, userPlatformRoles } from '../../core/db/schema.ts';

describe(`platform administration (${engineUnderTest})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('is for administrators only', async () => {
    const official = await ctx.createUser({ platformRoles: ['public_official', 'orchestrator'] });
    const c = ctx.client();
    await c.signInAs(official.id);
    expect((await c.get('/admin/brukere')).status).toBe(403);
    expect((await c.get('/admin/logg')).status).toBe(403);
    expect((await c.post(`/admin/brukere/${official.id}/roller`, { roles: 'administrator' })).status).toBe(403);
    expect(await ctx.database.db.select().from(userPlatformRoles).where(eq(userPlatformRoles.userId, official.id))).toHaveLength(2);
    expect((await ctx.client().get('/admin/brukere')).status).toBe(303);
  });

  it('lets an administrator set several roles at once, audited', async () => {
    const admin = await ctx.createUser({ name: 'Ada Admin', platformRoles: ['administrator'] });
    const target = await ctx.createUser({ name: 'Sara Saksbehandler' });
    const c = ctx.client();
    await c.signInAs(admin.id);
    const list = await c.get('/admin/brukere?q=sara');
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('Sara Saksbehandler');
    expect(html).not.toContain('<h2 class="ds-heading" data-size="xs">Ada Admin');

    const body = new URLSearchParams([
      ['roles', 'public_official'],
      ['roles', 'orchestrator'],
      ['_csrf', ''],
    ]);
    await c.get('/');
    body.set('_csrf', c.cookies.get('frivillig_csrf')!);
    const res = await c.request(`/admin/brukere/${target.id}/roller`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(303);
    const roles = await ctx.database.db.select().from(userPlatformRoles).where(eq(userPlatformRoles.userId, target.id));
    expect(roles.map((r) => r.role).sort()).toEqual(['orchestrator', 'public_official']);
    const [event] = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'platform.roles_changed'));
    expect(event).toMatchObject({
      actorUserId: admin.id,
      organisationId: null,
      details: expect.objectContaining({ before: [], after: ['public_official', 'orchestrator'] }),
    });
    const log = await (await c.get('/admin/logg')).text();
    expect(log).toContain('Endret plattformrollene til Sara Saksbehandler: offentlig saksbehandler, orkestrator');

    // Unticking everything removes the roles.
    expect((await c.post(`/admin/brukere/${target.id}/roller`, {})).status).toBe(303);
    expect(await ctx.database.db.select().from(userPlatformRoles).where(eq(userPlatformRoles.userId, target.id))).toHaveLength(0);
  });

  it('rejects unknown roles and keeps the last administrator', async () => {
    const c = ctx.client();
    const admins = await ctx.database.db.select().from(userPlatformRoles).where(eq(userPlatformRoles.role, 'administrator'));
    expect(admins).toHaveLength(1);
    const adminId = admins[0]!.userId;
    await c.signInAs(adminId);
    expect((await c.post(`/admin/brukere/${adminId}/roller`, { roles: 'superuser' })).status).toBe(422);
    const res = await c.post(`/admin/brukere/${adminId}/roller`, { roles: 'orchestrator' });
    expect(res.status).toBe(303);
    expect(await (await c.get('/admin/brukere')).text()).toContain('Det må alltid være minst én administrator.');
    const still = await ctx.database.db.select().from(userPlatformRoles).where(eq(userPlatformRoles.userId, adminId));
    expect(still.map((r) => r.role)).toEqual(['administrator']);
  });
});
