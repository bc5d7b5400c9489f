import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import {
  buildingBlocks,
  ecosystemActors,
  lifeEventMapProposalHistory,
  lifeEventMapProposals,
  needs,
  roadmapItemBlocks,
  roadmapItemHistory,
  roadmapItemNeeds,
  roadmapItems,
} from '../../core/db/schema.ts';
import { findTask } from '../life-event-map/life-event-map.content.ts';
import { checkProposedTexts } from '../life-event-map/map-proposal.ts';
import { readCurrentLifeEventMap } from '../life-event-map/read-life-event-map.ts';

/**
 * Demo content for the roadmap of simplifications (src/features/roadmap) and one open change proposal to the
 * life-event map (src/features/life-event-map/map-proposal*). Linked to the demo actors, needs and building
 * blocks by name (seed-ecosystem.ts, seed-needs.ts), so it runs after them, inside seedDemoData's transaction.
 */
type Item = {
  title: string;
  description: string;
  phases: number[];
  gains: string[];
  owner: string;
  target: string;
  status: 'planned' | 'in_progress' | 'delivered' | 'postponed' | 'stopped';
  statusReason?: string;
  needs: string[];
  blocks: string[];
};

export const DEMO_ROADMAP: Item[] = [
  {
    title: 'Samordnet registermelding for frivillige',
    description:
      'Én melding registrerer organisasjonen i Enhetsregisteret og Frivillighetsregisteret og melder den til grasrotandelen, med styret og vedtektene fra stiftelsesmøtet. Endringer i styret meldes også én gang.',
    phases: [2, 3],
    gains: ['less-admin-organisations', 'register-data-reuse'],
    owner: 'Brønnøysundregistrene',
    target: '2027-Q2',
    status: 'in_progress',
    needs: ['Styreendringer må meldes flere steder'],
    blocks: ['registreringspakke'],
  },
  {
    title: 'Én innrapportering av vedtekter',
    description:
      'Vedtektene sendes inn én gang til Frivillighetsregisteret. Kommuner, fylker og Lotteri- og stiftelsestilsynet henter gjeldende vedtekter derfra i stedet for å be om dem som vedlegg til hver søknad.',
    phases: [2, 5],
    gains: ['less-admin-organisations', 'less-admin-public', 'register-data-reuse'],
    owner: 'Brønnøysundregistrene',
    target: '2027-Q4',
    status: 'planned',
    needs: ['Vi vet ikke hva vedtektene må inneholde for å bli registrert'],
    blocks: ['vedtektsbygger', 'frivillighetsregisteret-api'],
  },
  {
    title: 'Momskompensasjon forhåndsutfylt fra registrene',
    description:
      'Søknaden om momskompensasjon fylles ut med det Frivillighetsregisteret og Enhetsregisteret allerede vet (organisasjonsnummer, kontonummer, styre, regnskapsår), og organisasjonen får varsel før fristen 1. september.',
    phases: [3],
    gains: ['register-data-reuse', 'less-admin-organisations', 'less-admin-public'],
    owner: 'Lotteri- og stiftelsestilsynet',
    target: '2027-Q3',
    status: 'planned',
    needs: ['Vanskelig å vite fristen for momskompensasjon'],
    blocks: ['en-gang-profil', 'kalenderstrom'],
  },
  {
    title: 'Digital signering av stiftelsesdokument',
    description:
      'Protokollen fra stiftelsesmøtet signeres digitalt av de som var med og sendes rett videre som vedlegg til registreringen, uten utskrift og skanning.',
    phases: [2],
    gains: ['less-admin-organisations'],
    owner: 'Brønnøysundregistrene',
    target: '2026-12-15',
    status: 'delivered',
    needs: [],
    blocks: ['registreringspakke', 'id-porten'],
  },
  {
    title: 'Felles tilskuddsrapportering for kommunene',
    description:
      'Kommunene bruker én felles mal for rapport på lokale tilskudd, forhåndsutfylt med det organisasjonen allerede har rapportert til staten.',
    phases: [3],
    gains: ['less-admin-public', 'targeted-grants'],
    owner: 'KS',
    target: '2028-Q1',
    status: 'postponed',
    statusReason: 'Venter på erfaringene fra demonstratoren med kommunale tilskudd i Bergen kommune før malen lages.',
    needs: ['Kommunen ber om rapport på tilskudd vi allerede har rapportert til staten'],
    blocks: [],
  },
];

/** The demo proposal: Frivillighet Norge asks for a clearer caveat on momskompensasjon. */
const DEMO_PROPOSAL = {
  taskId: 'sok-momskompensasjon',
  actor: 'Frivillighet Norge',
  person: 'ingrid',
  what: 'Forklar hvorfor satsen for momskompensasjon varierer',
  why: 'Medlemmene våre tror de har gjort noe feil når de får tilbake mindre enn de søkte om. Satsen avhenger av hvor mye som er bevilget og hvor mange som søker.',
  evidence:
    'Lotteri- og stiftelsestilsynet: «Momskompensasjon for frivillige organisasjoner», lottstift.no; spørsmål til Frivillighet Norges rådgivning 2025.',
  texts: {
    'caveat.nb':
      'Hvor mange prosent dere får tilbake, varierer fra år til år: potten Stortinget bevilger, fordeles på alle som søker. Se Lotteri- og stiftelsestilsynets sider for årets sats.',
    'caveat.nn':
      'Kor mange prosent de får tilbake, varierer frå år til år: potten Stortinget løyver, blir fordelt på alle som søkjer. Sjå sidene til Lotteri- og stiftelsestilsynet for årets sats.',
  },
};

