import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { buildingBlockNeeds, buildingBlocks, ecosystemActors, needConfirmations, needHistory, needs } from '../../core/db/schema.ts';

/**
 * Demo content for the needs register and the building blocks catalogue (issue 5, item 4): realistic pain
 * points of Norwegian voluntary organisations, "we have this too" from others, one grouped duplicate, and
 * the technical blocks with their API descriptions. Runs inside the seed's transaction, after the ecosystem's
 * actors exist (seed-ecosystem.ts).
 */

type Owner = { org: string } | { actor: string };

const DEMO_NEEDS: {
  key: string;
  title: string;
  description: string;
  phase: number;
  frequency: 'weekly' | 'monthly' | 'yearly' | 'rarely';
  evidence: string;
  status?: 'open' | 'being_lifted' | 'lifted';
  owner: Owner;
  alsoHave: { owner: Owner; evidence: string }[];
  duplicateOf?: string;
}[] = [
  {
    key: 'same-facts',
    title: 'Vi må gi de samme opplysningene til kommunen, Lotteritilsynet og Norsk Tipping',
    description:
      'Styret fyller ut navn, organisasjonsnummer, kontonummer, styre og vedtekter i tre ulike skjema hvert år, selv om alt står i Enhetsregisteret og Frivillighetsregisteret.',
    phase: 3,
    frequency: 'yearly',
    evidence: 'I 2025 brukte kasserer og leder til sammen om lag 14 timer på søknader og registreringer med de samme opplysningene.',
    status: 'being_lifted',
    owner: { org: 'Tromsø Sjakklubb' },
    alsoHave: [
      { owner: { org: 'Fjellstien Turlag' }, evidence: 'Samme hos oss: kulturmidler, momskompensasjon og Grasrotandelen.' },
      { owner: { actor: 'Frivillighet Norge' }, evidence: 'Nevnt av 31 av 48 medlemsorganisasjoner i høringen om forenkling.' },
    ],
  },
  {
    key: 'vat-deadline',
    title: 'Vanskelig å vite fristen for momskompensasjon',
    description: 'Fristen er ikke samme dato hvert år, og det er lett å gå glipp av den når styret byttes ut på årsmøtet.',
    phase: 3,
    frequency: 'yearly',
    evidence: 'Laget gikk glipp av om lag 18 000 kroner i 2024 fordi søknaden kom for sent.',
    owner: { org: 'Fjellstien Turlag' },
    alsoHave: [{ owner: { org: 'Tromsø Sjakklubb' }, evidence: 'Vi har satt fristen i kalenderen selv, men den flyttet seg.' }],
  },
  {
    key: 'vat-deadline-dup',
    title: 'Når er søknadsfristen for kompensasjon for merverdiavgift?',
    description: 'Ny kasserer fant ikke fristen og måtte ringe Lotteritilsynet.',
    phase: 3,
    frequency: 'yearly',
    evidence: '',
    owner: { org: 'Gamle Stavanger Historielag' },
    alsoHave: [],
    duplicateOf: 'vat-deadline',
  },
  {
    key: 'statutes',
    title: 'Vi vet ikke hva vedtektene må inneholde for å bli registrert',
    description: 'Når vi stiftet laget, visste vi ikke hvilke krav Frivillighetsregisteret og tilskuddsordningene stiller til vedtektene.',
    phase: 2,
    frequency: 'rarely',
    evidence: 'Registreringen ble returnert én gang fordi vedtektene manglet bestemmelse om oppløsning.',
    status: 'lifted',
    owner: { org: 'Nabolagshagen Grünerløkka' },
    alsoHave: [{ owner: { actor: 'Norges idrettsforbund' }, evidence: 'Nye idrettslag spør om dette hver uke.' }],
  },
  {
    key: 'board-change',
    title: 'Styreendringer må meldes flere steder',
    description: 'Etter årsmøtet må nytt styre meldes til Enhetsregisteret, banken og kommunen hver for seg.',
    phase: 3,
    frequency: 'yearly',
    evidence: 'Banken krevde utskrift av protokollen selv om endringen var registrert i Brønnøysund.',
    owner: { actor: 'Frivillighet Norge' },
    alsoHave: [],
  },
  {
    key: 'recruit',
    title: 'Vanskelig å finne frivillige til styreverv',
    description: 'Få vil ta på seg styreverv fordi det virker krevende med regnskap, rapportering og ansvar.',
    phase: 4,
    frequency: 'yearly',
    evidence: 'Valgkomiteen fikk nei fra 9 av 10 spurte i 2025.',
    owner: { org: 'Fjellstien Turlag' },
    alsoHave: [],
  },
  {
    key: 'dissolve',
    title: 'Uklart hva vi gjør med pengene når laget legges ned',
    description: 'Vedtektene sier lite om hva som skjer med midlene ved oppløsning, og vi vet ikke hvem som skal slette oss i registrene.',
    phase: 6,
    frequency: 'rarely',
    evidence: '',
    owner: { org: 'Gamle Stavanger Historielag' },
    alsoHave: [],
  },
  {
    key: 'grant-reports',
    title: 'Kommunen ber om rapport på tilskudd vi allerede har rapportert til staten',
    description: 'Samme aktivitetstall må skrives inn på nytt i kommunens eget skjema.',
    phase: 5,
    frequency: 'yearly',
    evidence: 'Oslo kommune mottar om lag 1 200 slike rapporter i året.',
    owner: { actor: 'Oslo kommune' },
    alsoHave: [{ owner: { actor: 'Bergen kommune' }, evidence: 'Samme hos oss; vi vil heller hente tallene.' }],
  },
];

