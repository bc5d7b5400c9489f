import type { Db } from '../../core/db/client.ts';
import {
  demonstratorExperiments,
  demonstratorHistory,
  demonstratorParticipants,
  demonstratorSurveyResponses,
  demonstratorSurveys,
  ecosystemActors,
  needs,
  portfolioComments,
  portfolioHistory,
  portfolioInitiativeActors,
  portfolioInitiativeNeeds,
  portfolioInitiatives,
  portfolioSupports,
} from '../../core/db/schema.ts';
import type { GainId } from '../ecosystem/gains.ts';
import type { InitiativeKind, OriginKind, Stage } from '../portfolio/portfolio.schema.ts';

/**
 * Demo content for the innovation portfolio and the demonstrators (issue 5, items 5 and 7): initiatives in
 * every stage tied to the demo needs and actors, supports and comments, and one initiative in the demonstrator
 * stage running an experiment with two participating demo organisations and a few survey answers. Runs inside
 * the seed's transaction, after the actors (seed-ecosystem.ts) and the needs (seed-needs.ts).
 */

const DAY = 24 * 60 * 60 * 1000;

const DEMO_INITIATIVES: {
  key: string;
  kind: InitiativeKind;
  title: string;
  description: string;
  phases: number[];
  gains: GainId[];
  /** Titles of demo needs (seed-needs.ts). */
  needs: string[];
  owner: string | null;
  participants: string[];
  stage: Stage;
  stopReason?: string;
  origin: OriginKind;
  proposedBy: string;
  supporters: string[];
  comments: [person: string, affiliation: string, body: string][];
}[] = [
  {
    key: 'once-only',
    kind: 'solution',
    title: 'Fyll ut én gang: søknadsskjema som henter opplysningene fra registrene',
    description:
      'Kommunale og statlige søknadsskjema for frivillige organisasjoner henter navn, organisasjonsnummer, kontonummer, styre og vedtekter fra Enhetsregisteret og Frivillighetsregisteret. Organisasjonen bekrefter i stedet for å skrive inn på nytt.',
    phases: [3],
    gains: ['less-admin-organisations', 'less-admin-public', 'register-data-reuse'],
    needs: [
      'Vi må gi de samme opplysningene til kommunen, Lotteritilsynet og Norsk Tipping',
      'Kommunen ber om rapport på tilskudd vi allerede har rapportert til staten',
    ],
    owner: 'Brønnøysundregistrene',
    participants: ['Oslo kommune', 'Lotteri- og stiftelsestilsynet'],
    stage: 'scaling',
    origin: 'core-group',
    proposedBy: 'otto',
    supporters: ['kari', 'ingrid', 'ola'],
    comments: [['sara', 'Oslo kommune', 'Oslo kommune tar dette i bruk i kulturmiddelordningen fra neste søknadsrunde.']],
  },
  {
    key: 'vat-reminder',
    kind: 'idea',
    title: 'Varsel om fristen for momskompensasjon i årshjulet',
    description:
      'Årshjulet i Frivillig viser fristen for momskompensasjon hvert år og sender påminnelse til kasserer og leder fire og to uker før, også når styret er byttet ut.',
    phases: [3],
    gains: ['less-admin-organisations', 'targeted-grants'],
    needs: ['Vanskelig å vite fristen for momskompensasjon'],
    owner: 'Frivillighet Norge',
    participants: ['Lotteri- og stiftelsestilsynet', 'Lagshjelpen AS'],
    stage: 'demonstrator',
    origin: 'proposal',
    proposedBy: 'ingrid',
    supporters: ['kari', 'ola'],
    comments: [['ola', 'Lagshjelpen AS', 'Vi kan vise den samme fristen i medlemssystemet vårt hvis kalenderstrømmen er åpen.']],
  },
  {
    key: 'board-change',
    kind: 'need',
    title: 'Meld styrebytte ett sted',
    description:
      'Når årsmøtet har valgt nytt styre, melder organisasjonen endringen én gang. Enhetsregisteret, banken og tilskuddsordningene får beskjed derfra.',
    phases: [3, 5],
    gains: ['less-admin-organisations', 'register-data-reuse'],
    needs: ['Styreendringer må meldes flere steder'],
    owner: 'KS',
    participants: ['Brønnøysundregistrene'],
    stage: 'exploration',
    origin: 'proposal',
    proposedBy: 'kari',
    supporters: ['ingrid'],
    comments: [['kari', 'Tromsø Sjakklubb', 'Banken var det vanskeligste for oss: de ville ha protokollen på papir.']],
  },
  {
    key: 'recruit',
    kind: 'idea',
    title: 'Rekruttering til styreverv med rollebeskrivelser',
    description:
      'Ferdige rollebeskrivelser for leder, kasserer og styremedlem, og en enkel måte å spørre medlemmene om hvem som vil stille til valg.',
    phases: [4],
    gains: ['less-admin-organisations'],
    needs: ['Vanskelig å finne frivillige til styreverv'],
    owner: 'Lagshjelpen AS',
    participants: [],
    stage: 'idea',
    origin: 'proposal',
    proposedBy: 'ola',
    supporters: [],
    comments: [],
  },
  {
    key: 'dissolve',
    kind: 'idea',
    title: 'Egen tjeneste for fordeling av midler ved avvikling',
    description: 'En tjeneste som foreslår hvem midlene kan gå til når et lag legges ned, ut fra vedtektene.',
    phases: [6],
    gains: ['less-admin-organisations'],
    needs: ['Uklart hva vi gjør med pengene når laget legges ned'],
    owner: null,
    participants: [],
    stage: 'stopped',
    stopReason: 'Dekkes av veiledningen i fase 6 i livshendelseskartet og vedtektsbyggeren; det trengs ikke en egen tjeneste.',
    origin: 'core-group',
    proposedBy: 'otto',
    supporters: [],
    comments: [],
  },
];

