import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ecosystemActors, gainsSnapshots, marketplaceOfferings, registerEnheter } from '../../core/db/schema.ts';
import { readPlatformProvenanceTotals } from '../../core/prefill/provenance.ts';
import { isValidOrgnr } from '../../core/validators/orgnr.ts';
import { claimSend, recordReceipt, setPackageStatus } from '../registration/registration.queries.ts';
import { saveSection } from '../registration/save-section.ts';
import { startPackage } from '../registration/start-package.ts';
import { lastMonths, osloMonth, publish } from './gains.indicators.ts';
import { type IndicatorResult, readGains } from './read-gains.ts';
import { createGainsWorker, SNAPSHOT_JOB, takeGainsSnapshot } from './snapshot-gains.ts';

/** Valid organisasjonsnummer (MOD11) for the test workspaces, made by the real validator. */
function orgnrs(n: number): string[] {
  const found: string[] = [];
  for (let x = 911000000; found.length < n; x++) if (isValidOrgnr(String(x))) found.push(String(x));
  return found;
}

/** Answers on the facts form: the register knows employees and VAT, the rest is typed. */
const ANSWERS = { memberCount: '25', employees: '2', vatRegistered: 'no', wantsFrivillighetsregisteret: 'yes', wantsGrasrotandel: 'yes' };

const asUser = (u: { id: string; name: string; email: string }): CurrentUser => ({ ...u, platformRoles: [], sessionIdHash: '' });

