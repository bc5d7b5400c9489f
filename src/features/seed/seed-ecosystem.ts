import type { Db } from '../../core/db/client.ts';
import { ecosystemActorPeople, ecosystemActors, ecosystemDecisions, ecosystemHistory, ecosystemMeetings } from '../../core/db/schema.ts';

/**
 * Demo content for the ecosystem (src/features/ecosystem): the actors of the StimuLab project "Starte og
 * drive en frivillig organisasjon" (brief §6) and around it, the demo people placed at some of them, and the
 * core group's first meetings and decisions. Called once from seedDemoData inside its transaction.
 */
type Actor = typeof ecosystemActors.$inferInsert;

export const DEMO_ACTORS: Actor[] = [
  {
    name: 'Brønnøysundregistrene',
    kind: 'state_agency',
    ecosystemRole: 'orchestrator',
    orgnr: '974760673',
    contactUrl: 'https://www.brreg.no',
    mandate:
      'Orkestrator for økosystemet: samler aktørene, holder oversikt over porteføljen og veikartet, og leder kjernegruppen. Forvalter Enhetsregisteret og Frivillighetsregisteret.',
    agreements: 'Oppdragsbrev fra Nærings- og fiskeridepartementet; samarbeidsavtale med kjernegruppens aktører om livshendelsen.',
  },
  {
    name: 'Kulturdepartementet',
    kind: 'state_agency',
    ecosystemRole: 'core_group',
    contactUrl: 'https://www.regjeringen.no/no/dep/kud/',
    mandate: 'Eier livshendelsen «Starte og drive en frivillig organisasjon» og frivillighetspolitikken (Meld. St. 10 (2018–2019)).',
    agreements: 'Samarbeidsavtale om livshendelsen.',
  },
  {
    name: 'Lotteri- og stiftelsestilsynet',
    kind: 'state_agency',
    ecosystemRole: 'core_group',
    contactUrl: 'https://lottstift.no',
    mandate: 'Forvalter momskompensasjonen og grasrotandelen, og bringer inn erfaringene fra tilskuddsforvaltningen.',
    agreements: 'Samarbeidsavtale om livshendelsen.',
  },
  {
    name: 'Norges innsamlingsråd',
    kind: 'umbrella_body',
    ecosystemRole: 'core_group',
    contactUrl: 'https://www.innsamlingsradet.no',
    mandate: 'Taler for organisasjoner som samler inn penger, og bidrar med kunnskap om innsamling og givertillit.',
    agreements: 'Samarbeidsavtale om livshendelsen.',
  },
  {
    name: 'Frivillighet Norge',
    kind: 'umbrella_body',
    ecosystemRole: 'core_group',
    contactUrl: 'https://www.frivillighetnorge.no',
    mandate: 'Paraply for frivillige organisasjoner; bringer organisasjonenes behov inn i arbeidet og tester løsninger med medlemmene.',
    agreements: 'Samarbeidsavtale om livshendelsen.',
  },
  {
    name: 'KS',
    kind: 'umbrella_body',
    ecosystemRole: 'participant',
    contactUrl: 'https://www.ks.no',
    mandate: 'Kommunesektorens organisasjon; samler kommunenes erfaring med tilskudd, lokaler og frivillighetspolitikk.',
    agreements: '',
  },
  {
    name: 'Oslo kommune',
    kind: 'municipality',
    ecosystemRole: 'participant',
    contactUrl: 'https://www.oslo.kommune.no',
    mandate: 'Deltar med erfaring fra kommunale tilskuddsordninger og utlån av lokaler til lag og foreninger.',
    agreements: 'Intensjonsavtale om å prøve ut felles søknadsdata.',
  },
  {
    name: 'Bergen kommune',
    kind: 'municipality',
    ecosystemRole: 'participant',
    contactUrl: 'https://www.bergen.kommune.no',
    mandate: 'Deltar i demonstratoren for gjenbruk av registerdata i kommunale tilskudd.',
    agreements: '',
  },
  {
    name: 'Tromsø kommune',
    kind: 'municipality',
    ecosystemRole: 'observer',
    contactUrl: 'https://www.tromso.kommune.no',
    mandate: 'Følger arbeidet og deler erfaringer fra frivilligsentralen.',
    agreements: '',
  },
  {
    name: 'Vestland fylkeskommune',
    kind: 'county',
    ecosystemRole: 'participant',
    contactUrl: 'https://www.vestlandfylke.no',
    mandate: 'Deltar med regionale tilskudd til frivillige organisasjoner.',
    agreements: '',
  },
  {
    name: 'Norges idrettsforbund',
    kind: 'umbrella_body',
    ecosystemRole: 'participant',
    contactUrl: 'https://www.idrettsforbundet.no',
    mandate: 'Bringer inn behovene til idrettslagene, den største gruppen i Frivillighetsregisteret.',
    agreements: '',
  },
  {
    name: 'Halogen',
    kind: 'supplier',
    ecosystemRole: 'participant',
    supplierSector: 'private',
    contactUrl: 'https://www.halogen.no',
    mandate: 'Tjenestedesign og systemisk innovasjon; fasiliterte arbeidet med oppdragsfortellingen og økosystemet.',
    agreements: 'Rammeavtale om tjenestedesign.',
  },
  {
    name: 'Lagshjelpen AS',
    kind: 'supplier',
    ecosystemRole: 'participant',
    supplierSector: 'private',
    contactEmail: 'kontakt@lagshjelpen.example',
    mandate: 'Leverer medlemssystem og regnskap for små lag og foreninger.',
    agreements: 'Vilkår for markedsplassen.',
  },
  {
    name: 'Institutt for samfunnsforskning',
    kind: 'research',
    ecosystemRole: 'observer',
    contactUrl: 'https://www.samfunnsforskning.no',
    mandate: 'Senter for forskning på sivilsamfunn og frivillig sektor; følger med på gevinstene og hva økosystemet lærer.',
    agreements: '',
  },
];

