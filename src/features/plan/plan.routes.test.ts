import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import {
  auditEvents,
  formFieldProvenance,
  memberships,
  organisationFacts,
  planTaskStatuses,
  politiattestChecks,
  registerEnheter,
  registerFrivillige,
} from '../../core/db/schema.ts';

/** The text of the status tag of one task on the plan page. */
function statusOf(html: string, taskId: string): string | null {
  const m = new RegExp(`id="status-${taskId}">([^<]+)<`).exec(html);
  return m ? m[1]! : null;
}

const FULL_ANSWERS = {
  memberCount: '40',
  employees: '2',
  sellsTaxableGoods: 'no',
  vatRegistered: 'no',
  fundraisingFromPublic: 'yes',
  incomeBand: '50k-to-3m',
  accountsReportingTakenOn: 'no',
  wantsFrivillighetsregisteret: 'yes',
  wantsGrasrotandel: 'yes',
  umbrellaMember: 'yes',
  umbrellaName: 'Norges Musikkorps Forbund',
  umbrellaMomsDeadlineDay: '15',
  umbrellaMomsDeadlineMonth: '6',
  worksWithVulnerable: 'yes',
  politiattestLastChecked: '10.01.2025',
  dissolutionDecidedOn: '',
};

describe(`plan and facts pages (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let leader: TestClient;
  let member: TestClient;
  let orgId: string;
  const orgnr = '910000020';

  beforeAll(async () => {
    ctx = await createTestContext();
    ctx.setNow(new Date('2026-03-01T10:00:00Z'));
    const kari = await ctx.createUser({ name: 'Kari Leder' });
    const ola = await ctx.createUser({ name: 'Ola Medlem' });
    leader = ctx.client();
    await leader.signInAs(kari.id);
    const res = await leader.post('/arbeidsrom/ny', { name: 'Skolekorpset', registered: 'yes', orgnr });
    orgId = res.headers.get('location')!.split('/').pop()!;
    await ctx.database.db.insert(memberships).values({ organisationId: orgId, userId: ola.id, role: 'member' });
    member = ctx.client();
    await member.signInAs(ola.id);
    // The register mirror knows the unit: two employees, not VAT-registered, not in FRR yet.
    await ctx.database.db.insert(registerEnheter).values({
      orgnr,
      navn: 'SKOLEKORPSET',
      organisasjonsform: 'FLI',
      stiftelsesdato: '1975-09-01',
      antallAnsatte: 2,
      registrertIMvaregisteret: false,
      data: { organisasjonsnummer: orgnr },
      dataHash: 'h1',
    });
  });
  afterAll(() => ctx.close());

  it('the workspace links to the plan and the facts', async () => {
    const html = await (await leader.get(`/arbeidsrom/${orgId}`)).text();
    expect(html).toContain(`href="/arbeidsrom/${orgId}/plan"`);
    expect(html).toContain(`href="/arbeidsrom/${orgId}/fakta"`);
  });

  it('the facts form is prefilled from Enhetsregisteret and says so', async () => {
    const res = await leader.get(`/arbeidsrom/${orgId}/fakta`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/id="employees"[^>]*value="2"|value="2"[^>]*id="employees"/);
    expect(html).toMatch(/name="vatRegistered" id="vatRegistered-no" value="no" checked/);
    expect(html).toContain('Fylt ut fra Enhetsregisteret.');
  });

  it('bad answers are refused with messages, keep what was typed and write nothing', async () => {
    const res = await leader.post(`/arbeidsrom/${orgId}/fakta`, {
      ...FULL_ANSWERS,
      memberCount: 'førti',
      politiattestLastChecked: '01.01.2027',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Skriv et helt tall som 0 eller større');
    expect(html).toContain('Datoen kan ikke være fram i tid');
    expect(html).toContain('value="førti"');
    // The deadline is checked as a whole once its parts are valid: 30 February does not exist.
    const deadline = await leader.post(`/arbeidsrom/${orgId}/fakta`, {
      ...FULL_ANSWERS,
      umbrellaMomsDeadlineDay: '30',
      umbrellaMomsDeadlineMonth: '2',
    });
    expect(deadline.status).toBe(422);
    expect(await deadline.text()).toContain('Datoen finnes ikke');
    const half = await leader.post(`/arbeidsrom/${orgId}/fakta`, { ...FULL_ANSWERS, umbrellaMomsDeadlineMonth: '' });
    expect(await half.text()).toContain('Skriv både dag og måned, eller la begge stå tomme');
    expect(await ctx.database.db.select().from(organisationFacts)).toEqual([]);
    expect(await ctx.database.db.select().from(formFieldProvenance)).toEqual([]);
  });

  it('saving the facts writes them, audits the changes, records provenance and changes the plan', async () => {
    const before = await (await leader.get(`/arbeidsrom/${orgId}/plan`)).text();
    expect(statusOf(before, 'innsamlingskontrollen')).toBe('Ikke aktuelt');

    const res = await leader.post(`/arbeidsrom/${orgId}/fakta`, FULL_ANSWERS);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/arbeidsrom/${orgId}/plan`);

    const [row] = await ctx.database.db.select().from(organisationFacts).where(eq(organisationFacts.organisationId, orgId));
    expect(row).toMatchObject({
      memberCount: 40,
      employees: 2,
      fundraisingFromPublic: true,
      umbrellaName: 'Norges Musikkorps Forbund',
      umbrellaMomsDeadlineDay: 15,
      umbrellaMomsDeadlineMonth: 6,
      politiattestLastChecked: '2025-01-10',
      incomeBand: '50k-to-3m',
      dissolutionDecidedOn: null,
    });
    const audit = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, orgId), eq(auditEvents.action, 'plan.facts_updated')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ changes: { memberCount: { from: null, to: '40' } } });

    const provenance = await ctx.database.db.select().from(formFieldProvenance).where(eq(formFieldProvenance.organisationId, orgId));
    const byField = Object.fromEntries(provenance.map((p) => [p.field, [p.outcome, p.source]]));
    expect(byField.employees).toEqual(['prefilled', 'enhetsregisteret']);
    expect(byField.vatRegistered).toEqual(['prefilled', 'enhetsregisteret']);
    expect(byField.memberCount).toEqual(['typed', null]);
    expect(byField.dissolutionDecidedOn).toBeUndefined();

    const after = await (await leader.get(`/arbeidsrom/${orgId}/plan`)).text();
    expect(after).toContain('Fakta om organisasjonen er lagret. Planen er oppdatert.');
    expect(statusOf(after, 'innsamlingskontrollen')).toBe('Ikke startet');
    expect(after).toContain('Dere søker gjennom Norges Musikkorps Forbund, som har intern frist 15. juni.');
    expect(after).toContain('Sist en politiattest ble vist fram: 10.01.2025.');
    expect(statusOf(after, 'registrer-arbeidsgiver')).toBe('Ferdig');
    expect(statusOf(after, 'sok-momskompensasjon')).toBe('Kan ikke starte ennå');
  });

  it('saving the same answers again changes nothing and logs nothing', async () => {
    const res = await leader.post(`/arbeidsrom/${orgId}/fakta`, FULL_ANSWERS);
    expect(res.status).toBe(303);
    const audit = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, orgId), eq(auditEvents.action, 'plan.facts_updated')));
    expect(audit).toHaveLength(1);
  });

  it('the plan changes when the register feed shows the organisation in Frivillighetsregisteret', async () => {
    const before = await (await leader.get(`/arbeidsrom/${orgId}/plan`)).text();
    expect(statusOf(before, 'registrer-frivillighetsregisteret')).toBe('Ikke startet');
    expect(statusOf(before, 'meld-grasrotandel')).toBe('Kan ikke starte ennå');

    await ctx.database.db.insert(registerFrivillige).values({
      orgnr,
      icnpo1: '1100',
      grasrotandel: false,
      data: { organisasjonsnummer: orgnr, kontonummer: '12345678903' },
      dataHash: 'f1',
    });
    const after = await (await leader.get(`/arbeidsrom/${orgId}/plan`)).text();
    expect(statusOf(after, 'registrer-frivillighetsregisteret')).toBe('Ferdig');
    expect(after).toContain('Status fra Frivillighetsregisteret: organisasjonen står i Frivillighetsregisteret.');
    expect(statusOf(after, 'sok-momskompensasjon')).toBe('Ikke startet');
    expect(statusOf(after, 'opprett-bankkonto')).toBe('Ferdig');
    expect(statusOf(after, 'meld-grasrotandel')).toBe('Ikke startet');
  });

  it('the task list links each task to the map and to its tool', async () => {
    const html = await (await leader.get(`/arbeidsrom/${orgId}/plan`)).text();
    expect(html).toContain('href="/livshendelse/starte#lag-vedtekter"');
    expect(html).toContain(`href="/arbeidsrom/${orgId}/vedtekter"`);
    expect(html).toContain('href="/livshendelse/drive#sok-momskompensasjon"');
  });

  it('a board member sets a status by hand; it is stored, audited and shown', async () => {
    const res = await leader.post(`/arbeidsrom/${orgId}/plan/status`, { taskId: 'forsikring', status: 'in-progress' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/arbeidsrom/${orgId}/plan#oppgave-forsikring`);
    const [row] = await ctx.database.db.select().from(planTaskStatuses).where(eq(planTaskStatuses.organisationId, orgId));
    expect(row).toMatchObject({ taskId: 'forsikring', status: 'in-progress' });
    const audit = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, orgId), eq(auditEvents.action, 'plan.task_status_changed')));
    expect(audit[0]!.details).toEqual({ task: 'forsikring', previous: 'not-started', status: 'in-progress' });
    const html = await (await leader.get(`/arbeidsrom/${orgId}/plan`)).text();
    expect(html).toContain('Statusen for «Vurder forsikring» er lagret.');
    expect(statusOf(html, 'forsikring')).toBe('Pågår');
  });

  it('refuses statuses the registers decide, unknown tasks and bad statuses, writing nothing', async () => {
    const before = await ctx.database.db.select().from(planTaskStatuses);
    for (const [body, message] of [
      [{ taskId: 'registrer-frivillighetsregisteret', status: 'not-started' }, 'kan ikke endres her'],
      [{ taskId: 'registrer-mva', status: 'done' }, 'Oppgaven gjelder ikke dere nå'],
      [{ taskId: 'no-such-task', status: 'done' }, 'Oppgaven finnes ikke i planen'],
      [{ taskId: 'forsikring', status: 'cannot-start' }, 'Velg en status'],
    ] as const) {
      const res = await leader.post(`/arbeidsrom/${orgId}/plan/status`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(await res.text()).toContain(message);
    }
    expect(await ctx.database.db.select().from(planTaskStatuses)).toEqual(before);
  });

  it('members read the facts and the plan but cannot change them', async () => {
    const facts = await (await member.get(`/arbeidsrom/${orgId}/fakta`)).text();
    expect(facts).toContain('Bare lederen, kassereren og styremedlemmer kan endre disse opplysningene.');
    expect(facts).not.toContain(`action="/arbeidsrom/${orgId}/fakta"`);
    expect(facts).toContain('Norges Musikkorps Forbund');
    const plan = await member.get(`/arbeidsrom/${orgId}/plan`);
    expect(plan.status).toBe(200);
    expect(await plan.text()).not.toContain('/plan/status');
    expect((await member.post(`/arbeidsrom/${orgId}/fakta`, FULL_ANSWERS)).status).toBe(403);
    expect((await member.post(`/arbeidsrom/${orgId}/plan/status`, { taskId: 'forsikring', status: 'done' })).status).toBe(403);
    expect((await member.post(`/arbeidsrom/${orgId}/fakta/politiattester`, { person: 'X', role: 'Y', shownOn: '01.01.2025' })).status).toBe(
      403,
    );
  });

  it('keeps the politiattest log: add, refuse bad input, remove, and an unknown id is not found', async () => {
    const bad = await leader.post(`/arbeidsrom/${orgId}/fakta/politiattester`, { person: '', role: 'Dirigent', shownOn: '32.01.2025' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Skriv navnet (høyst 200 tegn)');
    expect(badHtml).toContain('Skriv en gyldig dato som dd.mm.åååå');
    expect(badHtml).toContain('value="Dirigent"');
    expect(await ctx.database.db.select().from(politiattestChecks)).toEqual([]);

    const ok = await leader.post(`/arbeidsrom/${orgId}/fakta/politiattester`, {
      person: 'Per Dirigent',
      role: 'Dirigent',
      shownOn: '20.02.2026',
    });
    expect(ok.status).toBe(303);
    const [check] = await ctx.database.db.select().from(politiattestChecks);
    expect(check).toMatchObject({ person: 'Per Dirigent', role: 'Dirigent', shownOn: '2026-02-20' });
    const plan = await (await leader.get(`/arbeidsrom/${orgId}/plan`)).text();
    expect(plan).toContain('Sist en politiattest ble vist fram: 20.02.2026.');

    const missing = await leader.post(`/arbeidsrom/${orgId}/fakta/politiattester/fjern`, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.status).toBe(404);
    const removed = await leader.post(`/arbeidsrom/${orgId}/fakta/politiattester/fjern`, { id: check!.id });
    expect(removed.status).toBe(303);
    expect(await ctx.database.db.select().from(politiattestChecks)).toEqual([]);
    const actions = (await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.organisationId, orgId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['plan.politiattest_added', 'plan.politiattest_removed']));
    const log = await (await leader.get(`/arbeidsrom/${orgId}/logg`)).text();
    expect(log).toContain('Registrerte politiattest for Per Dirigent (Dirigent)');
    expect(log).toContain('Fjernet politiattesten til Per Dirigent (Dirigent)');
  });

  it('speaks nynorsk', async () => {
    const html = await (await leader.get(`/arbeidsrom/${orgId}/plan`, { 'accept-language': 'nn' })).text();
    expect(html).toContain('Plan for organisasjonen');
    expect(statusOf(html, 'innsamlingskontrollen')).toBe('Ikkje starta');
    expect(html).toContain('Status frå Frivilligregisteret: organisasjonen står i Frivilligregisteret.');
    const facts = await (await leader.get(`/arbeidsrom/${orgId}/fakta`, { 'accept-language': 'nn' })).text();
    expect(facts).toContain('Kor mange medlemmer har organisasjonen?');
  });
});
