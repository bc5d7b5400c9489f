import { inArray } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import {
  buildingBlocks,
  ecosystemActorPeople,
  ecosystemActors,
  marketplaceChallenges,
  marketplaceHistory,
  marketplaceOfferingStats,
  marketplaceOfferings,
  marketplaceProposals,
  needs,
} from '../../core/db/schema.ts';

/**
 * Demo content for the marketplace (issue 5, item 6): approved offerings from a private supplier, a
 * voluntary supplier and Brønnøysundregistrene (Frivillig's own calendar feed, a public offering), one
 * offering waiting for the orchestrator's approval, some interest figures, and an open challenge with a
 * proposal. Runs inside the seed's transaction after the actors, needs and building blocks exist.
 */

type Offering = Omit<typeof marketplaceOfferings.$inferInsert, 'supplierActorId' | 'needIds' | 'blockIds'> & {
  supplier: string;
  needs: string[];
  blocks: string[];
  /** Views and clicks per month for the demo statistics, oldest first (the last entry is this month). */
  interest?: [views: number, clicks: number][];
};

const NEED_SAME_FACTS = 'Vi må gi de samme opplysningene til kommunen, Lotteritilsynet og Norsk Tipping';
const NEED_VAT_DEADLINE = 'Vanskelig å vite fristen for momskompensasjon';
const NEED_BOARD_CHANGES = 'Styreendringer må meldes flere steder';
const NEED_VOLUNTEERS = 'Vanskelig å finne frivillige til styreverv';
const NEED_GRANT_REPORTS = 'Kommunen ber om rapport på tilskudd vi allerede har rapportert til staten';

/** A voluntary-sector supplier that is not among the ecosystem's core actors. */
const EXTRA_SUPPLIER: typeof ecosystemActors.$inferInsert = {
  name: 'Dugnadsverket SA',
  kind: 'supplier',
  ecosystemRole: 'participant',
  supplierSector: 'voluntary',
  contactEmail: 'post@dugnadsverket.example',
  mandate: 'Samvirke eid av lag og foreninger som lager digitale verktøy for årsmøter og dugnader.',
  agreements: 'Vilkår for markedsplassen.',
};

