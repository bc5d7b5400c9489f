import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { readPdf } from '../../../test/helpers/pdf.ts';
import { SAMPLE_ANSWERS, SAMPLE_FORMS } from '../../../test/helpers/statutes-fixtures.ts';
import {
  auditEvents,
  formFieldProvenance,
  memberships,
  organisations,
  registerFrivillige,
  statutesDrafts,
  statutesVersions,
  users,
} from '../../core/db/schema.ts';
import { readProvenanceSummary } from '../../core/prefill/provenance.ts';
import { readCurrentStatutes } from './statutes.queries.ts';
import { PAGE_SLUGS, type PageSlug } from './statutes.schema.ts';

async function createOrg(client: TestClient, name: string): Promise<string> {
  const res = await client.post('/arbeidsrom/ny', { name, registered: 'no' });
  expect(res.status).toBe(303);
  return res.headers.get('location')!.split('/').pop()!;
}

/** Answers every question page in order with the sample forms (overrides per page), checking each redirect. */
async function walkAllPages(client: TestClient, orgId: string, overrides: Partial<Record<PageSlug, Record<string, string>>> = {}) {
  for (const [i, page] of PAGE_SLUGS.entries()) {
    const res = await client.post(`/arbeidsrom/${orgId}/vedtekter/${page}`, { ...SAMPLE_FORMS[page], ...overrides[page] });
    expect(res.status, `${page}: ${res.status === 422 ? await res.text() : ''}`).toBe(303);
    const next = PAGE_SLUGS[i + 1] ?? 'sjekk';
    expect(res.headers.get('location')).toBe(`/arbeidsrom/${orgId}/vedtekter/${next}`);
  }
}

async function draftRevision(ctx: TestContext, orgId: string): Promise<number | null> {
  const [row] = await ctx.database.db.select().from(statutesDrafts).where(eq(statutesDrafts.organisationId, orgId));
  return row?.revision ?? null;
}

async function adopt(client: TestClient, ctx: TestContext, orgId: string) {
  const revision = await draftRevision(ctx, orgId);
  return client.post(`/arbeidsrom/${orgId}/vedtekter/vedta`, { revision: String(revision) });
}