describe(`gains dashboard (${engineUnderTest})`, () => {
  let ctx: TestContext;
  const leaders: TestClient[] = [];
  const leaderIds: string[] = [];
  const orgIds: string[] = [];
  const numbers = orgnrs(6);

  const indicator = async (id: string): Promise<IndicatorResult> => {
    const result = await readGains(ctx.deps);
    return result.gains.flatMap((g) => g.indicators).find((i) => i.id === id)!;
  };
  const month = (ind: IndicatorResult, m: string) => ind.months.find((x) => x.month === m)!.figure;

  /** A registered workspace whose unit is in the register mirror (two employees, not VAT-registered). */
  async function registeredWorkspace(i: number) {
    const user = await ctx.createUser({ name: `Leder ${i}` });
    const client = ctx.client();
    await client.signInAs(user.id);
    const res = await client.post('/arbeidsrom/ny', { name: `Korps ${i}`, registered: 'yes', orgnr: numbers[i]! });
    const orgId = res.headers.get('location')!.split('/').pop()!;
    await ctx.database.db.insert(registerEnheter).values({
      orgnr: numbers[i]!,
      navn: `KORPS ${i}`,
      organisasjonsform: 'FLI',
      antallAnsatte: 2,
      registrertIMvaregisteret: false,
      data: { organisasjonsnummer: numbers[i]! },
      dataHash: `h${i}`,
    });
    leaders.push(client);
    leaderIds.push(user.id);
    orgIds.push(orgId);
    return { client, orgId, user };
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    ctx.setNow(new Date('2026-02-10T10:00:00Z'));
  });
  afterAll(() => ctx.close());

  it('says there is no data yet when the platform has recorded nothing', async () => {
    const result = await readGains(ctx.deps);
    expect(result.months).toEqual(lastMonths(new Date('2026-02-10T10:00:00Z')));
    expect(result.months[0]).toBe('2025-03');
    expect(result.months[11]).toBe('2026-02');
    expect(result.gains.map((g) => g.id)).toEqual([
      'less-admin-organisations',
      'less-admin-public',
      'register-data-reuse',
      'targeted-grants',
    ]);
    for (const ind of result.gains.flatMap((g) => g.indicators)) expect(ind.hasData, ind.id).toBe(false);
    const html = await (await ctx.client().get('/okosystem/gevinster')).text();
    expect(html.match(/Ingen data ennå/g)).toHaveLength(9);
  });

  it('counts prefilled fields from real facts forms, withholding figures from fewer than 5 organisations', async () => {
    for (let i = 0; i < 4; i++) {
      const { client, orgId } = await registeredWorkspace(i);
      expect((await client.post(`/arbeidsrom/${orgId}/fakta`, ANSWERS)).status).toBe(303);
    }
    let fields = await indicator('fields-prefilled');
    expect(fields.hasData).toBe(true);
    expect(fields.total).toEqual({ value: null, suppressed: true });
    expect(fields.share).toBeNull();
    expect(month(fields, '2026-02')).toEqual({ value: null, suppressed: true });
    expect(month(fields, '2026-01')).toEqual({ value: 0, suppressed: false });

    // The fifth organisation, a month later: the total now comes from 5 organisations and is shown.
    ctx.setNow(new Date('2026-03-05T10:00:00Z'));
    const { client, orgId } = await registeredWorkspace(4);
    expect((await client.post(`/arbeidsrom/${orgId}/fakta`, ANSWERS)).status).toBe(303);
    const totals = await readPlatformProvenanceTotals(ctx.database.db);
    expect(totals.totals.prefilled).toBe(10);
    fields = await indicator('fields-prefilled');
    expect(fields.total).toEqual({ value: totals.totals.prefilled, suppressed: false });
    const recorded = totals.totals.prefilled + totals.totals.corrected + totals.totals.typed;
    expect(fields.share).toBe(Math.round((totals.totals.prefilled / recorded) * 1000) / 10);
    // February still has 4 organisations, March only one: both withheld.
    expect(month(fields, '2026-02')).toEqual({ value: null, suppressed: true });
    expect(month(fields, '2026-03')).toEqual({ value: null, suppressed: true });

    // Both prefilled fields came from Enhetsregisteret: the register indicator counts the same.
    const register = await indicator('register-fields');
    const fromRegisters = totals.bySource.filter((s) => s.source === 'enhetsregisteret').reduce((n, s) => n + s.prefilled, 0);
    expect(register.total).toEqual({ value: fromRegisters, suppressed: false });
  });

  it('counts plan tasks the board marks done, now and by month', async () => {
    for (const [i, client] of leaders.entries()) {
      // A month has passed since some signed in: their sessions have expired, so they sign in again.
      await client.signInAs(leaderIds[i]!);
      const res = await client.post(`/arbeidsrom/${orgIds[i]}/plan/status`, { taskId: 'forsikring', status: 'done' });
      expect(res.status).toBe(303);
    }
    let tasks = await indicator('plan-tasks-done');
    expect(tasks.total).toEqual({ value: 5, suppressed: false });
    expect(month(tasks, '2026-03')).toEqual({ value: 5, suppressed: false });
    // One board takes it back: 4 are done now (withheld), but the 5 completions in March stay in the trend.
    await leaders[0]!.post(`/arbeidsrom/${orgIds[0]}/plan/status`, { taskId: 'forsikring', status: 'in-progress' });
    tasks = await indicator('plan-tasks-done');
    expect(tasks.total).toEqual({ value: null, suppressed: true });
    expect(month(tasks, '2026-03')).toEqual({ value: 5, suppressed: false });
  });

  it('counts organisations the marketplace suggested an offering to, once each', async () => {
    const db = ctx.database.db;
    const [supplier] = await db
      .insert(ecosystemActors)
      .values({ name: 'Medlemsnett AS', kind: 'supplier', ecosystemRole: 'participant', supplierSector: 'private' })
      .returning({ id: ecosystemActors.id });
    await db.insert(marketplaceOfferings).values({
      supplierActorId: supplier!.id,
      title: 'Medlemsregister for små lag',
      summary: 'Medlemsliste, kontingent og e-post i ett.',
      category: 'membership',
      phases: [1, 2, 3, 4, 5, 6],
      priceModel: 'free',
      dataStorage: 'Norge',
      dataProcessorAgreement: true,
      dataExport: true,
      url: 'https://medlemsnett.example.no',
      status: 'approved',
    });
    for (const [i, client] of leaders.entries()) {
      // Each workspace's marketplace page shows suggestions from its plan; seeing them twice counts once.
      expect((await client.get(`/arbeidsrom/${orgIds[i]}/markedsplass`)).status).toBe(200);
      if (i === 0) expect((await client.get(`/arbeidsrom/${orgIds[i]}/markedsplass`)).status).toBe(200);
    }
    const suggested = await indicator('offerings-suggested');
    expect(suggested.total).toEqual({ value: 5, suppressed: false });
    expect(month(suggested, '2026-03')).toEqual({ value: 5, suppressed: false });
    expect(month(suggested, '2026-02')).toEqual({ value: 0, suppressed: false });
  });

  it('counts registration packages received by the intake and their prefilled fields', async () => {
    const user = await ctx.createUser({ name: 'Ny Leder' });
    const client = ctx.client();
    await client.signInAs(user.id);
    const res = await client.post('/arbeidsrom/ny', { name: 'Nytt lag', registered: 'no' });
    const orgId = res.headers.get('location')!.split('/').pop()!;
    const { packageId } = await startPackage(ctx.deps, { user: asUser(user), organisationId: orgId });
    await saveSection(ctx.deps, {
      user: asUser(user),
      organisationId: orgId,
      section: 'organisation',
      value: { name: 'Nytt lag', foundedOn: '2026-01-20', purpose: 'Trim for alle', activity: 'Turer' },
      submitted: { name: 'Nytt lag', foundedOn: '2026-01-20', purpose: 'Trim for alle', activity: 'Turer' },
      prefilled: { name: { value: 'Nytt lag', source: 'workspace' } },
    });
    expect((await indicator('registrations-received')).hasData).toBe(false);
    const db = ctx.database.db;
    const at = ctx.deps.now();
    await setPackageStatus(db, packageId, 'confirmed', at);
    expect(await claimSend(db, packageId, { at, staleBefore: at, meldingId: crypto.randomUUID(), userId: user.id })).not.toBeNull();
    await recordReceipt(db, packageId, { mottakId: 'M-1', mottattTidspunkt: '2026-03-05T11:00:00', receivedAt: at, antallVedlegg: 1, at });

    const received = await indicator('registrations-received');
    expect(received.hasData).toBe(true);
    expect(received.total).toEqual({ value: null, suppressed: true });
    expect(month(received, '2026-03')).toEqual({ value: null, suppressed: true });
    const regFields = await indicator('registration-fields-prefilled');
    expect(regFields.hasData).toBe(true);
    expect(regFields.total.suppressed).toBe(true);
    // The API says the same and never gives the withheld number.
    const api = (await (await ctx.client().get('/api/v1/gevinster')).json()) as {
      gains: Array<{ indicators: Array<{ id: string; total: unknown }> }>;
    };
    const apiReceived = api.gains.flatMap((g) => g.indicators).find((i) => i.id === 'registrations-received')!;
    expect(apiReceived.total).toEqual({ value: null, suppressed: true });
  });

  it('the snapshot job keeps one row per indicator and month, however often and however many run it', async () => {
    expect((await indicator('moms-matched')).hasData).toBe(false);
    await takeGainsSnapshot(ctx.deps);
    // Two instances' workers: the recurring job is queued once (singleton key) and run by one of them, while a
    // direct run happens at the same time; the upsert leaves one row per indicator.
    const workers = [createGainsWorker(ctx.deps, { workerId: 'a' }), createGainsWorker(ctx.deps, { workerId: 'b' })];
    await Promise.all(workers.map((w) => w.scheduleRecurring()));
    const runs = await Promise.all([workers[0]!.runOnce(), workers[1]!.runOnce(), takeGainsSnapshot(ctx.deps)]);
    const ran = runs.slice(0, 2).filter((r) => 'ran' in r && r.ran);
    expect(ran).toEqual([expect.objectContaining({ name: SNAPSHOT_JOB, outcome: 'done' })]);
    const rows = await ctx.database.db.select().from(gainsSnapshots);
    expect(rows.map((r) => `${r.month} ${r.indicator} ${r.value}`).sort()).toEqual([
      // Six plans: the five workspaces and the new group, whose plan includes both until the board answers.
      '2026-03 grasrot-matched 6',
      '2026-03 moms-matched 6',
      '2026-03 register-linked-workspaces 5',
    ]);
    // Next month: a new row per indicator; March keeps its figure.
    ctx.setNow(new Date('2026-04-02T08:00:00Z'));
    await ctx.database.db.delete(registerEnheter).where(eq(registerEnheter.orgnr, numbers[0]!));
    await takeGainsSnapshot(ctx.deps);
    const linked = await indicator('register-linked-workspaces');
    expect(linked.asOf).toBe('2026-04');
    expect(linked.total).toEqual({ value: null, suppressed: true });
    expect(month(linked, '2026-03')).toEqual({ value: 5, suppressed: false });
    expect(month(linked, '2026-02')).toBeNull();
    const [april] = await ctx.database.db
      .select()
      .from(gainsSnapshots)
      .where(and(eq(gainsSnapshots.month, '2026-04'), eq(gainsSnapshots.indicator, 'moms-matched')));
    expect(april).toMatchObject({ value: 6, organisations: 6 });
    expect((await indicator('moms-matched')).total).toEqual({ value: 6, suppressed: false });
  });

  it('the page shows each number with its definition, a chart and a table, in bokmål and nynorsk', async () => {
    const res = await ctx.client().get('/okosystem/gevinster');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1 class="ds-heading" data-size="lg">Gevinster</h1>');
    expect(html).toContain('Mindre administrasjon for organisasjonene');
    expect(html).toContain('Skjemafelt plattformen fylte ut');
    expect(html).toContain('Hva telles');
    expect(html).toContain('Telles ikke');
    expect(html).toContain('færre enn 5');
    expect(html).toContain('ingen måling');
    expect(html).toMatch(/<svg class="bar-chart" role="img"/);
    expect(html).toContain('<caption id="gevinst-plan-tasks-done-caption">');
    expect(html).toContain('Siste måling (april 2026): 6');
    expect(html).toContain('Siste måling (april 2026): færre enn 5');
    expect(html).toContain('href="/api/v1/gevinster?format=csv"');
    const nn = await (await ctx.client().get('/okosystem/gevinster', { 'accept-language': 'nn' })).text();
    expect(nn).toContain('<h1 class="ds-heading" data-size="lg">Gevinstar</h1>');
    expect(nn).toContain('Kva blir tald');
    // The ecosystem overview links here, from its gains section.
    expect(await (await ctx.client().get('/okosystem')).text()).toContain('href="/okosystem/gevinster"');
  });

  it('the API and the CSV give the same figures and definitions, open to everyone', async () => {
    const res = await ctx.client().get('/api/v1/gevinster');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      months: string[];
      rule: string;
      gains: Array<{
        id: string;
        indicators: Array<{ id: string; name: string; definition: Record<string, string>; total: unknown; months: unknown[] }>;
      }>;
    };
    expect(body.months).toHaveLength(12);
    expect(body.rule).toContain('færre enn 5');
    const all = body.gains.flatMap((g) => g.indicators);
    expect(all).toHaveLength(9);
    const fields = all.find((i) => i.id === 'fields-prefilled')!;
    expect(fields.total).toEqual((await indicator('fields-prefilled')).total);
    expect(Object.keys(fields.definition).sort()).toEqual(['counts', 'excludes', 'monthly', 'source']);
    expect(fields.definition.source).toContain('form_field_provenance');

    const csv = await ctx.client().get('/api/v1/gevinster?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('gevinster.csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.startsWith('Gevinst;Mål;Periode;Antall;Merknad\r\n')).toBe(true);
    const prefilled = (await readPlatformProvenanceTotals(ctx.database.db)).totals.prefilled;
    expect(text).toContain(`Mindre administrasjon for organisasjonene;Skjemafelt plattformen fylte ut;I alt;${prefilled};\r\n`);
    expect(text).toContain('Mindre administrasjon for offentlige aktører;Registermeldinger sendt elektronisk;I alt;;færre enn 5\r\n');
    expect(text).toContain('Offentlige aktører får data fra etablerte registre;Arbeidsrom koblet til registrene;2026-03;5;\r\n');
    // 1 header + 9 indicators × (total + 12 months).
    expect(text.trimEnd().split('\r\n')).toHaveLength(1 + 9 * 13);

    expect((await ctx.client().get('/api/v1/gevinster?format=xml')).status).toBe(400);
    const doc = (await (await ctx.client().get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(doc.paths['/api/v1/gevinster'] ?? doc.paths['/gevinster']).toBeDefined();
  });

  it('the small-count rule and the months are plain functions', () => {
    expect(publish({ value: 0, organisations: 0 })).toEqual({ value: 0, suppressed: false });
    expect(publish({ value: 12, organisations: 4 })).toEqual({ value: null, suppressed: true });
    expect(publish({ value: 1, organisations: 1 })).toEqual({ value: null, suppressed: true });
    expect(publish({ value: 5, organisations: 5 })).toEqual({ value: 5, suppressed: false });
    // Late on 31 December in UTC is already January in Norway.
    expect(osloMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
    expect(lastMonths(new Date('2027-01-15T12:00:00Z'), 3)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});