const DEMO_BLOCKS: {
  slug: string;
  name: string;
  description: string;
  realisation: 'service' | 'api' | 'guide' | 'template' | 'agreement';
  phases: number[];
  owner: string | null;
  status: 'planned' | 'in_development' | 'in_use' | 'retired';
  documentationUrl: string | null;
  apiDescription: string;
  needs: string[];
  listsOwnApi?: boolean;
}[] = [
  {
    slug: 'frivillig-api',
    name: 'Frivillig API',
    description: 'Frivilligs eget åpne API: organisasjonsoppslag, sektorinnsikt, arbeidsrom, plan og årshjul som data.',
    realisation: 'api',
    phases: [1, 2, 3, 4, 5, 6],
    owner: 'Brønnøysundregistrene',
    status: 'in_use',
    documentationUrl: null,
    apiDescription: 'OpenAPI 3.1-dokumentet ligger på /api/v1/openapi.json; endepunktene under leses fra det.',
    needs: ['same-facts'],
    listsOwnApi: true,
  },
  {
    slug: 'organisasjonsoppslag',
    name: 'Organisasjonsoppslag',
    description:
      'Slå opp en organisasjon med navn eller organisasjonsnummer og få opplysningene fra Enhetsregisteret og Frivillighetsregisteret.',
    realisation: 'api',
    phases: [1, 2, 3],
    owner: 'Brønnøysundregistrene',
    status: 'in_use',
    documentationUrl: null,
    apiDescription: 'GET /api/v1/organisasjoner?q=… (søk) og GET /api/v1/organisasjoner/{orgnr} (én organisasjon).',
    needs: ['same-facts'],
  },
  {
    slug: 'en-gang-profil',
    name: 'Én gang-profil',
    description: 'Organisasjonen oppgir opplysningene én gang; tjenester og tilskuddsordninger henter dem herfra med samtykke.',
    realisation: 'service',
    phases: [2, 3, 5],
    owner: 'Brønnøysundregistrene',
    status: 'in_development',
    documentationUrl: null,
    apiDescription: 'Profilen med kilde for hvert felt: GET /api/v1/arbeidsrom/{orgId} (medlemmer).',
    needs: ['same-facts', 'grant-reports', 'board-change'],
  },
  {
    slug: 'rettighetssjekk',
    name: 'Sjekk av rettigheter og ordninger',
    description:
      'Viser hvilke ordninger organisasjonen kan ha rett på (momskompensasjon, Grasrotandelen, kulturmidler) ut fra registerdata.',
    realisation: 'service',
    phases: [3, 5],
    owner: 'Lotteri- og stiftelsestilsynet',
    status: 'planned',
    documentationUrl: 'https://lottstift.no/',
    apiDescription: 'Planlagt API: vilkår per ordning mot opplysninger fra registrene.',
    needs: ['vat-deadline'],
  },
  {
    slug: 'kalenderstrom',
    name: 'Kalenderstrøm (årshjul)',
    description: 'Fristene organisasjonen har, som en kalender man abonnerer på (iCalendar), med påminnelser.',
    realisation: 'api',
    phases: [3],
    owner: 'Brønnøysundregistrene',
    status: 'in_use',
    documentationUrl: 'https://www.rfc-editor.org/rfc/rfc5545',
    apiDescription: 'GET /kalender/{token}.ics (RFC 5545) og GET /api/v1/arbeidsrom/{orgId}/arshjul.',
    needs: ['vat-deadline'],
  },
  {
    slug: 'vedtektsbygger',
    name: 'Vedtektsbygger',
    description: 'Lag vedtekter som oppfyller kravene til registrering og tilskudd, på bokmål eller nynorsk.',
    realisation: 'template',
    phases: [2, 6],
    owner: 'Frivillighet Norge',
    status: 'in_use',
    documentationUrl: null,
    apiDescription: '',
    needs: ['statutes', 'dissolve'],
  },
  {
    slug: 'registreringspakke',
    name: 'Registreringspakke',
    description:
      'Samordnet registrering i Enhetsregisteret og Frivillighetsregisteret med opplysninger hentet fra stiftelsesmøtet og vedtektene.',
    realisation: 'service',
    phases: [2],
    owner: 'Brønnøysundregistrene',
    status: 'in_use',
    documentationUrl: 'https://www.brreg.no/lag-og-foreninger/',
    apiDescription: 'Sendes som Samordnet registermelding gjennom Altinn.',
    needs: ['statutes'],
  },
  {
    slug: 'innlogging',
    name: 'Innlogging',
    description: 'Felles innlogging for personer i organisasjonene, med ID-porten når det er satt opp.',
    realisation: 'service',
    phases: [1, 2, 3, 4, 5, 6],
    owner: 'Brønnøysundregistrene',
    status: 'in_use',
    documentationUrl: 'https://openid.net/specs/openid-connect-core-1_0.html',
    apiDescription: 'OpenID Connect (autorisasjonskode med PKCE).',
    needs: [],
  },
  {
    slug: 'enhetsregisteret-api',
    name: 'Enhetsregisterets API',
    description: 'Åpne data om enheter og roller i Enhetsregisteret, med oppdateringsstrøm.',
    realisation: 'api',
    phases: [1, 2, 3, 6],
    owner: 'Brønnøysundregistrene',
    status: 'in_use',
    documentationUrl: 'https://data.brreg.no/enhetsregisteret/api/dokumentasjon/no/index.html',
    apiDescription: 'GET /enhetsregisteret/api/enheter/{orgnr}, /enheter/{orgnr}/roller og /oppdateringer/enheter (NLOD).',
    needs: ['same-facts', 'board-change'],
  },
  {
    slug: 'frivillighetsregisteret-api',
    name: 'Frivillighetsregisterets API',
    description: 'Åpne data om organisasjoner i Frivillighetsregisteret: kategorier, Grasrotandelen og registreringsdatoer.',
    realisation: 'api',
    phases: [2, 3, 5],
    owner: 'Brønnøysundregistrene',
    status: 'in_use',
    documentationUrl: 'https://data.brreg.no/frivillighetsregisteret/api/dokumentasjon/no/index.html',
    apiDescription: 'GET /frivillighetsregisteret/api/frivillige-organisasjoner/{orgnr} og oppdateringsstrømmen.',
    needs: ['same-facts', 'grant-reports'],
  },
  {
    slug: 'id-porten',
    name: 'ID-porten',
    description: 'Nasjonal innlogging for innbyggere (MinID, BankID, Buypass, Commfides).',
    realisation: 'agreement',
    phases: [1, 2, 3, 4, 5, 6],
    owner: null,
    status: 'in_use',
    documentationUrl: 'https://docs.digdir.no/docs/idporten/',
    apiDescription: 'OpenID Connect-leverandør; krever bruksvilkår med Digdir.',
    needs: [],
  },
  {
    slug: 'maskinporten',
    name: 'Maskinporten',
    description: 'Sikker tilgang mellom virksomheters systemer, for eksempel når en kommune henter data med hjemmel.',
    realisation: 'agreement',
    phases: [3, 5],
    owner: null,
    status: 'in_use',
    documentationUrl: 'https://docs.digdir.no/docs/Maskinporten/',
    apiDescription: 'OAuth 2.0 JWT-grant; tilgang styres med scopes per API.',
    needs: ['grant-reports'],
  },
  {
    slug: 'altinn',
    name: 'Altinn',
    description: 'Skjema, meldinger og rettigheter på vegne av organisasjonen.',
    realisation: 'service',
    phases: [2, 3, 6],
    owner: null,
    status: 'in_use',
    documentationUrl: 'https://docs.altinn.studio/',
    apiDescription: 'Altinn 3 API-er for instanser, meldinger og autorisasjon.',
    needs: ['board-change'],
  },
];

