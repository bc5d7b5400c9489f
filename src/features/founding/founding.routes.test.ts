import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { readPdf } from '../../../test/helpers/pdf.ts';
import { SAMPLE_ANSWERS } from '../../../test/helpers/statutes-fixtures.ts';
import { auditEvents, formFieldProvenance, foundingMeetings, memberships, statutesVersions, users } from '../../core/db/schema.ts';
import type { StatutesAnswers } from '../statutes/statutes.answers.ts';
import { readFoundingMeeting } from './founding.queries.ts';

/** The founding meeting end to end through its routes, on the engine under test. */

// The injected clock stays within the sessions' 60-minute idle limit: just after midnight in Norway on the
// meeting day, and a few minutes before midnight (the day before) to try finalising too early.
const MEETING_DAY = new Date('2026-03-11T23:10:00Z');
const BEFORE_MEETING = new Date('2026-03-11T22:55:00Z');
const AFTER_MEETING = new Date('2026-03-11T23:20:00Z');

async function createOrg(client: TestClient, name: string): Promise<string> {
  const res = await client.post('/arbeidsrom/ny', { name, registered: 'no' });
  expect(res.status).toBe(303);
  return res.headers.get('location')!.split('/').pop()!;
}

async function adoptStatutes(ctx: TestContext, orgId: string, version: number, board: StatutesAnswers['board']) {
  await ctx.database.db.insert(statutesVersions).values({
    organisationId: orgId,
    version,
    language: 'nb',
    answers: { ...SAMPLE_ANSWERS, name: 'Blåbærturer på Ørsta', board },
    text: 'Vedtekter for Blåbærturer på Ørsta',
    adoptedByName: 'Kari Leder',
    adoptedAt: new Date('2026-03-01T12:00:00Z'),
  });
}

const html = async (res: Response) => {
  const text = await res.text();
  // Entities as hono/jsx writes them, so assertions can use the plain text.
  return text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
};

async function meetingRows(ctx: TestContext, orgId: string) {
  return ctx.database.db
    .select()
    .from(foundingMeetings)
    .where(eq(foundingMeetings.organisationId, orgId))
    .orderBy(foundingMeetings.version);
}