export async function seedDemoEcosystem(t: Db, opts: { people: Map<string, string>; names: Map<string, string>; at: Date }): Promise<void> {
  const ids = new Map<string, string>();
  for (const a of DEMO_ACTORS) {
    const [row] = await t
      .insert(ecosystemActors)
      .values({ ...a, createdAt: opts.at, updatedAt: opts.at })
      .returning({ id: ecosystemActors.id });
    ids.set(a.name, row!.id);
  }
  const people: [person: string, actor: string, title: string][] = [
    ['otto', 'Brønnøysundregistrene', 'Koordinator for økosystemet'],
    ['ingrid', 'Frivillighet Norge', 'Fagrådgiver digitalisering'],
    ['sara', 'Oslo kommune', 'Rådgiver frivillighet'],
    ['ola', 'Lagshjelpen AS', 'Daglig leder'],
  ];
  for (const [person, actor, title] of people) {
    const userId = opts.people.get(person);
    if (userId) await t.insert(ecosystemActorPeople).values({ actorId: ids.get(actor)!, userId, title, createdAt: opts.at });
  }

  const ottoId = opts.people.get('otto') ?? null;
  const ottoName = opts.names.get('otto') ?? 'Brønnøysundregistrene';
  const [first] = await t
    .insert(ecosystemMeetings)
    .values({
      meetingDate: '2026-01-15',
      title: 'Oppstartsmøte i kjernegruppen',
      agenda: '1. Mandat og samarbeidsform\n2. Oppdragsfortellingen\n3. Hvordan vi samler organisasjonenes behov',
      minutes:
        'Kjernegruppen sluttet seg til mandatet. Brønnøysundregistrene er orkestrator. Frivillighet Norge samler behov fra medlemmene før neste møte.',
      createdAt: opts.at,
      updatedAt: opts.at,
    })
    .returning({ id: ecosystemMeetings.id });
  const [second] = await t
    .insert(ecosystemMeetings)
    .values({
      meetingDate: '2026-03-12',
      title: 'Kjernegruppemøte 2/2026',
      agenda: '1. Behovsregisteret: de største smertepunktene\n2. Veikartet for forenklinger\n3. Forslag til første demonstrator',
      minutes:
        'Flest organisasjoner melder om dobbeltrapportering til kommune, fylke og stat. Gruppen ble enig om å prøve ut gjenbruk av registerdata i kommunale tilskudd.',
      createdAt: opts.at,
      updatedAt: opts.at,
    })
    .returning({ id: ecosystemMeetings.id });
  for (const id of [first!.id, second!.id]) {
    await t.insert(ecosystemHistory).values({
      entity: 'meeting',
      entityId: id,
      action: 'created',
      changes: {},
      actorUserId: ottoId,
      actorName: ottoName,
      createdAt: opts.at,
    });
  }
  const decisions = [
    {
      decidedOn: '2026-01-15',
      what: 'Brønnøysundregistrene er orkestrator for økosystemet.',
      why: 'Etaten forvalter registrene organisasjonene allerede bruker og ledet StimuLab-prosjektet.',
      decidedBy: 'Kjernegruppen',
      meetingId: first!.id,
    },
    {
      decidedOn: '2026-03-12',
      what: 'Første demonstrator: kommunale tilskudd med opplysninger hentet fra Enhetsregisteret og Frivillighetsregisteret.',
      why: 'Dobbeltrapportering er det behovet flest organisasjoner har meldt, og registerdataene finnes allerede.',
      decidedBy: 'Kjernegruppen, etter innspill fra KS og Bergen kommune',
      meetingId: second!.id,
    },
    {
      decidedOn: '2026-03-12',
      what: 'Leverandører kan publisere tilbud på markedsplassen etter godkjenning fra orkestratoren.',
      why: 'Organisasjonene skal kunne stole på at tilbudene håndterer data på en god måte.',
      decidedBy: 'Kjernegruppen',
      meetingId: second!.id,
    },
  ];
  for (const d of decisions) {
    const [row] = await t
      .insert(ecosystemDecisions)
      .values({ ...d, createdAt: opts.at, updatedAt: opts.at })
      .returning({ id: ecosystemDecisions.id });
    await t.insert(ecosystemHistory).values({
      entity: 'decision',
      entityId: row!.id,
      action: 'created',
      changes: d,
      actorUserId: ottoId,
      actorName: ottoName,
      createdAt: opts.at,
    });
  }
}