const DEMO_OFFERINGS: Offering[] = [
  {
    supplier: 'Lagshjelpen AS',
    title: 'Lagshjelpen Medlem',
    summary:
      'Medlemsregister med innmelding på nett, kontingent med Vipps og faktura, og utsending av e-post og SMS. Henter organisasjonens opplysninger fra Enhetsregisteret, så styret slipper å skrive dem inn.',
    category: 'membership',
    phases: [3, 4],
    needs: [NEED_SAME_FACTS],
    blocks: ['organisasjonsoppslag', 'innlogging'],
    priceModel: 'freemium',
    priceText: 'Gratis for inntil 30 medlemmer, deretter 49 kr i måneden.',
    dataStorage: 'Lagres hos en driftsleverandør i Norge. Bare styret og Lagshjelpens brukerstøtte (etter samtykke) har tilgang.',
    dataProcessorAgreement: true,
    dataExport: true,
    url: 'https://lagshjelpen.example/medlem',
    status: 'approved',
    interest: [
      [41, 6],
      [58, 9],
      [23, 4],
    ],
  },
  {
    supplier: 'Lagshjelpen AS',
    title: 'Lagshjelpen Regnskap',
    summary:
      'Enkelt regnskap for små lag: bilag med mobilen, ferdig årsregnskap til årsmøtet og oversikt over fristen for momskompensasjon.',
    category: 'accounting',
    phases: [3],
    needs: [NEED_VAT_DEADLINE],
    blocks: ['kalenderstrom'],
    priceModel: 'subscription',
    priceText: '990 kr i året.',
    dataStorage: 'Lagres i EU/EØS (Irland) hos en skyleverandør. Regnskapsdata oppbevares i fem år, slik bokføringsloven krever.',
    dataProcessorAgreement: true,
    dataExport: true,
    url: 'https://lagshjelpen.example/regnskap',
    status: 'approved',
    interest: [
      [18, 2],
      [35, 7],
    ],
  },
  {
    supplier: 'Dugnadsverket SA',
    title: 'Digitalt årsmøte',
    summary:
      'Innkalling, saksliste, påmelding, stemmegivning og protokoll for årsmøtet – også for medlemmer som deltar hjemmefra. Protokollen kan lastes ned og legges ved melding om nytt styre.',
    category: 'meetings',
    phases: [2, 3, 6],
    needs: [NEED_BOARD_CHANGES],
    blocks: ['innlogging'],
    priceModel: 'one_off',
    priceText: '300 kr per møte.',
    dataStorage: 'Lagres i Norge. Stemmer lagres uten navn når møtet er avsluttet.',
    dataProcessorAgreement: true,
    dataExport: true,
    url: 'https://dugnadsverket.example/arsmote',
    status: 'approved',
    interest: [[12, 3]],
  },
  {
    supplier: 'Brønnøysundregistrene',
    title: 'Årshjulet som kalenderstrøm fra Frivillig',
    summary:
      'Frivilligs årshjul som kalenderabonnement (.ics): frister for årsmøte, momskompensasjon, Grasrotandelen og årsregnskap kommer rett inn i kalenderen til styret.',
    category: 'communication',
    phases: [3, 4, 5],
    needs: [NEED_VAT_DEADLINE],
    blocks: ['kalenderstrom'],
    priceModel: 'free',
    priceText: '',
    dataStorage: 'Frivillig lagrer organisasjonens frister i Norge. Kalenderlenken er hemmelig og kan byttes når som helst.',
    dataProcessorAgreement: false,
    dataExport: true,
    url: 'https://www.brreg.no',
    status: 'approved',
    interest: [
      [64, 21],
      [80, 30],
    ],
  },
  {
    supplier: 'Lagshjelpen AS',
    title: 'Lagshjelpen Dugnad',
    summary: 'Vaktlister og dugnadsplaner der frivillige melder seg på selv, med påminnelse på SMS dagen før.',
    category: 'volunteers',
    phases: [4],
    needs: [NEED_VOLUNTEERS],
    blocks: [],
    priceModel: 'subscription',
    priceText: '29 kr i måneden.',
    dataStorage: 'Lagres hos en driftsleverandør i Norge.',
    dataProcessorAgreement: true,
    dataExport: false,
    url: 'https://lagshjelpen.example/dugnad',
    status: 'pending',
  },
];

/** The first day of the month `back` months before `at`, as YYYY-MM-DD. */
function monthStart(at: Date, back: number): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - back, 1));
  return d.toISOString().slice(0, 10);
}