export async function seedDemoPortfolio(
  t: Db,
  opts: { organisations: Map<string, { id: string }>; people: Map<string, string>; names: Map<string, string>; at: Date },
): Promise<void> {
  const actors = new Map(
    (await t.select({ id: ecosystemActors.id, name: ecosystemActors.name }).from(ecosystemActors)).map((a) => [a.name, a.id]),
  );
  const needIds = new Map((await t.select({ id: needs.id, title: needs.title }).from(needs)).map((n) => [n.title, n.id]));
  const person = (key: string) => ({ id: opts.people.get(key) ?? null, name: opts.names.get(key) ?? key });
  const otto = person('otto');
  const created = new Map<string, string>();
  for (const i of DEMO_INITIATIVES) {
    const by = person(i.proposedBy);
    const at = new Date(opts.at.getTime() - 90 * DAY);
    const [row] = await t
      .insert(portfolioInitiatives)
      .values({
        kind: i.kind,
        title: i.title,
        description: i.description,
        phases: i.phases,
        gains: i.gains,
        stage: i.stage,
        stopReason: i.stopReason ?? null,
        ownerActorId: i.owner ? (actors.get(i.owner) ?? null) : null,
        origin: i.origin,
        proposedByUserId: by.id,
        proposedByName: by.name,
        createdAt: at,
        updatedAt: opts.at,
      })
      .returning({ id: portfolioInitiatives.id });
    const id = row!.id;
    created.set(i.key, id);
    const linkedNeeds = i.needs.map((title) => needIds.get(title)).filter((x): x is string => !!x);
    if (linkedNeeds.length) await t.insert(portfolioInitiativeNeeds).values(linkedNeeds.map((needId) => ({ initiativeId: id, needId })));
    const linkedActors = i.participants.map((name) => actors.get(name)).filter((x): x is string => !!x);
    if (linkedActors.length)
      await t.insert(portfolioInitiativeActors).values(linkedActors.map((actorId) => ({ initiativeId: id, actorId })));
    await t.insert(portfolioHistory).values({
      initiativeId: id,
      action: 'created',
      changes: { title: i.title, stage: 'idea', origin: i.origin },
      actorUserId: by.id,
      actorName: by.name,
      createdAt: at,
    });
    if (i.stage !== 'idea') {
      await t.insert(portfolioHistory).values({
        initiativeId: id,
        action: 'stage_changed',
        changes: { stage: ['idea', i.stage], ...(i.stopReason ? { stopReason: [null, i.stopReason] } : {}) },
        actorUserId: otto.id,
        actorName: otto.name,
        createdAt: new Date(opts.at.getTime() - 45 * DAY),
      });
    }
    for (const s of i.supporters) {
      const p = person(s);
      if (p.id) await t.insert(portfolioSupports).values({ initiativeId: id, userId: p.id, createdAt: opts.at });
    }
    for (const [who, affiliation, body] of i.comments) {
      const p = person(who);
      await t
        .insert(portfolioComments)
        .values({ initiativeId: id, userId: p.id, authorName: p.name, affiliation, body, createdAt: opts.at });
    }
  }

  // The experiment of the initiative in the demonstrator stage, with participants and survey answers.
  const start = new Date(opts.at.getTime() - 30 * DAY).toISOString().slice(0, 10);
  const end = new Date(opts.at.getTime() + 60 * DAY).toISOString().slice(0, 10);
  const [experiment] = await t
    .insert(demonstratorExperiments)
    .values({
      initiativeId: created.get('vat-reminder')!,
      hypothesis:
        'Hvis kasserer og leder får påminnelse om fristen i årshjulet, søker alle de deltakende lagene om momskompensasjon i tide.',
      startDate: start,
      endDate: end,
      metrics: [
        { name: 'Lag som søker innen fristen', target: 'Alle deltakende lag', outcome: '' },
        { name: 'Hvor nyttig påminnelsen oppleves', target: 'Minst 4 av 5 i snitt', outcome: '' },
      ],
      ownerUserId: otto.id,
      ownerName: otto.name,
      createdAt: opts.at,
      updatedAt: opts.at,
    })
    .returning({ id: demonstratorExperiments.id });
  const experimentId = experiment!.id;
  await t.insert(demonstratorHistory).values({
    experimentId,
    action: 'created',
    changes: {},
    actorUserId: otto.id,
    actorName: otto.name,
    createdAt: opts.at,
  });
  const participants: [org: string, by: string][] = [
    ['Tromsø Sjakklubb', 'kari'],
    ['Fjellstien Turlag', 'ingrid'],
  ];
  for (const [org, by] of participants) {
    const organisationId = opts.organisations.get(org)?.id;
    if (!organisationId) continue;
    const p = person(by);
    await t.insert(demonstratorParticipants).values({ experimentId, organisationId, optedInByUserId: p.id, createdAt: opts.at });
    await t.insert(demonstratorHistory).values({
      experimentId,
      action: 'opted_in',
      changes: { participant: [null, org] },
      actorUserId: p.id,
      actorName: p.name,
      createdAt: opts.at,
    });
  }
  const [survey] = await t
    .insert(demonstratorSurveys)
    .values({
      experimentId,
      title: 'Etter første påminnelse',
      questions: [
        { kind: 'scale', prompt: 'Hvor nyttig var påminnelsen om fristen?' },
        { kind: 'scale', prompt: 'Hvor lett var det å finne søknaden fra påminnelsen?' },
        { kind: 'text', prompt: 'Hva kan gjøres bedre?' },
      ],
      createdAt: opts.at,
    })
    .returning({ id: demonstratorSurveys.id });
  await t.insert(demonstratorHistory).values({
    experimentId,
    action: 'survey_added',
    changes: { survey: [null, 'Etter første påminnelse'] },
    actorUserId: otto.id,
    actorName: otto.name,
    createdAt: opts.at,
  });
  const answers: [person: string, org: string, answers: (number | string)[]][] = [
    ['kari', 'Tromsø Sjakklubb', [5, 4, 'Påminnelsen kunne også gått til varamedlemmene.']],
    ['ola', 'Tromsø Sjakklubb', [4, 4, '']],
    ['ingrid', 'Fjellstien Turlag', [4, 3, 'Lenken gikk til forsiden, ikke rett til skjemaet.']],
  ];
  for (const [who, org, values] of answers) {
    const organisationId = opts.organisations.get(org)?.id;
    const p = person(who);
    if (!organisationId || !p.id) continue;
    await t
      .insert(demonstratorSurveyResponses)
      .values({ surveyId: survey!.id, organisationId, userId: p.id, answers: values, createdAt: opts.at });
  }
}