describe(`statutes builder (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let leader: TestClient;
  let member: TestClient;
  let board: TestClient;
  let leaderId: string;
  let orgId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const l = await ctx.createUser({ name: 'Kari Leder' });
    const m = await ctx.createUser({ name: 'Mona Medlem' });
    const b = await ctx.createUser({ name: 'Bjørn Styre' });
    leaderId = l.id;
    leader = ctx.client();
    await leader.signInAs(l.id);
    orgId = await createOrg(leader, 'Løvstakken sjakklubb');
    // What the workspace already knows, to prefill from.
    await ctx.database.db
      .update(organisations)
      .set({ kommunenummer: '4601', purpose: 'Sjakk for barn og unge i bydelen, med trening og turneringer.' })
      .where(eq(organisations.id, orgId));
    await ctx.database.db.insert(memberships).values([
      { organisationId: orgId, userId: m.id, role: 'member' },
      { organisationId: orgId, userId: b.id, role: 'board_member' },
    ]);
    member = ctx.client();
    await member.signInAs(m.id);
    board = ctx.client();
    await board.signInAs(b.id);
  });
  afterAll(() => ctx.close());

  it('links the statutes from the workspace and shows the start page to the board, read-only to members', async () => {
    expect(await (await leader.get(`/arbeidsrom/${orgId}`)).text()).toContain(`href="/arbeidsrom/${orgId}/vedtekter"`);
    const page = await leader.get(`/arbeidsrom/${orgId}/vedtekter`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Organisasjonen har ikke vedtatt vedtekter i Frivillig ennå.');
    expect(html).toContain(`href="/arbeidsrom/${orgId}/vedtekter/malform"`);
    const memberHtml = await (await member.get(`/arbeidsrom/${orgId}/vedtekter`)).text();
    expect(memberHtml).toContain('Bare leder, styremedlemmer og kasserer kan endre vedtektene.');
    expect(memberHtml).not.toContain('/vedtekter/malform');
  });

  it('shows every question page with a back link and prefills what the workspace knows; GET writes nothing', async () => {
    for (const [i, page] of PAGE_SLUGS.entries()) {
      const res = await leader.get(`/arbeidsrom/${orgId}/vedtekter/${page}`);
      expect(res.status, page).toBe(200);
      const html = await res.text();
      const back = i === 0 ? `/arbeidsrom/${orgId}/vedtekter` : `/arbeidsrom/${orgId}/vedtekter/${PAGE_SLUGS[i - 1]}`;
      expect(html, page).toContain(`<p class="back-link"><a class="ds-link" href="${back}">Tilbake</a>`);
      expect(html, page).toContain(`Spørsmål ${i + 1} av ${PAGE_SLUGS.length}`);
      expect(html, page).toContain(`action="/arbeidsrom/${orgId}/vedtekter/${page}"`);
      expect(html.match(/<h1\b/g), page).toHaveLength(1);
    }
    const name = await (await leader.get(`/arbeidsrom/${orgId}/vedtekter/navn`)).text();
    expect(name).toContain('value="Løvstakken sjakklubb"');
    expect(name).toContain('Fylt ut med det som står om organisasjonen i arbeidsrommet.');
    const kommune = await (await leader.get(`/arbeidsrom/${orgId}/vedtekter/kommune`)).text();
    expect(kommune).toMatch(/<option value="4601" selected="">Bergen<\/option>/);
    const purpose = await (await leader.get(`/arbeidsrom/${orgId}/vedtekter/formal`)).text();
    expect(purpose).toContain('Sjakk for barn og unge i bydelen, med trening og turneringer.</textarea>');
    // Lovnorm defaults are suggested on the later pages.
    const arsmote = await (await leader.get(`/arbeidsrom/${orgId}/vedtekter/arsmote`)).text();
    expect(arsmote).toContain('id="noticeDays" name="noticeDays" type="text" value="30"');
    expect(await ctx.database.db.select().from(statutesDrafts)).toEqual([]);
  });

  const INVALID: [PageSlug, Record<string, string>, string, string[]][] = [
    ['malform', { language: 'en' }, 'Velg bokmål eller nynorsk', []],
    ['navn', { name: ' ' }, 'Skriv inn navnet på foreningen', []],
    ['navn', { name: 'x'.repeat(180) }, 'Navnet kan ha høyst 175 tegn', ['x'.repeat(180)]],
    ['kommune', { kommune: '9999' }, 'Velg en kommune fra listen', []],
    ['formal', { purpose: 'Sjakk' }, 'Formålet er for kort', ['>Sjakk</textarea>']],
    ['organisasjonsform', {}, 'Velg om foreningen skal være selveiende', []],
    [
      'medlemskap',
      { openTo: 'alle som vil', votingMinimumAge: 'femten', votingMinimumMonths: '30', feeRequiredToVote: 'yes' },
      'Skriv et helt tall med sifre',
      ['alle som vil</textarea>', 'value="femten"', 'value="30"', 'Antall måneder må være mellom 0 og 24'],
    ],
    ['kontingent', { feeSetBy: 'kassereren' }, 'Velg hvem som fastsetter kontingenten', []],
    [
      'arsmote',
      { deadlineDay: '31', deadlineMonth: '4', noticeDays: '10', proposalsDays: '14', papersDays: '7' },
      'Den måneden har ikke så mange dager',
      ['value="31"', 'Fristen for forslag kan ikke være før innkallingen er sendt', 'value="14"'],
    ],
    [
      'styre',
      { minMembers: '5', maxMembers: '3', termYears: '2' },
      'Høyeste antall kan ikke være lavere enn minste antall',
      ['value="5"', 'value="3"'],
    ],
    ['signatur', {}, 'Velg hvem som kan signere for foreningen', []],
    ['vedtektsendringer', { amendmentMajority: 'unanimous' }, 'Velg hvilket flertall som trengs for å endre vedtektene', []],
    [
      'opplosning',
      { dissolutionMajority: 'two-thirds', requiresSecondMeeting: 'yes', assetsTo: '' },
      'Skriv hvem som skal få midlene hvis foreningen oppløses',
      [],
    ],
    ['revisjon', {}, 'Velg hvem som skal revidere regnskapet', []],
  ];

  it.each(INVALID)(
    '%s: a validation error is shown in the summary and at the field, keeps the input and saves nothing',
    async (page, form, message, kept) => {
      const before = await ctx.database.db.select().from(statutesDrafts);
      const res = await leader.post(`/arbeidsrom/${orgId}/vedtekter/${page}`, form);
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('ds-error-summary');
      expect(html).toContain(message);
      expect(html).toContain('aria-invalid="true"');
      for (const k of kept) expect(html).toContain(k);
      expect(await ctx.database.db.select().from(statutesDrafts)).toEqual(before);
    },
  );

  it('keeps a radio choice and the other fields when one field on the page is wrong', async () => {
    const res = await leader.post(`/arbeidsrom/${orgId}/vedtekter/opplosning`, {
      dissolutionMajority: 'three-quarters',
      requiresSecondMeeting: 'no',
      assetsTo: '',
    });
    const html = await res.text();
    expect(html).toMatch(/id="dissolutionMajority-three-quarters" value="three-quarters" checked=""/);
    expect(html).toMatch(/id="requiresSecondMeeting-no" value="no" checked=""/);
  });

  it('saves page by page, records what was prefilled, adopts version 1 and logs it', async () => {
    await walkAllPages(leader, orgId, {
      // Kept the prefilled name and kommune; replaced the workspace's purpose.
      formal: { purpose: SAMPLE_ANSWERS.purpose },
    });
    const [draft] = await ctx.database.db.select().from(statutesDrafts).where(eq(statutesDrafts.organisationId, orgId));
    expect(draft!.answeredPages).toEqual([...PAGE_SLUGS]);
    expect(draft!.answers).toEqual(SAMPLE_ANSWERS);
    expect(draft!.revision).toBe(PAGE_SLUGS.length);

    // Measured gain: name and kommune prefilled and kept, purpose prefilled and corrected, the rest typed.
    const rows = await ctx.database.db
      .select({ field: formFieldProvenance.field, outcome: formFieldProvenance.outcome, source: formFieldProvenance.source })
      .from(formFieldProvenance)
      .where(and(eq(formFieldProvenance.organisationId, orgId), eq(formFieldProvenance.form, 'statutes')));
    const byField = Object.fromEntries(rows.map((r) => [r.field, `${r.outcome}:${r.source ?? ''}`]));
    expect(byField).toMatchObject({
      name: 'prefilled:workspace',
      kommune: 'prefilled:workspace',
      purpose: 'corrected:workspace',
      language: 'typed:',
      assetsTo: 'typed:',
    });
    const summary = await readProvenanceSummary(ctx.database.db, { organisationId: orgId });
    expect(summary.totals.prefilled).toBe(2);
    expect(summary.totals.corrected).toBe(1);

    const check = await leader.get(`/arbeidsrom/${orgId}/vedtekter/sjekk`);
    expect(check.status).toBe(200);
    const html = await check.text();
    expect(html).toContain('Sjekk svarene før dere vedtar vedtektene');
    expect(html).toContain('Bergen (4601)');
    expect(html).toContain(`href="/arbeidsrom/${orgId}/vedtekter/styre?tilbake=sjekk"`);
    expect(html).toContain('Krav for registrering i Enhetsregisteret og Frivillighetsregisteret');
    expect(html).toContain('Nødvendig for momskompensasjon');
    expect(html).toContain('Nødvendig for grasrotandelen');
    // The workspace is not in Frivillighetsregisteret yet: explained, but it does not block.
    expect(html).toContain('Vi finner ikke foreningen i Frivillighetsregisteret.');
    expect(html).toContain('§ 1 Navn');
    expect(html).toContain('<div class="statutes-text" lang="nb">');
    expect(html).toContain('Vedta vedtektene');

    const res = await adopt(leader, ctx, orgId);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/arbeidsrom/${orgId}/vedtekter/versjon?nr=1`);
    const versionPage = await leader.get(res.headers.get('location')!);
    const versionHtml = await versionPage.text();
    expect(versionHtml).toContain('Vedtektene er vedtatt og lagret som versjon 1.');
    expect(versionHtml).toContain('Vedtekter, versjon 1');
    expect(versionHtml).toContain('av Kari Leder');

    const [v1] = await ctx.database.db.select().from(statutesVersions).where(eq(statutesVersions.organisationId, orgId));
    expect(v1).toMatchObject({ version: 1, language: 'nb', adoptedBy: leaderId, adoptedByName: 'Kari Leder', answers: SAMPLE_ANSWERS });
    expect(v1!.text).toContain('§ 14 Oppløsning');
    expect(await draftRevision(ctx, orgId)).toBeNull();
    const audit = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, orgId), eq(auditEvents.action, 'statutes.adopted')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ version: '1', language: 'nb' });
    expect(audit[0]!.actorUserId).toBe(leaderId);
    // The audit log says it in words.
    expect(await (await leader.get(`/arbeidsrom/${orgId}/logg`)).text()).toContain('Vedtok vedtekter, versjon 1');

    const current = await readCurrentStatutes(ctx.database.db, orgId);
    expect(current).toMatchObject({ version: 1, answers: SAMPLE_ANSWERS });
    expect(current!.adoptedAt).toBeInstanceOf(Date);
    expect(current!.text).toBe(v1!.text);
  });

  it('starts a change from the current version: nothing to adopt until something changes', async () => {
    const check = await (await leader.get(`/arbeidsrom/${orgId}/vedtekter/sjekk`)).text();
    expect(check).toContain('Svarene er like vedtektene som gjelder nå (versjon 1).');
    expect(check).not.toContain(`action="/arbeidsrom/${orgId}/vedtekter/vedta"`);
    const styre = await (await leader.get(`/arbeidsrom/${orgId}/vedtekter/styre?tilbake=sjekk`)).text();
    expect(styre).toContain('Fylt ut fra vedtektene som gjelder nå (versjon 1).');
    expect(styre).toContain(`<a class="ds-link" href="/arbeidsrom/${orgId}/vedtekter/sjekk">Tilbake</a>`);
    expect(styre).toContain('Lagre og gå tilbake til oppsummeringen');

    // Saving the same board answers stores a draft, which is still equal to version 1.
    const same = await board.post(`/arbeidsrom/${orgId}/vedtekter/styre?tilbake=sjekk`, SAMPLE_FORMS.styre);
    expect(same.headers.get('location')).toBe(`/arbeidsrom/${orgId}/vedtekter/sjekk`);
    const unchanged = await adopt(board, ctx, orgId);
    expect(unchanged.status).toBe(409);
    expect(await unchanged.text()).toContain('Utkastet er likt vedtektene som gjelder nå');
    expect(await ctx.database.db.select().from(statutesVersions).where(eq(statutesVersions.organisationId, orgId))).toHaveLength(1);
  });

  it('refuses to adopt a draft that changed since it was checked, then adopts version 2 (a board member)', async () => {
    await board.post(`/arbeidsrom/${orgId}/vedtekter/styre?tilbake=sjekk`, { minMembers: '5', maxMembers: '9', termYears: '2' });
    const stale = (await draftRevision(ctx, orgId))!;
    await leader.post(`/arbeidsrom/${orgId}/vedtekter/signatur?tilbake=sjekk`, { signature: 'two-board-members' });
    const refused = await board.post(`/arbeidsrom/${orgId}/vedtekter/vedta`, { revision: String(stale) });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Utkastet er endret siden du åpnet denne siden.');

    const res = await adopt(board, ctx, orgId);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/arbeidsrom/${orgId}/vedtekter/versjon?nr=2`);
    const current = await readCurrentStatutes(ctx.database.db, orgId);
    expect(current?.version).toBe(2);
    expect(current?.answers.board).toEqual({ minMembers: 5, maxMembers: 9, termYears: 2 });
    expect(current?.answers.signature).toBe('two-board-members');
  });

  it('lists the versions and shows a readable diff, marked with words as well as <ins>/<del>', async () => {
    const list = await member.get(`/arbeidsrom/${orgId}/vedtekter/versjoner`);
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain('<caption>Vedtatte versjoner, nyeste først</caption>');
    expect(listHtml).toContain(`href="/arbeidsrom/${orgId}/vedtekter/endringer?fra=1&amp;til=2"`);

    const diff = await member.get(`/arbeidsrom/${orgId}/vedtekter/endringer?fra=1&til=2`);
    expect(diff.status).toBe(200);
    const html = await diff.text();
    expect(html).toContain('Endringer fra versjon 1 til versjon 2');
    expect(html).toContain('2 avsnitt er endret, 0 lagt til og 0 fjernet.');
    expect(html).toContain('<del class="diff-del"><span class="ds-sr-only">[fjernet: </span>3<span class="ds-sr-only">]</span></del>');
    expect(html).toContain('<ins class="diff-ins"><span class="ds-sr-only">[lagt til: </span>5<span class="ds-sr-only">]</span></ins>');
    expect(html).toContain('Endret avsnitt');
    // Without parameters: the newest against the one before; backwards works too.
    expect((await member.get(`/arbeidsrom/${orgId}/vedtekter/endringer`)).status).toBe(200);
    expect(await (await member.get(`/arbeidsrom/${orgId}/vedtekter/endringer?fra=2&til=1`)).text()).toContain(
      'Endringer fra versjon 2 til versjon 1',
    );
    for (const bad of ['?fra=7&til=1', '?fra=abc', '?til=0', '?fra=1;drop']) {
      expect((await member.get(`/arbeidsrom/${orgId}/vedtekter/endringer${bad}`)).status, bad).toBe(404);
    }
  });

  it('serves each version as HTML and as a tagged PDF to every member; unknown versions are 404', async () => {
    const html = await member.get(`/arbeidsrom/${orgId}/vedtekter/vedtekter.html?nr=1`);
    expect(html.status).toBe(200);
    const text = await html.text();
    expect(text).toContain('<html lang="nb">');
    expect(text).toContain('Styret har fra 3 til 7 medlemmer');
    const pdfRes = await member.get(`/arbeidsrom/${orgId}/vedtekter/vedtekter.pdf`);
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
    expect(pdfRes.headers.get('content-disposition')).toBe('attachment; filename="vedtekter-versjon-2.pdf"');
    const pdf = await readPdf(new Uint8Array(await pdfRes.arrayBuffer()));
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.lang).toBe('nb');
    expect(pdf.text).toContain('Styret har fra 5 til 9 medlemmer');
    for (const bad of ['?nr=9', '?nr=0', '?nr=x', '?nr=-1']) {
      expect((await member.get(`/arbeidsrom/${orgId}/vedtekter/vedtekter.pdf${bad}`)).status, bad).toBe(404);
      expect((await member.get(`/arbeidsrom/${orgId}/vedtekter/versjon${bad}`)).status, bad).toBe(404);
    }
    const old = await (await member.get(`/arbeidsrom/${orgId}/vedtekter/versjon?nr=1`)).text();
    expect(old).toContain('Dette er ikke den gjeldende versjonen. Gjeldende versjon er 2.');
  });

  it('lets members read but not edit: question pages, saving, adopting and discarding are refused', async () => {
    const before = {
      drafts: await ctx.database.db.select().from(statutesDrafts),
      versions: await ctx.database.db.select().from(statutesVersions),
    };
    for (const page of PAGE_SLUGS) {
      expect((await member.get(`/arbeidsrom/${orgId}/vedtekter/${page}`)).status, page).toBe(403);
      expect((await member.post(`/arbeidsrom/${orgId}/vedtekter/${page}`, SAMPLE_FORMS[page])).status, page).toBe(403);
      // Invalid input is refused the same way: a member learns nothing from validation.
      expect((await member.post(`/arbeidsrom/${orgId}/vedtekter/${page}`, {})).status, page).toBe(403);
    }
    expect((await member.get(`/arbeidsrom/${orgId}/vedtekter/sjekk`)).status).toBe(403);
    expect((await member.post(`/arbeidsrom/${orgId}/vedtekter/vedta`, { revision: '1' })).status).toBe(403);
    expect((await member.post(`/arbeidsrom/${orgId}/vedtekter/forkast`)).status).toBe(403);
    expect({
      drafts: await ctx.database.db.select().from(statutesDrafts),
      versions: await ctx.database.db.select().from(statutesVersions),
    }).toEqual(before);
    for (const path of ['', '/versjoner', '/versjon', '/endringer', '/vedtekter.html']) {
      expect((await member.get(`/arbeidsrom/${orgId}/vedtekter${path}`)).status, path).toBe(200);
    }
  });

  it('refuses strangers and signed-out visitors', async () => {
    const stranger = ctx.client();
    await stranger.signInAs((await ctx.createUser({ name: 'Fremmed' })).id);
    for (const path of ['', '/navn', '/sjekk', '/versjoner', '/versjon?nr=1', '/endringer', '/vedtekter.pdf']) {
      expect((await stranger.get(`/arbeidsrom/${orgId}/vedtekter${path}`)).status, path).toBe(403);
    }
    expect((await stranger.post(`/arbeidsrom/${orgId}/vedtekter/navn`, { name: 'Kapret' })).status).toBe(403);
    const anonymous = await ctx.client().get(`/arbeidsrom/${orgId}/vedtekter/navn`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/logg-inn\?tilbake=/);
  });

  it('blocks adoption while a registration requirement fails, and says why', async () => {
    const other = await createOrg(leader, 'Eierforeningen');
    await walkAllPages(leader, other, {
      organisasjonsform: { selveiende: 'no' },
      opplosning: { dissolutionMajority: 'two-thirds', requiresSecondMeeting: 'yes', assetsTo: 'deles likt mellom medlemmene' },
    });
    const check = await (await leader.get(`/arbeidsrom/${other}/vedtekter/sjekk`)).text();
    expect(check).toContain('2 krav for registrering er ikke oppfylt.');
    expect(check).toContain('Teksten om hvem som får midlene nevner medlemmene.');
    expect(check).not.toContain(`action="/arbeidsrom/${other}/vedtekter/vedta"`);
    const res = await adopt(leader, ctx, other);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Vedtektene oppfyller ikke alle kravene for registrering.');
    expect(await ctx.database.db.select().from(statutesVersions).where(eq(statutesVersions.organisationId, other))).toEqual([]);
  });

  it('refuses to adopt an incomplete draft, a missing draft and a missing revision', async () => {
    const other = await createOrg(leader, 'Halvferdig lag');
    const incomplete = await leader.post(`/arbeidsrom/${other}/vedtekter/navn`, { name: 'Halvferdig lag' });
    expect(incomplete.headers.get('location')).toBe(`/arbeidsrom/${other}/vedtekter/kommune`);
    const check = await (await leader.get(`/arbeidsrom/${other}/vedtekter/sjekk`)).text();
    expect(check).toContain('12 av 13 spørsmål er ikke besvart ennå.');
    expect(check).toContain('Ikke besvart');
    expect((await adopt(leader, ctx, other)).status).toBe(422);
    expect((await leader.post(`/arbeidsrom/${other}/vedtekter/vedta`, {})).status).toBe(422);
    await leader.post(`/arbeidsrom/${other}/vedtekter/forkast`);
    const none = await leader.post(`/arbeidsrom/${other}/vedtekter/vedta`, { revision: '1' });
    expect(none.status).toBe(409);
    expect(await none.text()).toContain('Det er ikke noe utkast å vedta.');
  });

  it('discards a draft (logged) without touching the adopted versions', async () => {
    await leader.post(`/arbeidsrom/${orgId}/vedtekter/navn?tilbake=sjekk`, { name: 'Løvstakken sjakklag' });
    expect(await draftRevision(ctx, orgId)).not.toBeNull();
    const res = await leader.post(`/arbeidsrom/${orgId}/vedtekter/forkast`);
    expect(res.headers.get('location')).toBe(`/arbeidsrom/${orgId}/vedtekter`);
    expect(await draftRevision(ctx, orgId)).toBeNull();
    expect((await readCurrentStatutes(ctx.database.db, orgId))?.answers.name).toBe('Løvstakken sjakklubb');
    const [event] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, orgId), eq(auditEvents.action, 'statutes.draft_discarded')));
    expect(event).toBeDefined();
  });

  it('passes the Frivillighetsregisteret checks when the organisation is in the register', async () => {
    const other = await createOrg(leader, 'Registrert lag');
    await ctx.database.db.update(organisations).set({ orgnr: '910000012' }).where(eq(organisations.id, other));
    await ctx.database.db.insert(registerFrivillige).values({ orgnr: '910000012', data: {}, dataHash: 'x' });
    await walkAllPages(leader, other);
    const check = await (await leader.get(`/arbeidsrom/${other}/vedtekter/sjekk`)).text();
    expect(check).not.toContain('Vi finner ikke foreningen i Frivillighetsregisteret.');
  });

  it('keeps adopted versions immutable in the database; deleting the adopter keeps the name', async () => {
    await expect(
      ctx.database.db.execute(sql`update statutes_versions set text = 'endret' where organisation_id = ${orgId} and version = 1`),
    ).rejects.toThrow();
    const other = await createOrg(board, 'Styrets lag');
    await walkAllPages(board, other);
    expect((await adopt(board, ctx, other)).status).toBe(303);
    const [boardRow] = await ctx.database.db.select().from(users).where(eq(users.name, 'Bjørn Styre'));
    await ctx.database.db.delete(users).where(eq(users.id, boardRow!.id));
    const [v] = await ctx.database.db.select().from(statutesVersions).where(eq(statutesVersions.organisationId, other));
    expect(v).toMatchObject({ adoptedBy: null, adoptedByName: 'Bjørn Styre', version: 1 });
  });

  it('writes nynorsk statutes for a nynorsk user by default, and speaks nynorsk', async () => {
    const nn = ctx.client();
    const user = await ctx.createUser({ name: 'Nils Nynorsk' });
    await nn.signInAs(user.id);
    nn.cookies.set('frivillig_lang', 'nn');
    const other = await createOrg(nn, 'Vossalaget');
    const malform = await (await nn.get(`/arbeidsrom/${other}/vedtekter/malform`)).text();
    expect(malform).toContain('Kva målform skal vedtektene skrivast på?');
    expect(malform).toMatch(/value="nn" checked=""/);
    const bad = await nn.post(`/arbeidsrom/${other}/vedtekter/navn`, { name: '' });
    expect(await bad.text()).toContain('Skriv inn namnet på foreininga');
    await walkAllPages(nn, other, { malform: { language: 'nn' }, navn: { name: 'Vossalaget' }, kommune: { kommune: '4621' } });
    expect((await adopt(nn, ctx, other)).status).toBe(303);
    const current = await readCurrentStatutes(ctx.database.db, other);
    expect(current?.text).toContain('Namnet til foreininga er Vossalaget.');
    expect(current?.text).toContain('Foreininga har sete i Voss kommune.');
    const pdf = await readPdf(new Uint8Array(await (await nn.get(`/arbeidsrom/${other}/vedtekter/vedtekter.pdf`)).arrayBuffer()));
    expect(pdf.lang).toBe('nn');
    expect(pdf.text).toContain('§ 14 Oppløysing');
  });
});