export async function seedDemoMarketplace(
  t: Db,
  opts: { people: Map<string, string>; names: Map<string, string>; at: Date },
): Promise<void> {
  const [extra] = await t
    .insert(ecosystemActors)
    .values({ ...EXTRA_SUPPLIER, createdAt: opts.at, updatedAt: opts.at })
    .returning({ id: ecosystemActors.id });
  const kari = opts.people.get('kari') ?? null;
  // Kari leads Tromsø Sjakklubb and also sits on the board of Dugnadsverket (a supplier owned by associations).
  if (kari) await t.insert(ecosystemActorPeople).values({ actorId: extra!.id, userId: kari, title: 'Styremedlem', createdAt: opts.at });

  const actorNames = [...new Set([...DEMO_OFFERINGS.map((o) => o.supplier)])];
  const actors = new Map(
    (
      await t
        .select({ id: ecosystemActors.id, name: ecosystemActors.name })
        .from(ecosystemActors)
        .where(inArray(ecosystemActors.name, actorNames))
    ).map((a) => [a.name, a.id]),
  );
  const needIds = new Map((await t.select({ id: needs.id, title: needs.title }).from(needs)).map((n) => [n.title, n.id]));
  const blockIds = new Map(
    (await t.select({ id: buildingBlocks.id, slug: buildingBlocks.slug }).from(buildingBlocks)).map((b) => [b.slug, b.id]),
  );
  const ids = (map: Map<string, string>, keys: string[]) => keys.map((k) => map.get(k)).filter((x): x is string => !!x);

  const ola = opts.people.get('ola') ?? null;
  const otto = opts.people.get('otto') ?? null;
  const nameOf = new Map([...opts.people].map(([key, id]) => [id, opts.names.get(key) ?? key]));
  const history = (
    entityId: string,
    entity: 'offering' | 'challenge' | 'proposal',
    action: 'created' | 'submitted' | 'approved',
    by: string | null,
  ) => ({
    entity,
    entityId,
    action,
    changes: {},
    actorUserId: by,
    actorName: (by && nameOf.get(by)) || 'Frivillig',
    createdAt: opts.at,
  });

  for (const o of DEMO_OFFERINGS) {
    const supplierActorId = actors.get(o.supplier);
    if (!supplierActorId) continue;
    const { supplier: _s, needs: n, blocks: b, interest, ...fields } = o;
    const author = o.supplier === 'Lagshjelpen AS' ? ola : o.supplier === 'Dugnadsverket SA' ? kari : otto;
    const [row] = await t
      .insert(marketplaceOfferings)
      .values({
        ...fields,
        supplierActorId,
        needIds: ids(needIds, n),
        blockIds: ids(blockIds, b),
        createdBy: author,
        createdAt: opts.at,
        updatedAt: opts.at,
      })
      .returning({ id: marketplaceOfferings.id });
    const id = row!.id;
    await t.insert(marketplaceHistory).values([history(id, 'offering', 'created', author), history(id, 'offering', 'submitted', author)]);
    if (o.status === 'approved') await t.insert(marketplaceHistory).values(history(id, 'offering', 'approved', otto));
    for (const [i, [views, clicks]] of (interest ?? []).entries()) {
      await t
        .insert(marketplaceOfferingStats)
        .values({ offeringId: id, day: monthStart(opts.at, (interest ?? []).length - 1 - i), views, clicks });
    }
  }

  const deadline = new Date(opts.at.getTime() + 60 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const [challenge] = await t
    .insert(marketplaceChallenges)
    .values({
      title: 'Tilskuddsrapport som hentes, ikke skrives',
      needIds: ids(needIds, [NEED_GRANT_REPORTS, NEED_SAME_FACTS]),
      requirements:
        'Et godt svar lar laget rapportere på et kommunalt tilskudd med tall og opplysninger som allerede finnes i Enhetsregisteret, Frivillighetsregisteret og årsregnskapet, godkjent av styret med ett klikk – og lar kommunen hente rapporten maskinelt. Løsningen må fungere for lag uten ansatte og uten regnskapsfører.',
      deadline,
      status: 'open',
      createdBy: otto,
      createdAt: opts.at,
      updatedAt: opts.at,
    })
    .returning({ id: marketplaceChallenges.id });
  await t.insert(marketplaceHistory).values(history(challenge!.id, 'challenge', 'created', otto));
  const lagshjelpen = actors.get('Lagshjelpen AS');
  if (lagshjelpen) {
    const [proposal] = await t
      .insert(marketplaceProposals)
      .values({
        challengeId: challenge!.id,
        actorId: lagshjelpen,
        summary: 'Rapporten lages i Lagshjelpen Regnskap fra regnskapet laget allerede fører, og sendes kommunen gjennom Frivillig API.',
        approach:
          'Vi henter organisasjonsopplysningene fra Enhetsregisteret, fyller ut rapporten med tall fra regnskapet og lar leder og kasserer godkjenne med ID-porten. Kommunen henter rapporten med Maskinporten. Vi foreslår en demonstrator med Oslo og Bergen kommune.',
        blockIds: ids(blockIds, ['organisasjonsoppslag', 'frivillig-api', 'id-porten', 'maskinporten']),
        priceIndication: 'Gratis for lag som bruker Lagshjelpen Regnskap; 20 000 kr i oppsett per kommune.',
        createdBy: ola,
        createdAt: opts.at,
        updatedAt: opts.at,
      })
      .returning({ id: marketplaceProposals.id });
    await t.insert(marketplaceHistory).values(history(proposal!.id, 'proposal', 'created', ola));
  }
}
