import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { auditEvents, invitations, memberships, organisations, outboundEmails } from '../../core/db/schema.ts';

/** Extracts the invitation token from the newest e-mail sent to an address. */
async function invitationTokenFor(ctx: TestContext, email: string): Promise<string> {
  const rows = await ctx.database.db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, email));
  const body = rows.at(-1)?.textBody ?? '';
  const match = body.match(/\/invitasjon\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no invitation link in e-mail to ${email}: ${body}`);
  return match[1]!;
}

async function createOrg(client: TestClient, form: Record<string, string>): Promise<string> {
  const res = await client.post('/arbeidsrom/ny', form);
  expect(res.status).toBe(303);
  const id = res.headers.get('location')!.split('/').pop()!;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id;
}

describe(`organisation workspaces (${engineUnderTest})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('asks a signed-out visitor to sign in and brings them back', async () => {
    const res = await ctx.client().get('/arbeidsrom/ny');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/logg-inn?tilbake=%2Farbeidsrom%2Fny');
  });

  it('creates an unregistered workspace in phase 1 with the creator as leader, and logs it', async () => {
    const kari = await ctx.createUser({ name: 'Kari' });
    const client = ctx.client();
    await client.signInAs(kari.id);
    const id = await createOrg(client, { name: 'Strikkeklubben', registered: 'no' });
    const [org] = await ctx.database.db.select().from(organisations).where(eq(organisations.id, id));
    expect(org).toMatchObject({ name: 'Strikkeklubben', orgnr: null, phase: 1 });
    const [m] = await ctx.database.db.select().from(memberships).where(eq(memberships.organisationId, id));
    expect(m).toMatchObject({ userId: kari.id, role: 'leader' });
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.organisationId, id));
    expect(audit.map((a) => a.action)).toEqual(['organisation.created']);
    const page = await client.get(`/arbeidsrom/${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Strikkeklubben');
  });

  it('validates the organisasjonsnummer with MOD11 and loses nothing the user typed', async () => {
    const user = await ctx.createUser();
    const client = ctx.client();
    await client.signInAs(user.id);
    const before = await ctx.database.db.select().from(organisations);
    const res = await client.post('/arbeidsrom/ny', { name: 'Sjakklubben', registered: 'yes', orgnr: '910000013' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Organisasjonsnummeret er ikke gyldig');
    expect(html).toContain('value="Sjakklubben"');
    expect(html).toContain('value="910000013"');
    expect(html).toContain('ds-error-summary');
    expect(await ctx.database.db.select().from(organisations)).toHaveLength(before.length);

    const missing = await client.post('/arbeidsrom/ny', { name: '', registered: '' });
    const missingHtml = await missing.text();
    expect(missing.status).toBe(422);
    expect(missingHtml).toContain('Skriv inn navnet på organisasjonen');
    expect(missingHtml).toContain('Velg om organisasjonen er registrert');
  });

  it('shows the errors in nynorsk for a nynorsk user', async () => {
    const user = await ctx.createUser();
    const client = ctx.client();
    await client.signInAs(user.id);
    client.cookies.set('frivillig_lang', 'nn');
    const res = await client.post('/arbeidsrom/ny', { name: 'X', registered: 'yes', orgnr: '12345' });
    const html = await res.text();
    expect(html).toContain('<html lang="nn"');
    expect(html).toContain('Organisasjonsnummeret er ikkje gyldig');
  });

  it('accepts a valid orgnr with spaces, starts registered organisations in phase 3, and refuses a second workspace for it', async () => {
    const user = await ctx.createUser();
    const client = ctx.client();
    await client.signInAs(user.id);
    const id = await createOrg(client, { name: 'Tromsø Sjakklubb', registered: 'yes', orgnr: '910 000 012' });
    const [org] = await ctx.database.db.select().from(organisations).where(eq(organisations.id, id));
    expect(org).toMatchObject({ orgnr: '910000012', phase: 3 });

    const other = ctx.client();
    await other.signInAs((await ctx.createUser()).id);
    const dup = await other.post('/arbeidsrom/ny', { name: 'Kopi', registered: 'yes', orgnr: '910000012' });
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain('har allerede et arbeidsrom');
  });

  it('invites by e-mail; the link is single use and adds the member with the invited role', async () => {
    const leader = await ctx.createUser({ name: 'Leder Lise' });
    const invitee = await ctx.createUser({ name: 'Nye Nils' });
    const lc = ctx.client();
    await lc.signInAs(leader.id);
    const orgId = await createOrg(lc, { name: 'Turlaget', registered: 'no' });

    const res = await lc.post(`/arbeidsrom/${orgId}/invitasjoner`, { email: 'Nils@Example.no', role: 'treasurer' });
    expect(res.status).toBe(303);
    const members = await lc.get(`/arbeidsrom/${orgId}/medlemmer`);
    const membersHtml = await members.text();
    expect(membersHtml).toContain('Invitasjonen er sendt til nils@example.no');
    expect(membersHtml).toContain('nils@example.no');

    const token = await invitationTokenFor(ctx, 'nils@example.no');
    const [stored] = await ctx.database.db.select().from(invitations).where(eq(invitations.organisationId, orgId));
    expect(stored!.tokenHash).not.toContain(token);

    const ic = ctx.client();
    const signedOut = await ic.get(`/invitasjon/${token}`);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toContain('/logg-inn?tilbake=');

    await ic.signInAs(invitee.id);
    const show = await ic.get(`/invitasjon/${token}`);
    expect(show.status).toBe(200);
    expect(await show.text()).toContain('Turlaget');
    const accept = await ic.post(`/invitasjon/${token}`);
    expect(accept.status).toBe(303);
    expect(accept.headers.get('location')).toBe(`/arbeidsrom/${orgId}`);
    const [m] = await ctx.database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, invitee.id)));
    expect(m?.role).toBe('treasurer');

    // Second use of the same link, by anyone, is refused.
    const again = ctx.client();
    await again.signInAs((await ctx.createUser()).id);
    const reused = await again.post(`/invitasjon/${token}`);
    expect(reused.status).toBe(410);
    expect(await reused.text()).toContain('Invitasjonen finnes ikke, er allerede brukt');
  });

  it('refuses expired and revoked invitations', async () => {
    const leader = await ctx.createUser();
    const lc = ctx.client();
    await lc.signInAs(leader.id);
    const orgId = await createOrg(lc, { name: 'Korps', registered: 'no' });
    await lc.post(`/arbeidsrom/${orgId}/invitasjoner`, { email: 'late@example.no', role: 'member' });
    await lc.post(`/arbeidsrom/${orgId}/invitasjoner`, { email: 'revoked@example.no', role: 'member' });
    const lateToken = await invitationTokenFor(ctx, 'late@example.no');
    const revokedToken = await invitationTokenFor(ctx, 'revoked@example.no');
    const [revokedRow] = await ctx.database.db.select().from(invitations).where(eq(invitations.email, 'revoked@example.no'));
    const revoke = await lc.post(`/arbeidsrom/${orgId}/invitasjoner/${revokedRow!.id}/trekk-tilbake`);
    expect(revoke.status).toBe(303);

    const ic = ctx.client();
    await ic.signInAs((await ctx.createUser()).id);
    expect((await ic.post(`/invitasjon/${revokedToken}`)).status).toBe(410);
    ctx.setNow(new Date(Date.now() + 8 * 86_400_000));
    try {
      // A fresh session at the later time, so only the invitation is stale.
      const late = ctx.client();
      await late.signInAs((await ctx.createUser()).id);
      expect((await late.post(`/invitasjon/${lateToken}`)).status).toBe(410);
    } finally {
      ctx.setNow(new Date());
    }
    const count = await ctx.database.db.select().from(memberships).where(eq(memberships.organisationId, orgId));
    expect(count).toHaveLength(1);
  });

  it('only leaders invite, change roles, remove and read the audit log', async () => {
    const leader = await ctx.createUser();
    const member = await ctx.createUser();
    const lc = ctx.client();
    await lc.signInAs(leader.id);
    const orgId = await createOrg(lc, { name: 'Sangkoret', registered: 'no' });
    await ctx.database.db.insert(memberships).values({ organisationId: orgId, userId: member.id, role: 'board_member' });
    const mc = ctx.client();
    await mc.signInAs(member.id);
    expect((await mc.get(`/arbeidsrom/${orgId}`)).status).toBe(200);
    expect((await mc.get(`/arbeidsrom/${orgId}/medlemmer`)).status).toBe(200);
    expect((await mc.get(`/arbeidsrom/${orgId}/logg`)).status).toBe(403);
    expect((await mc.get(`/arbeidsrom/${orgId}/invitasjoner/ny`)).status).toBe(403);
    expect((await mc.post(`/arbeidsrom/${orgId}/invitasjoner`, { email: 'x@example.no', role: 'leader' })).status).toBe(403);
    expect((await mc.post(`/arbeidsrom/${orgId}/medlemmer/${leader.id}/rolle`, { role: 'member' })).status).toBe(403);
    expect((await mc.post(`/arbeidsrom/${orgId}/medlemmer/${leader.id}/fjern`)).status).toBe(403);
    const [m] = await ctx.database.db.select().from(memberships).where(eq(memberships.userId, leader.id));
    expect(m?.role).toBe('leader');
  });

  it('always keeps at least one leader', async () => {
    const leader = await ctx.createUser({ name: 'Eneste Leder' });
    const other = await ctx.createUser({ name: 'Andre Person' });
    const lc = ctx.client();
    await lc.signInAs(leader.id);
    const orgId = await createOrg(lc, { name: 'Bridgeklubben', registered: 'no' });
    await ctx.database.db.insert(memberships).values({ organisationId: orgId, userId: other.id, role: 'member' });

    const demote = await lc.post(`/arbeidsrom/${orgId}/medlemmer/${leader.id}/rolle`, { role: 'member' });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain('må alltid ha minst én leder');
    expect((await lc.post(`/arbeidsrom/${orgId}/forlat`)).status).toBe(409);

    // Make the other person leader; now the first may step down and leave.
    expect((await lc.post(`/arbeidsrom/${orgId}/medlemmer/${other.id}/rolle`, { role: 'leader' })).status).toBe(303);
    expect((await lc.post(`/arbeidsrom/${orgId}/medlemmer/${leader.id}/rolle`, { role: 'board_member' })).status).toBe(303);
    const oc = ctx.client();
    await oc.signInAs(other.id);
    expect((await oc.post(`/arbeidsrom/${orgId}/forlat`)).status).toBe(409);
    expect((await lc.post(`/arbeidsrom/${orgId}/forlat`)).status).toBe(303);
    const left = await ctx.database.db.select().from(memberships).where(eq(memberships.organisationId, orgId));
    expect(left).toEqual([expect.objectContaining({ userId: other.id, role: 'leader' })]);

    const log = await oc.get(`/arbeidsrom/${orgId}/logg`);
    expect(log.status).toBe(200);
    const html = await log.text();
    expect(html).toContain('Endret rollen til Andre Person fra medlem til leder');
    expect(html).toContain('Eneste Leder forlot organisasjonen');
  });

  it('two leaders demoting each other at once cannot leave the organisation leaderless', async () => {
    const a = await ctx.createUser();
    const b = await ctx.createUser();
    const ac = ctx.client();
    await ac.signInAs(a.id);
    const orgId = await createOrg(ac, { name: 'Parallell', registered: 'no' });
    await ctx.database.db.insert(memberships).values({ organisationId: orgId, userId: b.id, role: 'leader' });
    const bc = ctx.client();
    await bc.signInAs(b.id);
    await Promise.all([
      ac.post(`/arbeidsrom/${orgId}/medlemmer/${b.id}/rolle`, { role: 'member' }),
      bc.post(`/arbeidsrom/${orgId}/medlemmer/${a.id}/rolle`, { role: 'member' }),
    ]);
    const leaders = await ctx.database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organisationId, orgId), eq(memberships.role, 'leader')));
    expect(leaders).toHaveLength(1);
  });

  it('a leader removes a member, and the removal is in the audit log with who did it', async () => {
    const leader = await ctx.createUser({ name: 'Lina Leder' });
    const member = await ctx.createUser({ name: 'Mons Medlem' });
    const lc = ctx.client();
    await lc.signInAs(leader.id);
    const orgId = await createOrg(lc, { name: 'Husflidslaget', registered: 'no' });
    await ctx.database.db.insert(memberships).values({ organisationId: orgId, userId: member.id, role: 'member' });
    expect((await lc.post(`/arbeidsrom/${orgId}/medlemmer/${member.id}/fjern`)).status).toBe(303);
    const mc = ctx.client();
    await mc.signInAs(member.id);
    expect((await mc.get(`/arbeidsrom/${orgId}`)).status).toBe(403);
    const [event] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, orgId), eq(auditEvents.action, 'membership.removed')));
    expect(event).toMatchObject({ actorUserId: leader.id, details: expect.objectContaining({ name: 'Mons Medlem', role: 'member' }) });
    expect(event!.createdAt).toBeInstanceOf(Date);
  });

  it('lists only my own workspaces', async () => {
    const me = await ctx.createUser();
    const client = ctx.client();
    await client.signInAs(me.id);
    await createOrg(client, { name: 'Min egen forening', registered: 'no' });
    const html = await (await client.get('/arbeidsrom')).text();
    expect(html).toContain('Min egen forening');
    expect(html).not.toContain('Strikkeklubben');
    const api = await client.get('/api/v1/meg/organisasjoner');
    expect(api.status).toBe(200);
    const body = (await api.json()) as { data: { name: string; role: string }[] };
    expect(body.data).toEqual([expect.objectContaining({ name: 'Min egen forening', role: 'leader' })]);
    expect((await ctx.client().get('/api/v1/meg/organisasjoner')).status).toBe(401);
  });
});