describe(`founding meeting (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let leader: TestClient;
  let board: TestClient;
  let member: TestClient;
  let stranger: TestClient;
  let orgId: string;
  let ids: { leader: string; board: string; member: string };
  const page = (slug: string) => `/arbeidsrom/${orgId}/stiftelsesmote/${slug}`;

  beforeAll(async () => {
    ctx = await createTestContext();
    ctx.setNow(MEETING_DAY);
    const l = await ctx.createUser({ name: 'Kari Leder' });
    const b = await ctx.createUser({ name: 'Bjørn Styre' });
    const m = await ctx.createUser({ name: 'Mona Medlem' });
    const s = await ctx.createUser({ name: 'Fremmed Person' });
    ids = { leader: l.id, board: b.id, member: m.id };
    await ctx.database.db.update(users).set({ birthDate: '1985-06-30' }).where(eq(users.id, l.id));
    leader = ctx.client();
    await leader.signInAs(l.id);
    orgId = await createOrg(leader, 'Turgruppa');
    await ctx.database.db.insert(memberships).values([
      { organisationId: orgId, userId: b.id, role: 'board_member' },
      { organisationId: orgId, userId: m.id, role: 'member' },
    ]);
    board = ctx.client();
    await board.signInAs(b.id);
    member = ctx.client();
    await member.signInAs(m.id);
    stranger = ctx.client();
    await stranger.signInAs(s.id);
    await adoptStatutes(ctx, orgId, 1, { minMembers: 3, maxMembers: 5, termYears: 2 });
  });
  afterAll(() => ctx.close());

  it('shows the overview with a start button to the board, and no draft yet', async () => {
    const res = await leader.get(`/arbeidsrom/${orgId}/stiftelsesmote`);
    expect(res.status).toBe(200);
    const body = await html(res);
    expect(body).toContain('<h1 class="ds-heading" data-size="lg">Stiftelsesmøte</h1>');
    expect(body).toContain(`href="${page('mote')}"`);
    expect(await readFoundingMeeting(ctx.database.db, orgId)).toBeNull();
    // The workspace links to it.
    expect(await html(await leader.get(`/arbeidsrom/${orgId}`))).toContain(`href="/arbeidsrom/${orgId}/stiftelsesmote"`);
  });

  it('date and place: prefills the purpose from the statutes, refuses bad input and keeps what was typed', async () => {
    const get = await html(await leader.get(page('mote')));
    expect(get).toContain(SAMPLE_ANSWERS.purpose);
    expect(get).toContain('Hentet fra vedtektene');

    const bad = await leader.post(page('mote'), { heldOn: '31.02.2026', place: 'Ø', purpose: SAMPLE_ANSWERS.purpose, language: 'nb' });
    expect(bad.status).toBe(422);
    const body = await html(bad);
    expect(body).toContain('Skriv datoen som dag, måned og år');
    expect(body).toContain('Skriv hvor møtet ble holdt');
    expect(body).toContain('value="31.02.2026"');
    expect(body).toContain('value="Ø"');
    expect(body).toContain('href="#heldOn"');
    expect(await meetingRows(ctx, orgId)).toEqual([]);

    const far = await leader.post(page('mote'), {
      heldOn: '12.03.2028',
      place: 'Ørsta bibliotek',
      purpose: SAMPLE_ANSWERS.purpose,
      language: 'nb',
    });
    expect(far.status).toBe(422);
    expect(await html(far)).toContain('ett år fram i tid');

    const ok = await leader.post(page('mote'), {
      heldOn: '12.03.2026',
      place: 'Ørsta  bibliotek',
      purpose: SAMPLE_ANSWERS.purpose,
      language: 'nb',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(page('sakliste'));
    const [row] = await meetingRows(ctx, orgId);
    expect(row).toMatchObject({ status: 'draft', version: 1, language: 'nb', answeredPages: ['mote'] });
    expect(row!.data).toMatchObject({ heldOn: '2026-03-12', place: 'Ørsta bibliotek', purpose: SAMPLE_ANSWERS.purpose });
  });

  it('agenda: offers the standard agenda linked to the statutes, refuses an empty one, keeps renamed and added items', async () => {
    const get = await html(await leader.get(page('sakliste')));
    for (const title of [
      'Åpning, valg av møteleder og referent',
      'Vedtak om å stifte foreningen',
      'Vedtak av vedtekter',
      'Fastsetting av medlemskontingent',
      'Valg av styre',
      'Valg av to personer til å underskrive protokollen',
    ]) {
      expect(get).toContain(`value="${title}"`);
    }
    expect(get).toContain('Vedtektene dere har laget (versjon 1)');
    expect(get).toContain(`href="/arbeidsrom/${orgId}/vedtekter"`);

    const empty = await leader.post(page('sakliste'), { 'item-0': ' ', 'item-1': '' });
    expect(empty.status).toBe(422);
    expect(await html(empty)).toContain('Sakslisten må ha minst én sak');

    const res = await leader.post(page('sakliste'), {
      'item-0': 'Åpning, valg av møteleder og referent',
      'item-1': 'Vedtak om å stifte foreningen',
      'item-2': 'Vedtak av vedtekter',
      'item-3': 'Fastsetting av medlemskontingent for 2026',
      'item-4': 'Valg av styre',
      'item-5': 'Valg av to personer til å underskrive protokollen',
      'item-6': '',
      'item-7': 'Valg av valgkomité',
    });
    expect(res.status).toBe(303);
    const [row] = await meetingRows(ctx, orgId);
    const agenda = (row!.data as { agenda: { title: string; key?: string }[] }).agenda;
    expect(agenda.map((i) => i.title)).toEqual([
      'Åpning, valg av møteleder og referent',
      'Vedtak om å stifte foreningen',
      'Vedtak av vedtekter',
      'Fastsetting av medlemskontingent for 2026',
      'Valg av styre',
      'Valg av to personer til å underskrive protokollen',
      'Valg av valgkomité',
    ]);
    // The reworded fee item keeps its place in the standard agenda (and its suggested decision and hint).
    expect(agenda.map((i) => i.key ?? null)).toEqual(['opening', 'founding', 'statutes', 'fee', 'board', 'signers', null]);
  });

  it('attendees: workspace members ticked, names typed one per line; refuses duplicates and fewer than two, keeping input', async () => {
    const get = await html(await leader.get(page('deltakere')));
    for (const id of Object.values(ids)) expect(get).toMatch(new RegExp(`name="member-${id}"[^>]*checked`));

    const duplicate = await leader.post(page('deltakere'), { [`member-${ids.leader}`]: 'yes', others: 'Per Li\nkari  leder' });
    expect(duplicate.status).toBe(422);
    const body = await html(duplicate);
    expect(body).toContain('kari leder står på listen mer enn én gang');
    expect(body).toContain('Per Li\nkari  leder</textarea>');
    // The ticks as posted, not the prefill.
    expect(body).toMatch(new RegExp(`name="member-${ids.leader}"[^>]*checked`));
    expect(body).not.toMatch(new RegExp(`name="member-${ids.member}"[^>]*checked`));

    const alone = await leader.post(page('deltakere'), { [`member-${ids.leader}`]: 'yes' });
    expect(alone.status).toBe(422);
    expect(await html(alone)).toContain('Minst to personer må ha vært til stede');

    const res = await leader.post(page('deltakere'), {
      [`member-${ids.leader}`]: 'yes',
      [`member-${ids.board}`]: 'yes',
      others: 'Per Li\r\n\r\n  Eva   Ås \r\n',
    });
    expect(res.status).toBe(303);
    const [row] = await meetingRows(ctx, orgId);
    expect((row!.data as { attendees: unknown }).attendees).toEqual([
      { name: 'Kari Leder', userId: ids.leader },
      { name: 'Bjørn Styre', userId: ids.board },
      { name: 'Per Li' },
      { name: 'Eva Ås' },
    ]);
  });

  it('records what the attendees page prefilled and what was typed (measured gain), once', async () => {
    const rows = await ctx.database.db
      .select({ field: formFieldProvenance.field, outcome: formFieldProvenance.outcome, source: formFieldProvenance.source })
      .from(formFieldProvenance)
      .where(and(eq(formFieldProvenance.organisationId, orgId), eq(formFieldProvenance.form, 'founding-meeting/deltakere')));
    expect(rows).toHaveLength(5);
    expect(rows).toEqual(
      expect.arrayContaining([
        { field: `member-${ids.leader}`, outcome: 'prefilled', source: 'workspace' },
        { field: `member-${ids.board}`, outcome: 'prefilled', source: 'workspace' },
        { field: `member-${ids.member}`, outcome: 'corrected', source: 'workspace' },
        { field: 'other-1', outcome: 'typed', source: null },
        { field: 'other-2', outcome: 'typed', source: null },
      ]),
    );
    const mote = await ctx.database.db
      .select({ field: formFieldProvenance.field, outcome: formFieldProvenance.outcome, source: formFieldProvenance.source })
      .from(formFieldProvenance)
      .where(and(eq(formFieldProvenance.organisationId, orgId), eq(formFieldProvenance.form, 'founding-meeting/mote')));
    expect(mote).toEqual(expect.arrayContaining([{ field: 'purpose', outcome: 'prefilled', source: 'statutes' }]));
  });

  it('chair and minute-taker: chosen among the attendees', async () => {
    const get = await html(await leader.get(page('moteleder')));
    expect(get).toContain('<option value="Eva Ås">Eva Ås</option>');
    expect(get).not.toContain('Mona Medlem');
    const res = await leader.post(page('moteleder'), { chair: 'Mona Medlem', minuteTaker: '' });
    expect(res.status).toBe(422);
    const body = await html(res);
    expect(body).toContain('Møtelederen må være en av dem som var til stede');
    expect(body).toContain('Velg referent');
    expect((await leader.post(page('moteleder'), { chair: 'Kari Leder', minuteTaker: 'Per Li' })).status).toBe(303);
  });

  it('board: prefilled from the workspace roles and stated birth date, validated against the statutes (3–5, one leader)', async () => {
    const get = await html(await leader.get(page('styre')));
    expect(get).toContain('mellom 3 og 5 medlemmer');
    expect(get).toContain('id="name-0" name="name-0" type="text" value="Kari Leder"');
    expect(get).toMatch(/<option value="leader" selected="">Leder<\/option>/);
    expect(get).toContain('value="30.06.1985"');
    expect(get).toContain('value="Bjørn Styre"');

    const tooSmall = await leader.post(page('styre'), {
      'name-0': 'Kari Leder',
      'role-0': 'leader',
      'name-1': 'Bjørn Styre',
      'role-1': 'board_member',
      'name-2': 'Vara',
      'role-2': 'deputy',
    });
    expect(tooSmall.status).toBe(422);
    expect(await html(tooSmall)).toContain('Styret må ha minst 3 medlemmer (leder medregnet, varamedlemmer ikke). Nå har det 2.');

    const six = Object.fromEntries(
      ['Kari Leder', 'A A', 'B B', 'C C', 'D D', 'E E'].flatMap((name, i) => [
        [`name-${i}`, name],
        [`role-${i}`, i === 0 ? 'leader' : 'board_member'],
      ]),
    );
    const tooLarge = await leader.post(page('styre'), six);
    expect(tooLarge.status).toBe(422);
    expect(await html(tooLarge)).toContain('Styret kan ha høyst 5 medlemmer');

    const noLeader = await leader.post(page('styre'), {
      'name-0': 'Kari Leder',
      'role-0': 'board_member',
      'name-1': 'Bjørn Styre',
      'role-1': 'board_member',
      'name-2': 'Per Li',
      'role-2': 'treasurer',
    });
    expect(noLeader.status).toBe(422);
    expect(await html(noLeader)).toContain('Velg hvem som ble valgt til leder');

    const badRow = await leader.post(page('styre'), {
      'name-0': 'Kari Leder',
      'role-0': 'leader',
      'birthDate-0': '30.06.1985',
      'name-1': 'Bjørn Styre',
      'role-1': '',
      'name-2': '',
      'role-2': 'treasurer',
      'birthDate-3': '31.13.1990',
    });
    expect(badRow.status).toBe(422);
    const badBody = await html(badRow);
    expect(badBody).toContain('Velg rollen personen ble valgt til');
    expect(badBody).toContain('Skriv navnet på personen');
    expect(badBody).toContain('Skriv fødselsdatoen som dag, måned og år');
    expect(badBody).toContain('value="31.13.1990"');
    expect(badBody).toContain('href="#role-1"');

    const ok = await leader.post(page('styre'), {
      'name-0': 'Kari Leder',
      'role-0': 'leader',
      'birthDate-0': '30.06.1985',
      'name-1': 'Bjørn Styre',
      'role-1': 'board_member',
      'name-2': 'Eva Ås',
      'role-2': 'treasurer',
      'birthDate-2': '1990-01-31',
      'name-4': 'Per Li',
      'role-4': 'deputy',
    });
    expect(ok.status).toBe(303);
    const [row] = await meetingRows(ctx, orgId);
    expect((row!.data as { board: unknown }).board).toEqual([
      { name: 'Kari Leder', role: 'leader', birthDate: '1985-06-30', userId: ids.leader },
      { name: 'Bjørn Styre', role: 'board_member', userId: ids.board },
      { name: 'Eva Ås', role: 'treasurer', birthDate: '1990-01-31' },
      { name: 'Per Li', role: 'deputy' },
    ]);
  });

  it('signers: two different attendees', async () => {
    const same = await leader.post(page('underskrivere'), { signer1: 'Per Li', signer2: 'Per Li' });
    expect(same.status).toBe(422);
    expect(await html(same)).toContain('Velg to forskjellige personer til å underskrive');
    const absent = await leader.post(page('underskrivere'), { signer1: 'Per Li', signer2: 'Mona Medlem' });
    expect(absent.status).toBe(422);
    expect(await html(absent)).toContain('Underskriveren må være en av dem som var til stede');
    expect((await leader.post(page('underskrivere'), { signer1: 'Per Li', signer2: 'Eva Ås' })).status).toBe(303);
  });

  it('decisions: suggested from the answers, the fee left to the meeting, every item needs one', async () => {
    const get = await html(await leader.get(page('vedtak')));
    expect(get).toContain('Kari Leder ble valgt til møteleder og Per Li til referent.');
    expect(get).toContain('Møtet vedtok å stifte foreningen Blåbærturer på Ørsta.');
    expect(get).toContain('Møtet vedtok vedtektene slik de er vedlagt protokollen (versjon 1).');
    expect(get).toContain('Per Li og Eva Ås ble valgt til å underskrive protokollen.');
    expect(get).toContain('For eksempel: Medlemskontingenten ble satt til 200 kroner per år.');

    const decisions: Record<string, string> = {
      'decision-0': 'Kari Leder ble valgt til møteleder og Per Li til referent.',
      'decision-1': 'Møtet vedtok å stifte foreningen Blåbærturer på Ørsta.',
      'decision-2': 'Møtet vedtok vedtektene slik de er vedlagt protokollen (versjon 1).',
      'decision-3': '',
      'decision-4': 'Styret ble valgt.',
      'decision-5': 'Per Li og Eva Ås ble valgt til å underskrive protokollen.',
      'decision-6': 'Valgkomiteen ble valgt: Bjørn Styre.',
    };
    const missing = await leader.post(page('vedtak'), decisions);
    expect(missing.status).toBe(422);
    const body = await html(missing);
    expect(body).toContain('Skriv vedtaket i saken «Fastsetting av medlemskontingent for 2026»');
    expect(body).toContain('Valgkomiteen ble valgt: Bjørn Styre.</textarea>');

    const ok = await leader.post(page('vedtak'), { ...decisions, 'decision-3': 'Kontingenten ble satt til 200 kroner per år.' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(page('oppsummering'));
  });

  it('check answers: shows everything with change links back to the page, and a finalise form with the revision', async () => {
    const body = await html(await leader.get(page('oppsummering')));
    expect(body).toContain('Se over protokollen før du fullfører');
    expect(body).toContain('Blåbærturer på Ørsta');
    expect(body).toContain('12. mars 2026');
    expect(body).toContain('Eva Ås – Kasserer (31. januar 1990)');
    expect(body).toContain(`href="${page('styre')}?fra=oppsummering"`);
    expect(body).toContain('Versjon 1 av vedtektene dere har laget her');
    expect(body).not.toContain('Dette må rettes');
    expect(body).toMatch(/name="revision" value="\d+"/);

    // A change link brings the person back to check answers after saving.
    const res = await leader.post(`${page('moteleder')}?fra=oppsummering`, { chair: 'Kari Leder', minuteTaker: 'Per Li' });
    expect(res.headers.get('location')).toBe(page('oppsummering'));
  });

  it('finalise: refuses a stale revision and a meeting not yet held, then finalises exactly what was checked', async () => {
    const [draft] = await meetingRows(ctx, orgId);
    const stale = await leader.post(`/arbeidsrom/${orgId}/stiftelsesmote/fullfor`, { revision: String(draft!.revision - 1) });
    expect(stale.status).toBe(303);
    expect(stale.headers.get('location')).toBe(page('oppsummering'));
    expect(await html(await leader.get(page('oppsummering')))).toContain('Noen lagret endringer i protokollen mens du så over den');

    ctx.setNow(BEFORE_MEETING);
    const early = await leader.post(`/arbeidsrom/${orgId}/stiftelsesmote/fullfor`, { revision: String(draft!.revision) });
    expect(early.headers.get('location')).toBe(page('oppsummering'));
    expect(await html(await leader.get(page('oppsummering')))).toContain('Møtet kan ikke ha vært holdt etter i dag');
    expect((await meetingRows(ctx, orgId))[0]!.status).toBe('draft');

    ctx.setNow(AFTER_MEETING);
    const ok = await board.post(`/arbeidsrom/${orgId}/stiftelsesmote/fullfor`, { revision: String(draft!.revision) });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/arbeidsrom/${orgId}/stiftelsesmote/ferdig?versjon=1`);
    const [row] = await meetingRows(ctx, orgId);
    expect(row).toMatchObject({
      status: 'finalised',
      organisationName: 'Blåbærturer på Ørsta',
      statutesVersion: 1,
      finalisedByName: 'Bjørn Styre',
      finalisedAt: AFTER_MEETING,
    });
    const done = await html(await board.get(`/arbeidsrom/${orgId}/stiftelsesmote/ferdig?versjon=1`));
    expect(done).toContain('Protokollen er fullført');
    expect(done).toContain('la Per Li og Eva Ås skrive under');

    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.organisationId, orgId));
    const actions = audit.map((a) => a.action);
    expect(actions).toContain('founding.draft_started');
    expect(actions.filter((a) => a === 'founding.page_saved').length).toBeGreaterThanOrEqual(7);
    expect(audit.find((a) => a.action === 'founding.finalised')).toMatchObject({
      actorUserId: ids.board,
      details: { version: 1, statutesVersion: 1 },
    });
  });

  it('gives other features the meeting through readFoundingMeeting', async () => {
    const meeting = await readFoundingMeeting(ctx.database.db, orgId);
    expect(meeting).toMatchObject({
      heldOn: '2026-03-12',
      place: 'Ørsta bibliotek',
      chair: 'Kari Leder',
      minuteTaker: 'Per Li',
      signers: ['Per Li', 'Eva Ås'],
      statutesVersion: 1,
      finalisedAt: AFTER_MEETING,
      version: 1,
    });
    expect(meeting!.boardElected.map((b) => [b.name, b.role])).toEqual([
      ['Kari Leder', 'leader'],
      ['Bjørn Styre', 'board_member'],
      ['Eva Ås', 'treasurer'],
      ['Per Li', 'deputy'],
    ]);
    expect(meeting!.decisions).toHaveLength(7);
    expect(meeting!.attendees).toHaveLength(4);
  });

  it('a finalised protocol is immutable: pages send you to reopen, saves are refused, the database refuses updates', async () => {
    const get = await leader.get(page('styre'));
    expect(get.status).toBe(303);
    expect(get.headers.get('location')).toBe(`/arbeidsrom/${orgId}/stiftelsesmote`);
    const overview = await html(await leader.get(`/arbeidsrom/${orgId}/stiftelsesmote`));
    expect(overview).toContain('Protokollen er ferdig og kan ikke endres');
    expect(overview).toContain('Lag et nytt utkast');

    const post = await leader.post(page('mote'), {
      heldOn: '13.03.2026',
      place: 'Et annet sted',
      purpose: SAMPLE_ANSWERS.purpose,
      language: 'nb',
    });
    expect(post.status).toBe(409);
    const before = await meetingRows(ctx, orgId);
    await expect(
      ctx.database.db.execute(
        sql`update founding_meetings set data = '{}'::jsonb where organisation_id = ${orgId} and status = 'finalised'`,
      ),
    ).rejects.toThrow();
    await expect(
      ctx.database.db.execute(sql`update founding_meetings set status = 'draft' where organisation_id = ${orgId}`),
    ).rejects.toThrow();
    expect(await meetingRows(ctx, orgId)).toEqual(before);
  });

  it('downloads the protocol as a tagged PDF and as HTML, for every member', async () => {
    const res = await member.get(`/arbeidsrom/${orgId}/stiftelsesmote/protokoll.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="stiftelsesprotokoll-blabaerturer-pa-orsta-v1.pdf"');
    const pdf = await readPdf(new Uint8Array(await res.arrayBuffer()));
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.lang).toBe('nb');
    expect(pdf.title).toBe('Protokoll fra stiftelsesmøte i Blåbærturer på Ørsta');
    expect(pdf.roles).toEqual(expect.arrayContaining(['H1', 'Table', 'TH', 'TD', 'L', 'LI']));
    expect(pdf.text).toContain('Sted: Ørsta bibliotek');
    expect(pdf.text).toContain('Kontingenten ble satt til 200 kroner per år.');
    expect(pdf.text).toContain('Eva Ås');

    const page = await member.get(`/arbeidsrom/${orgId}/stiftelsesmote/protokoll.html?versjon=1`);
    expect(page.status).toBe(200);
    const body = await html(page);
    expect(body).toContain('<html lang="nb">');
    expect(body).toContain('<caption>Styret i Blåbærturer på Ørsta</caption>');
    expect(body).not.toMatch(/<script|style=/);

    expect((await member.get(`/arbeidsrom/${orgId}/stiftelsesmote/protokoll.pdf?versjon=7`)).status).toBe(404);
    expect((await member.get(`/arbeidsrom/${orgId}/stiftelsesmote/protokoll.html?versjon=1%20or%201=1`)).status).toBe(404);
  });

  it('members read but do not edit; strangers are refused everything', async () => {
    const overview = await member.get(`/arbeidsrom/${orgId}/stiftelsesmote`);
    expect(overview.status).toBe(200);
    const body = await html(overview);
    expect(body).toContain('Styret forbereder stiftelsesmøtet');
    expect(body).not.toContain('Lag et nytt utkast');
    expect((await member.get(page('mote'))).status).toBe(403);
    expect((await member.get(page('oppsummering'))).status).toBe(403);
    expect((await member.post(`/arbeidsrom/${orgId}/stiftelsesmote/gjenapne`)).status).toBe(403);
    expect((await member.post(page('mote'), { heldOn: '12.03.2026' })).status).toBe(403);

    for (const path of ['', '/mote', '/oppsummering', '/protokoll.pdf', '/protokoll.html', '/ferdig']) {
      expect((await stranger.get(`/arbeidsrom/${orgId}/stiftelsesmote${path}`)).status, path).toBe(403);
    }
    expect((await stranger.post(`/arbeidsrom/${orgId}/stiftelsesmote/fullfor`, { revision: '1' })).status).toBe(403);
  });

  it('reopen: a new draft copied from the protocol, which stays unchanged and valid until the new one is finalised', async () => {
    const res = await leader.post(`/arbeidsrom/${orgId}/stiftelsesmote/gjenapne`);
    expect(res.status).toBe(303);
    const overview = await html(await leader.get(`/arbeidsrom/${orgId}/stiftelsesmote`));
    expect(overview).toContain('Vi har laget et nytt utkast (versjon 2) med svarene fra versjon 1. Versjon 1 er ikke endret');
    const again = await leader.post(`/arbeidsrom/${orgId}/stiftelsesmote/gjenapne`);
    expect(again.status).toBe(303);
    expect(await html(await leader.get(`/arbeidsrom/${orgId}/stiftelsesmote`))).toContain('Det finnes allerede et utkast (versjon 2)');

    const rows = await meetingRows(ctx, orgId);
    expect(rows.map((r) => [r.version, r.status])).toEqual([
      [1, 'finalised'],
      [2, 'draft'],
    ]);
    expect(rows[1]!.data).toEqual(rows[0]!.data);
    // Other features still see the finalised protocol.
    expect((await readFoundingMeeting(ctx.database.db, orgId))!.version).toBe(1);

    // The statutes have changed meanwhile: the board must now have at least 5 members.
    await adoptStatutes(ctx, orgId, 2, { minMembers: 5, maxMembers: 7, termYears: 2 });
    const check = await html(await leader.get(page('oppsummering')));
    expect(check).toContain('Dette må rettes før protokollen kan fullføres');
    expect(check).toContain('Styret må ha minst 5 medlemmer');
    expect(check).not.toContain('name="revision"');

    const ok = await leader.post(page('styre'), {
      ...Object.fromEntries(
        ['Kari Leder', 'Bjørn Styre', 'Eva Ås', 'Per Li', 'Ny Person'].flatMap((name, i) => [
          [`name-${i}`, name],
          [`role-${i}`, i === 0 ? 'leader' : 'board_member'],
        ]),
      ),
    });
    expect(ok.status).toBe(303);
    const [, draft] = await meetingRows(ctx, orgId);
    const finalise = await leader.post(`/arbeidsrom/${orgId}/stiftelsesmote/fullfor`, { revision: String(draft!.revision) });
    expect(finalise.headers.get('location')).toBe(`/arbeidsrom/${orgId}/stiftelsesmote/ferdig?versjon=2`);

    const both = await meetingRows(ctx, orgId);
    expect(both.map((r) => [r.version, r.status, r.statutesVersion])).toEqual([
      [1, 'finalised', 1],
      [2, 'finalised', 2],
    ]);
    expect((await readFoundingMeeting(ctx.database.db, orgId))!.boardElected).toHaveLength(5);
    const list = await html(await member.get(`/arbeidsrom/${orgId}/stiftelsesmote`));
    expect(list).toContain('Alle ferdige versjoner av protokollen');
    const v1 = await readPdf(
      new Uint8Array(await (await member.get(`/arbeidsrom/${orgId}/stiftelsesmote/protokoll.pdf?versjon=1`)).arrayBuffer()),
    );
    expect(v1.text).not.toContain('Ny Person');
    const v2 = await readPdf(new Uint8Array(await (await member.get(`/arbeidsrom/${orgId}/stiftelsesmote/protokoll.pdf`)).arrayBuffer()));
    expect(v2.text).toContain('Ny Person');

    const audit = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, orgId), eq(auditEvents.action, 'founding.reopened')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: ids.leader, details: { fromVersion: 1, version: 2 } });
  });

  it('in nynorsk: the pages, and a new protocol starts in nynorsk with the standard agenda in nynorsk', async () => {
    const nn = ctx.client();
    await nn.signInAs(ids.leader);
    await nn.get('/sprak?lang=nn&tilbake=/');
    const other = await createOrg(nn, 'Fjellgruppa');
    const start = await html(await nn.get(`/arbeidsrom/${other}/stiftelsesmote`));
    expect(start).toContain('Stiftingsmøte');
    const mote = await html(await nn.get(`/arbeidsrom/${other}/stiftelsesmote/mote`));
    expect(mote).toContain('Når og kvar vart møtet halde?');
    expect(mote).toMatch(/value="nn" checked/);
    const agenda = await html(await nn.get(`/arbeidsrom/${other}/stiftelsesmote/sakliste`));
    expect(agenda).toContain('value="Opning, val av møteleiar og referent"');
    const bad = await nn.post(`/arbeidsrom/${other}/stiftelsesmote/mote`, { heldOn: 'i går', place: '', purpose: '', language: 'nn' });
    expect(bad.status).toBe(422);
    expect(await html(bad)).toContain('Skriv kvar møtet vart halde');
  });
});
