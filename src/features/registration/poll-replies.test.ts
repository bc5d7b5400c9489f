import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { auditEvents, jobs, registrationPackages } from '../../core/db/schema.ts';
import { createIntakeClient } from './intake-client.ts';
import { type IntakeDouble, startIntakeDouble } from './intake-double.ts';
import { createMaskinportenTokenProvider } from './maskinporten.ts';
import { type MaskinportenDouble, startMaskinportenDouble } from './maskinporten-double.ts';
import { createRegistrationWorker, POLL_JOB, pollReplies } from './poll-replies.ts';
import { testRsaKeys } from './test-fixtures.ts';

/** Replies from the intake (outbound/available → download → confirm) and the job that fetches them. */

const keys = testRsaKeys();
let mp: MaskinportenDouble;
let intake: IntakeDouble;
let ctx: TestContext;

const intakeClient = () =>
  createIntakeClient({
    baseUrl: intake.baseUrl,
    tokens: createMaskinportenTokenProvider({
      tokenUrl: mp.tokenUrl,
      audience: mp.issuer,
      clientId: 'frivillig',
      kid: 'k1',
      privateKeyPem: keys.privateKeyPem,
      scope: 'brreg:mottak',
    }),
  });

async function receivedPackage(leaderId: string) {
  const c = ctx.client();
  await c.signInAs(leaderId);
  const res = await c.post('/arbeidsrom/ny', { name: `Lag ${randomUUID().slice(0, 6)}`, registered: 'no' });
  const orgId = res.headers.get('location')!.split('/').pop()!;
  const meldingId = randomUUID();
  const [row] = await ctx.database.db
    .insert(registrationPackages)
    .values({
      organisationId: orgId,
      status: 'received',
      meldingId,
      mottakId: randomUUID(),
      receivedAt: new Date(),
      fnrErasedAt: new Date(),
    })
    .returning();
  return { orgId, client: c, pkg: row! };
}

beforeAll(async () => {
  mp = await startMaskinportenDouble({ clientId: 'frivillig', kid: 'k1', publicKeyPem: keys.publicKeyPem });
  intake = await startIntakeDouble({ acceptToken: (t) => mp.isValidToken(t, 'brreg:mottak') });
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
  await intake?.close();
  await mp?.close();
});

describe(`registration replies (${engineUnderTest})`, () => {
  it('a refusal makes the package rejected, and the board can start a new one', async () => {
    const leader = await ctx.createUser();
    const { orgId, client, pkg } = await receivedPackage(leader.id);
    const reply = intake.queueReply({
      meldingId: pkg.meldingId!,
      tjenestehandling: 'avvisning',
      data: '<begrunnelse>Styret er ikke komplett.</begrunnelse>',
    });
    const result = await pollReplies(ctx.deps, { intake: intakeClient() });
    expect(result).toMatchObject({ matched: 1, confirmed: 1 });
    const [row] = await ctx.database.db.select().from(registrationPackages).where(eq(registrationPackages.id, pkg.id));
    expect(row).toMatchObject({ status: 'rejected', replyMottakId: reply, replyHandling: 'avvisning' });
    expect(row!.replyText).toContain('Styret er ikke komplett.');
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'registration.reply_received'));
    expect(audit.at(-1)!.details).toMatchObject({ packageId: pkg.id, rejected: true });
    const overview = await (await client.get(`/arbeidsrom/${orgId}/registrering`)).text();
    expect(overview).toContain('Brønnøysundregistrene avviste meldingen');
    expect(overview).toContain('Styret er ikke komplett.');
    expect(overview).toContain(`action="/arbeidsrom/${orgId}/registrering/start"`);
    expect((await client.post(`/arbeidsrom/${orgId}/registrering/start`)).status).toBe(303);
    const packages = await ctx.database.db.select().from(registrationPackages).where(eq(registrationPackages.organisationId, orgId));
    expect(packages.map((p) => p.status).sort()).toEqual(['draft', 'rejected']);
  });

  it('a reply that cannot be read is left for the next run; one stored earlier but not confirmed is confirmed', async () => {
    const leader = await ctx.createUser();
    const { pkg } = await receivedPackage(leader.id);
    const reply = intake.queueReply({ meldingId: pkg.meldingId!, tjenestehandling: 'vedtak', data: 'ok' });
    // As if an earlier run had stored it and stopped before confirming.
    await ctx.database.db
      .update(registrationPackages)
      .set({ replyMottakId: reply, replyAt: new Date() })
      .where(eq(registrationPackages.id, pkg.id));
    const result = await pollReplies(ctx.deps, { intake: intakeClient() });
    expect(result.confirmed).toBeGreaterThanOrEqual(1);
    expect(intake.pendingReplies()).not.toContain(reply);
  });

  it('runs as a recurring job on the job runner when Maskinporten is configured', async () => {
    const leader = await ctx.createUser();
    const { pkg } = await receivedPackage(leader.id);
    intake.queueReply({ meldingId: pkg.meldingId!, tjenestehandling: 'vedtak', data: '<registrert/>' });
    const worker = createRegistrationWorker(ctx.deps, { intake: intakeClient(), workerId: 'test' });
    await worker.scheduleRecurring();
    const [queued] = await ctx.database.db.select().from(jobs).where(eq(jobs.name, POLL_JOB));
    expect(queued).toMatchObject({ status: 'queued' });
    const run = await worker.runOnce();
    expect(run).toMatchObject({ ran: true, name: POLL_JOB, outcome: 'done' });
    const [row] = await ctx.database.db.select().from(registrationPackages).where(eq(registrationPackages.id, pkg.id));
    expect(row!.replyHandling).toBe('vedtak');
    // Without Maskinporten nothing is scheduled.
    const none = createRegistrationWorker({ ...ctx.deps, config: { ...ctx.deps.config, maskinporten: null } }, { workerId: 'none' });
    expect((await none.runOnce()).ran).toBe(false);
  });
});