export async function seedDemoNeeds(
  t: Db,
  opts: { organisations: Map<string, { id: string }>; people: Map<string, string>; names: Map<string, string>; at: Date },
): Promise<void> {
  const actors = new Map(
    (await t.select({ id: ecosystemActors.id, name: ecosystemActors.name }).from(ecosystemActors)).map((a) => [a.name, a.id]),
  );
  const owner = (o: Owner) =>
    'org' in o
      ? { organisationId: opts.organisations.get(o.org)?.id ?? null, actorId: null }
      : { organisationId: null, actorId: actors.get(o.actor) ?? null };
  const hasOwner = (o: Owner) => {
    const c = owner(o);
    return c.organisationId !== null || c.actorId !== null;
  };
  const by = opts.people.get('otto') ?? null;
  const byName = opts.names.get('otto') ?? 'Brønnøysundregistrene';
  const ids = new Map<string, string>();
  for (const n of DEMO_NEEDS) {
    if (!hasOwner(n.owner)) continue;
    const [row] = await t
      .insert(needs)
      .values({
        title: n.title,
        description: n.description,
        phase: n.phase,
        frequency: n.frequency,
        evidence: n.evidence,
        status: n.status ?? 'open',
        ...owner(n.owner),
        createdAt: opts.at,
        updatedAt: opts.at,
      })
      .returning({ id: needs.id });
    ids.set(n.key, row!.id);
    await t
      .insert(needHistory)
      .values({ needId: row!.id, action: 'created', changes: { title: n.title }, actorUserId: by, actorName: byName, createdAt: opts.at });
    for (const a of n.alsoHave) {
      if (!hasOwner(a.owner)) continue;
      await t.insert(needConfirmations).values({ needId: row!.id, ...owner(a.owner), evidence: a.evidence, createdAt: opts.at });
      await t.insert(needHistory).values({
        needId: row!.id,
        action: 'confirmed',
        changes: { evidence: a.evidence },
        actorUserId: by,
        actorName: byName,
        createdAt: opts.at,
      });
    }
  }
  for (const n of DEMO_NEEDS) {
    const id = ids.get(n.key);
    const root = n.duplicateOf ? ids.get(n.duplicateOf) : undefined;
    if (!id || !root) continue;
    await t.update(needs).set({ duplicateOfId: root }).where(eq(needs.id, id));
    await t.insert(needHistory).values({
      needId: id,
      action: 'marked_duplicate',
      changes: { duplicateOfId: [null, root] },
      actorUserId: by,
      actorName: byName,
      createdAt: opts.at,
    });
  }
  for (const b of DEMO_BLOCKS) {
    const [row] = await t
      .insert(buildingBlocks)
      .values({
        slug: b.slug,
        name: b.name,
        description: b.description,
        realisation: b.realisation,
        phases: b.phases,
        ownerActorId: b.owner ? (actors.get(b.owner) ?? null) : null,
        status: b.status,
        documentationUrl: b.documentationUrl,
        apiDescription: b.apiDescription,
        listsOwnApi: b.listsOwnApi ?? false,
        createdAt: opts.at,
        updatedAt: opts.at,
      })
      .returning({ id: buildingBlocks.id });
    const linked = b.needs.map((k) => ids.get(k)).filter((id): id is string => !!id);
    if (linked.length > 0) await t.insert(buildingBlockNeeds).values(linked.map((needId) => ({ blockId: row!.id, needId })));
  }
}