export async function seedDemoRoadmap(t: Db, opts: { people: Map<string, string>; names: Map<string, string>; at: Date }): Promise<void> {
  const actors = new Map(
    (await t.select({ id: ecosystemActors.id, name: ecosystemActors.name }).from(ecosystemActors)).map((a) => [a.name, a.id]),
  );
  const needIds = new Map(
    (await t.select({ id: needs.id, title: needs.title }).from(needs).orderBy(asc(needs.createdAt))).map((n) => [n.title, n.id]),
  );
  const blockIds = new Map(
    (await t.select({ id: buildingBlocks.id, slug: buildingBlocks.slug }).from(buildingBlocks)).map((b) => [b.slug, b.id]),
  );
  const ottoId = opts.people.get('otto') ?? null;
  const ottoName = opts.names.get('otto') ?? 'Brønnøysundregistrene';

  for (const item of DEMO_ROADMAP) {
    const [row] = await t
      .insert(roadmapItems)
      .values({
        title: item.title,
        description: item.description,
        phases: item.phases,
        gains: item.gains,
        ownerActorId: actors.get(item.owner) ?? null,
        target: item.target,
        status: item.status,
        statusReason: item.statusReason ?? '',
        createdBy: ottoId,
        createdAt: opts.at,
        updatedAt: opts.at,
      })
      .returning({ id: roadmapItems.id });
    const itemId = row!.id;
    const linkedNeeds = item.needs.map((title) => needIds.get(title)).filter((id): id is string => !!id);
    const linkedBlocks = item.blocks.map((slug) => blockIds.get(slug)).filter((id): id is string => !!id);
    if (linkedNeeds.length) await t.insert(roadmapItemNeeds).values(linkedNeeds.map((needId) => ({ itemId, needId })));
    if (linkedBlocks.length) await t.insert(roadmapItemBlocks).values(linkedBlocks.map((blockId) => ({ itemId, blockId })));
    const needTitles = linkedNeeds.length
      ? (await t.select({ title: needs.title }).from(needs).where(inArray(needs.id, linkedNeeds))).map((n) => n.title).sort()
      : [];
    const blockNames = linkedBlocks.length
      ? (await t.select({ name: buildingBlocks.name }).from(buildingBlocks).where(inArray(buildingBlocks.id, linkedBlocks)))
          .map((b) => b.name)
          .sort()
      : [];
    const created = {
      title: item.title,
      description: item.description,
      phases: item.phases,
      gains: item.gains,
      owner: item.owner,
      target: item.target,
      status: item.status,
      statusReason: item.statusReason ?? '',
      needs: needTitles,
      blocks: blockNames,
    };
    await t.insert(roadmapItemHistory).values({
      itemId,
      action: 'created',
      changes: Object.fromEntries(Object.entries(created).map(([k, v]) => [k, [null, v]])),
      actorUserId: ottoId,
      actorName: ottoName,
      createdAt: opts.at,
    });
  }

  // The open proposal is checked by the same rules as one made in the app (the map's schema).
  const current = await readCurrentLifeEventMap(t);
  const target = { kind: 'task' as const, taskId: DEMO_PROPOSAL.taskId };
  const checked = checkProposedTexts(current.map, target, DEMO_PROPOSAL.texts);
  const actorId = actors.get(DEMO_PROPOSAL.actor);
  const personId = opts.people.get(DEMO_PROPOSAL.person) ?? null;
  const found = findTask(current.map, DEMO_PROPOSAL.taskId);
  if (Object.keys(checked.errors).length > 0 || !actorId || !found)
    throw new Error(`demo proposal does not fit the map: ${JSON.stringify(checked.errors)}`);
  const personName = opts.names.get(DEMO_PROPOSAL.person) ?? DEMO_PROPOSAL.actor;
  const [proposal] = await t
    .insert(lifeEventMapProposals)
    .values({
      targetKind: 'task',
      phaseSlug: found.phase.slug,
      taskId: DEMO_PROPOSAL.taskId,
      what: DEMO_PROPOSAL.what,
      why: DEMO_PROPOSAL.why,
      evidence: DEMO_PROPOSAL.evidence,
      fields: checked.changed,
      baseTexts: checked.baseTexts,
      baseRevision: current.latestStored,
      proposerUserId: personId,
      proposerName: personName,
      onBehalfActorId: actorId,
      onBehalfName: DEMO_PROPOSAL.actor,
      createdAt: opts.at,
      updatedAt: opts.at,
    })
    .returning({ id: lifeEventMapProposals.id });
  await t.insert(lifeEventMapProposalHistory).values({
    proposalId: proposal!.id,
    action: 'created',
    changes: { target: `oppgave:${DEMO_PROPOSAL.taskId}`, fields: Object.keys(checked.changed), baseRevision: current.latestStored },
    actorUserId: personId,
    actorName: personName,
    createdAt: opts.at,
  });
}
