import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { accessRequests, auditEvents, memberships, organisations, outboundEmails, users } from '../../core/db/schema.ts';
import { insertChange, insertEnhet, insertFrivillig, insertRoller } from '../register-search/test-fixtures.ts';

const spaced = (orgnr: string) => orgnr.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');

describe(`organisation profile and claiming its workspace (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let club: string;
  let other: string;
  let deleted: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    club = await insertEnhet(db, {
      navn: 'BYGDA SJAKKLUBB',
      kommunenummer: '4601',
      stiftelsesdato: '1921-03-01',
      registreringsdato: '1995-08-09',
      frivillighetsregisteret: true,
      vedtektsfestetFormaal: ['Å fremme sjakkspill i bygda.'],
      aktivitet: ['Sjakkundervisning og turneringer.'],
      epostadresse: 'post@bygdasjakk.no',
      hjemmeside: 'www.bygdasjakk.no',
      telefon: '55 00 00 00',
    });
    await insertFrivillig(db, { orgnr: club, icnpo: ['1300', '2300'], grasrotandel: true, regnskapsaar: 2023, vedtekter: true });
    await insertRoller(db, club, [
      { rolle: 'LEDE', fornavn: 'Kari Anne', etternavn: 'Nordmann', fodselsdato: '1980-05-17' },
      { rolle: 'NEST', fornavn: 'Ola', etternavn: 'Nordmann', fodselsdato: '1975-01-02' },
      { rolle: 'MEDL', fornavn: 'Per', etternavn: 'Berg Hansen', fodselsdato: '1990-12-24', fratraadt: true },
      { rolle: 'MEDL', fornavn: 'Liv', mellomnavn: 'Marie', etternavn: 'Lie', fodselsdato: '1985-03-03' },
      { rolle: 'DAGL', fornavn: 'Eva', etternavn: 'Eng', fodselsdato: '1970-07-07' },
      { rolle: 'REVI', enhet: { orgnr: '974760673', navn: 'REVISJON AS' } },
    ]);
    await insertChange(db, { orgnr: club, endringstype: 'Ny', dato: '2001-02-03T10:00:00Z' });
    await insertChange(db, {
      orgnr: club,
      endringstype: 'Endring',
      dato: '2024-06-01T08:30:00Z',
      endringer: [
        { op: 'replace', path: '/navn', value: 'BYGDA SJAKKLUBB' },
        { op: 'replace', path: '/forretningsadresse/adresse', value: ['Storgata 1'] },
      ],
    });
    other = await insertEnhet(db, { navn: 'ANDRE LAG', kommunenummer: '0301', antallAnsatte: 12 });
    await insertRoller(db, other, [{ rolle: 'LEDE', fornavn: 'Kari', etternavn: 'Nordmann', fodselsdato: '1980-05-17' }]);
    deleted = await insertEnhet(db, { navn: 'NEDLAGT FORENING', slettedato: '2022-09-30' });
    await insertRoller(db, deleted, [{ rolle: 'LEDE', fornavn: 'Kari', etternavn: 'Nordmann', fodselsdato: '1980-05-17' }]);
  });
  afterAll(() => ctx.close());

  async function person(name: string, birthDate?: string): Promise<{ id: string; client: TestClient; email: string }> {
    const u = await ctx.createUser({ name });
    if (birthDate) await ctx.database.db.update(users).set({ birthDate }).where(eq(users.id, u.id));
    const client = ctx.client();
    await client.signInAs(u.id);
    return { id: u.id, client, email: u.email };
  }

  describe('the profile page', () => {
    it('shows register data, Frivillighetsregisteret, board and roles, changes and the NLOD attribution', async () => {
      const res = await ctx.app.request(`/organisasjoner/${club}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      for (const text of [
        '<h1 class="ds-heading" data-size="lg">BYGDA SJAKKLUBB</h1>',
        spaced(club),
        'Forening/lag/innretning (FLI)',
        'Aktiv',
        '01.03.1921',
        '09.08.1995',
        'Storgata 1',
        'Postboks 12',
        'Bergen (4601)',
        'Å fremme sjakkspill i bygda.',
        'Sjakkundervisning og turneringer.',
        'href="https://www.bygdasjakk.no"',
        'href="mailto:post@bygdasjakk.no"',
        '55 00 00 00',
        '94.991 Aktiviteter i andre interesseorganisasjoner',
        '7000 Ideelle organisasjoner',
        '0–4 (Enhetsregisteret oppgir ikke antallet når det er færre enn fem)',
        'Frivillighetsregisteret',
        '1300 Rekreasjon og sosiale foreninger (hovedkategori)',
        '2300 Annen utdanning',
        'Deltar',
        'Siste årsregnskap: 2023',
        'Registrert, sist oppdatert 02.04.2019',
        'Styrets leder',
        'Kari Anne Nordmann',
        'Nestleder',
        'Liv Marie Lie',
        'Daglig leder',
        'Eva Eng',
        'href="/organisasjoner/974760673"',
        'REVISJON AS',
        'Inneholder data under Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av Brønnøysundregistrene',
      ]) {
        expect(html, text).toContain(text);
      }
      // Primary category first: the record lists them in reverse, ranked by rekkefoelge.
      expect(html.indexOf('1300 Rekreasjon')).toBeLessThan(html.indexOf('2300 Annen utdanning'));
      // A role holder who has resigned is not shown.
      expect(html).not.toContain('Berg Hansen');
      // Changes from the feed, newest first, with the fields they touched.
      expect(html.indexOf('navn, forretningsadresse')).toBeGreaterThan(-1);
      expect(html.indexOf('Endring')).toBeLessThan(html.indexOf('Ny i registeret'));
      // Tables have captions and column headers.
      expect(html).toContain('<caption id="changes-caption">');
      expect(html).toContain('<th scope="col">Rolle</th>');
    });

    it('never shows a birth date of a role holder, in the page or the API', async () => {
      const html = await (await ctx.app.request(`/organisasjoner/${club}`)).text();
      const json = await (await ctx.app.request(`/api/v1/organisasjoner/${club}`)).text();
      for (const body of [html, json]) {
        for (const date of [
          '1980-05-17',
          '17.05.1980',
          '1975-01-02',
          '02.01.1975',
          '1985-03-03',
          '03.03.1985',
          '1970-07-07',
          '07.07.1970',
        ]) {
          expect(body).not.toContain(date);
        }
        expect(body).not.toContain('fodselsdato');
      }
    });

    it('has the NLOD attribution in nynorsk', async () => {
      const html = await (await ctx.app.request(`/organisasjoner/${club}`, { headers: { 'accept-language': 'nn' } })).text();
      expect(html).toContain('Inneheld data under Norsk lisens for offentlege data (NLOD) tilgjengeleggjort av Brønnøysundregistera');
      expect(html).toContain('Opplysningar i Einingsregisteret');
    });

    it('gives the employee count when there is one, and the status of a deleted unit without a claim section', async () => {
      expect(await (await ctx.app.request(`/organisasjoner/${other}`)).text()).toContain('<dd>12</dd>');
      const html = await (await ctx.app.request(`/organisasjoner/${deleted}`)).text();
      expect(html).toContain('Slettet fra Enhetsregisteret 30.09.2022');
      expect(html).not.toContain('Er dette din organisasjon?');
      expect(html).toContain('Organisasjonen er ikke registrert i Frivillighetsregisteret.');
      const bare = await insertEnhet(ctx.database.db, { navn: 'UTEN ROLLER' });
      const bareHtml = await (await ctx.app.request(`/organisasjoner/${bare}`)).text();
      expect(bareHtml).toContain('Vi har ingen opplysninger om roller for denne organisasjonen.');
      expect(bareHtml).toContain('Vi har ikke sett endringer for organisasjonen');
    });

    it('404 for an unknown organisasjonsnummer, 400 for an invalid one, and the canonical address for a spaced one', async () => {
      const unknown = await ctx.app.request('/organisasjoner/974760673');
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('Fant ikke organisasjonen');
      const badCheck = await ctx.app.request('/organisasjoner/974760674');
      expect(badCheck.status).toBe(400);
      expect(await badCheck.text()).toContain('kontrollsifferet stemmer ikke');
      const letters = await ctx.app.request('/organisasjoner/abc');
      expect(letters.status).toBe(400);
      expect(await letters.text()).toContain('Et organisasjonsnummer har ni sifre.');
      const withSpaces = await ctx.app.request(`/organisasjoner/${encodeURIComponent(spaced(club))}`);
      expect(withSpaces.status).toBe(301);
      expect(withSpaces.headers.get('location')).toBe(`/organisasjoner/${club}`);
    });

    it('API: the same data as JSON, 404 and 400 as JSON errors, in the OpenAPI document', async () => {
      const res = await ctx.app.request(`/api/v1/organisasjoner/${club}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        data: Record<string, unknown> & { roles: { personName: string | null; roleName: string }[] };
        license: string;
      };
      expect(body.data).toMatchObject({
        orgnr: club,
        name: 'BYGDA SJAKKLUBB',
        employees: null,
        purpose: ['Å fremme sjakkspill i bygda.'],
        frivillig: {
          grasrotandel: true,
          categories: [
            { number: '1300', rank: 1 },
            { number: '2300', rank: 2 },
          ],
        },
      });
      expect(body.data.roles).toContainEqual(expect.objectContaining({ personName: 'Kari Anne Nordmann', roleName: 'Styrets leder' }));
      expect(body.license).toContain('NLOD');
      const missing = await ctx.app.request('/api/v1/organisasjoner/974760673');
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
      const invalid = await ctx.app.request('/api/v1/organisasjoner/123');
      expect(invalid.status).toBe(400);
      expect(await invalid.json()).toMatchObject({
        error: { code: 'validation', fields: { orgnr: 'Et organisasjonsnummer har ni sifre.' } },
      });
      const doc = (await (await ctx.app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toContain('/organisasjoner/{orgnr}');
    });
  });

  describe('claiming the workspace', () => {
    it('asks a signed-out visitor to sign in first', async () => {
      const html = await (await ctx.app.request(`/organisasjoner/${club}`)).text();
      expect(html).toContain(`href="/logg-inn?tilbake=${encodeURIComponent(`/organisasjoner/${club}/arbeidsrom`)}"`);
      const res = await ctx.app.request(`/organisasjoner/${club}/arbeidsrom`);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toContain('/logg-inn?tilbake=');
      const post = await ctx.client().post(`/organisasjoner/${club}/arbeidsrom`);
      expect(post.status).toBe(401);
    });

    it('the chair states her birth date, is found on the board and creates the workspace as leader (audited)', async () => {
      const kari = await person('Kari Nordmann');
      const page = await (await kari.client.get(`/organisasjoner/${club}/arbeidsrom`)).text();
      expect(page).toContain('Er dette din organisasjon?');
      expect(page).toContain('<label class="ds-label" for="fodselsdato">');
      expect(page).not.toContain('Du står i Enhetsregisteret som');

      const saved = await kari.client.post(`/organisasjoner/${club}/fodselsdato`, { fodselsdato: '17.05.1980' });
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toBe(`/organisasjoner/${club}/arbeidsrom`);
      const [row] = await ctx.database.db.select({ birthDate: users.birthDate }).from(users).where(eq(users.id, kari.id));
      expect(row!.birthDate).toBe('1980-05-17');

      const matched = await (await kari.client.get(`/organisasjoner/${club}/arbeidsrom`)).text();
      expect(matched).toContain('Fødselsdatoen er lagret.');
      expect(matched).toContain('Du står i Enhetsregisteret som Styrets leder.');
      expect(matched).toContain(`action="/organisasjoner/${club}/arbeidsrom"`);

      const claimed = await kari.client.post(`/organisasjoner/${club}/arbeidsrom`);
      expect(claimed.status).toBe(303);
      const organisationId = claimed.headers.get('location')!.split('/').pop()!;
      const [org] = await ctx.database.db.select().from(organisations).where(eq(organisations.id, organisationId));
      expect(org).toMatchObject({
        name: 'BYGDA SJAKKLUBB',
        orgnr: club,
        phase: 3,
        kommunenummer: '4601',
        purpose: 'Å fremme sjakkspill i bygda.',
      });
      const members = await ctx.database.db.select().from(memberships).where(eq(memberships.organisationId, organisationId));
      expect(members).toEqual([expect.objectContaining({ userId: kari.id, role: 'leader' })]);
      const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.organisationId, organisationId));
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'organisation.claimed',
          actorUserId: kari.id,
          details: { orgnr: club, rolle: 'LEDE', rolleNavn: 'Styrets leder' },
        }),
      ]);
      const workspace = await (await kari.client.get(`/arbeidsrom/${organisationId}`)).text();
      expect(workspace).toContain('Arbeidsrommet for BYGDA SJAKKLUBB er tatt i bruk. Du er leder.');
      const log = await (await kari.client.get(`/arbeidsrom/${organisationId}/logg`)).text();
      expect(log).toContain('Tok i bruk arbeidsrommet (Styrets leder i Enhetsregisteret)');
      // The profile now links her to the workspace.
      expect(await (await kari.client.get(`/organisasjoner/${club}`)).text()).toContain(`href="/arbeidsrom/${organisationId}"`);
    });

    it('another board member joins the existing workspace as board member; claiming again changes nothing', async () => {
      const ola = await person('Ola Nordmann', '1975-01-02');
      const res = await ola.client.post(`/organisasjoner/${club}/arbeidsrom`);
      expect(res.status).toBe(303);
      const organisationId = res.headers.get('location')!.split('/').pop()!;
      const [m] = await ctx.database.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, ola.id)));
      expect(m!.role).toBe('board_member');
      const claims = await ctx.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.organisationId, organisationId), eq(auditEvents.action, 'membership.claimed')));
      expect(claims).toEqual([
        expect.objectContaining({ actorUserId: ola.id, details: expect.objectContaining({ rolle: 'NEST', role: 'board_member' }) }),
      ]);
      expect(await (await ola.client.get(`/arbeidsrom/${organisationId}`)).text()).toContain(
        'Du er nå styremedlem i arbeidsrommet for BYGDA SJAKKLUBB.',
      );

      const again = await ola.client.post(`/organisasjoner/${club}/arbeidsrom`);
      expect(again.status).toBe(303);
      expect(await (await ola.client.get(`/arbeidsrom/${organisationId}`)).text()).toContain('Du er allerede styremedlem');
      const after = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'membership.claimed'));
      expect(after).toHaveLength(1);
    });

    it('refuses a person whose name or birth date does not match, or whose role has ended, and changes nothing', async () => {
      const before = {
        orgs: (await ctx.database.db.select().from(organisations)).length,
        members: (await ctx.database.db.select().from(memberships)).length,
        audit: (await ctx.database.db.select().from(auditEvents)).length,
      };
      const cases = [
        await person('Kari Nordmannsen', '1980-05-17'), // surname differs
        await person('Kari Nordmann', '1980-05-18'), // birth date differs
        await person('Per Berg-Hansen', '1990-12-24'), // fratraadt
        await person('Eva Eng', '1970-07-07'), // daglig leder: not a board role
      ];
      for (const p of cases) {
        const page = await (await p.client.get(`/organisasjoner/${club}/arbeidsrom`)).text();
        expect(page).toContain('Vi fant deg ikke blant styremedlemmene');
        expect(page).toContain('Be lederen om tilgang');
        const res = await p.client.post(`/organisasjoner/${club}/arbeidsrom`);
        expect(res.status).toBe(403);
        expect(await res.text()).toContain('Vi fant deg ikke blant styremedlemmene');
      }
      // Without a birth date there is nothing to match on yet.
      const nobody = await person('Liv Lie');
      expect((await nobody.client.post(`/organisasjoner/${club}/arbeidsrom`)).status).toBe(422);
      // A deleted organisation cannot be claimed, even by its registered chair.
      const kari = await person('Kari Nordmann', '1980-05-17');
      expect((await kari.client.post(`/organisasjoner/${deleted}/arbeidsrom`)).status).toBe(409);
      expect({
        orgs: (await ctx.database.db.select().from(organisations)).length,
        members: (await ctx.database.db.select().from(memberships)).length,
        audit: (await ctx.database.db.select().from(auditEvents)).length,
      }).toEqual(before);
    });

    it('validates the birth date and keeps what was typed; ID-porten users cannot type one', async () => {
      const p = await person('Liv Lie');
      for (const [value, message] of [
        ['31.02.1985', 'Skriv en gyldig dato som dd.mm.åååå'],
        ['1985', 'Skriv en gyldig dato som dd.mm.åååå'],
        ['', 'Skriv fødselsdatoen din.'],
        ['01.01.1850', 'kan ikke være før 1900'],
        ['01.01.2999', 'kan ikke være etter i dag'],
      ] as const) {
        const res = await p.client.post(`/organisasjoner/${club}/fodselsdato`, { fodselsdato: value });
        expect(res.status, value).toBe(422);
        const html = await res.text();
        expect(html).toContain(message);
        expect(html).toContain('href="#fodselsdato"');
        expect(html).toContain(`value="${value}"`);
      }
      const [row] = await ctx.database.db.select({ birthDate: users.birthDate }).from(users).where(eq(users.id, p.id));
      expect(row!.birthDate).toBeNull();
      // The ISO form is accepted too, and then she matches (MEDL Liv Marie Lie).
      expect((await p.client.post(`/organisasjoner/${club}/fodselsdato`, { fodselsdato: '1985-03-03' })).status).toBe(303);
      expect(await (await p.client.get(`/organisasjoner/${club}/arbeidsrom`)).text()).toContain(
        'Du står i Enhetsregisteret som Styremedlem.',
      );

      const oidc = await person('Ida Porten');
      await ctx.database.db.update(users).set({ oidcSubject: 'https://idporten.example|abc' }).where(eq(users.id, oidc.id));
      const page = await (await oidc.client.get(`/organisasjoner/${club}/arbeidsrom`)).text();
      expect(page).not.toContain('for="fodselsdato"');
      expect(page).toContain('Vi får ikke fødselsdatoen din fra ID-porten ennå');
      expect((await oidc.client.post(`/organisasjoner/${club}/fodselsdato`, { fodselsdato: '01.01.1990' })).status).toBe(403);
    });
  });

  describe('asking the leader for access', () => {
    it('stores the request, audits it, e-mails the leader and shows a confirmation; a repeat sends nothing new', async () => {
      const nils = await person('Nils Nysgjerrig');
      const res = await nils.client.post(`/organisasjoner/${club}/tilgang`, { melding: 'Jeg er kasserer fra neste år.' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/organisasjoner/${club}/tilgang`);
      const confirmation = await nils.client.get(`/organisasjoner/${club}/tilgang`);
      expect(confirmation.status).toBe(200);
      expect(await confirmation.text()).toContain('Vi har sendt forespørselen din til lederen av BYGDA SJAKKLUBB.');

      const [ws] = await ctx.database.db.select().from(organisations).where(eq(organisations.orgnr, club));
      const requests = await ctx.database.db.select().from(accessRequests).where(eq(accessRequests.userId, nils.id));
      expect(requests).toEqual([
        expect.objectContaining({ organisationId: ws!.id, message: 'Jeg er kasserer fra neste år.', status: 'pending' }),
      ]);
      const audit = await ctx.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'access.requested'), eq(auditEvents.actorUserId, nils.id)));
      expect(audit).toEqual([
        expect.objectContaining({ organisationId: ws!.id, details: expect.objectContaining({ name: 'Nils Nysgjerrig' }) }),
      ]);
      const mails = await ctx.database.db
        .select()
        .from(outboundEmails)
        .where(eq(outboundEmails.subject, 'Forespørsel om tilgang til BYGDA SJAKKLUBB i Frivillig'));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.textBody).toContain('Nils Nysgjerrig');
      expect(mails[0]!.textBody).toContain(nils.email);
      expect(mails[0]!.textBody).toContain('Jeg er kasserer fra neste år.');
      expect(mails[0]!.textBody).toContain(`http://localhost/arbeidsrom/${ws!.id}/invitasjoner/ny`);

      const again = await nils.client.post(`/organisasjoner/${club}/tilgang`, { melding: 'Hallo?' });
      expect(again.headers.get('location')).toBe(`/organisasjoner/${club}/tilgang?allerede=1`);
      expect(await (await nils.client.get(`/organisasjoner/${club}/tilgang?allerede=1`)).text()).toContain(
        'Du hadde allerede bedt om tilgang',
      );
      expect(await ctx.database.db.select().from(accessRequests).where(eq(accessRequests.userId, nils.id))).toHaveLength(1);
      expect(
        await ctx.database.db
          .select()
          .from(outboundEmails)
          .where(eq(outboundEmails.subject, 'Forespørsel om tilgang til BYGDA SJAKKLUBB i Frivillig')),
      ).toHaveLength(1);
      // The claim page now says the request is pending instead of offering the form again.
      expect(await (await nils.client.get(`/organisasjoner/${club}/arbeidsrom`)).text()).toContain('Du har allerede bedt om tilgang.');
    });

    it('refuses a too-long message (keeping it), a request where there is no workspace, and a signed-out visitor', async () => {
      const p = await person('Trine Tilgang');
      const long = 'x'.repeat(1001);
      const res = await p.client.post(`/organisasjoner/${club}/tilgang`, { melding: long });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('Meldingen kan være høyst 1000 tegn.');
      expect(html).toContain(long);
      expect((await p.client.post(`/organisasjoner/${other}/tilgang`, { melding: '' })).status).toBe(409);
      expect((await ctx.client().post(`/organisasjoner/${club}/tilgang`, { melding: 'hei' })).status).toBe(401);
      expect(await ctx.database.db.select().from(accessRequests).where(eq(accessRequests.userId, p.id))).toHaveLength(0);
      // Without a pending request the confirmation page sends you to the claim page.
      const confirmation = await p.client.get(`/organisasjoner/${club}/tilgang`);
      expect(confirmation.status).toBe(302);
    });

    it('a member cannot ask for access again', async () => {
      const [kari] = await ctx.database.db.select().from(users).where(eq(users.name, 'Kari Nordmann'));
      const client = ctx.client();
      await client.signInAs(kari!.id);
      expect((await client.post(`/organisasjoner/${club}/tilgang`, {})).status).toBe(409);
    });
  });
});
