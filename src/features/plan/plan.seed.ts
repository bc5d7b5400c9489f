import type { Db } from '../../core/db/client.ts';
import { planTaskStatuses, politiattestChecks, registerEnheter, registerFrivillige } from '../../core/db/schema.ts';
import { todayInNorway } from './facts-form.ts';
import type { ManualStatus, TaskId } from './plan.rules.ts';
import { factsFormSchema } from './plan.schema.ts';
import { writeFacts } from './save-facts.ts';

/**
 * Demo facts and plans for the seed (src/features/seed): each demo organisation is at a different point,
 * so its plan shows different statuses — an idea group, a group getting started, a registered club in
 * Frivillighetsregisteret with grasrotandel, an employer not yet in FRR, and one winding down. The register
 * rows are invented for the demo organisation numbers (the seed's own MOD11-valid test numbers).
 */
interface DemoPlan {
  /** The seed's organisation name. */
  organisation: string;
  /** Who saved the facts (a board member of that organisation in the seed). */
  by: string;
  answers: Record<string, string>;
  statuses?: Partial<Record<TaskId, ManualStatus>>;
  politiattester?: { person: string; role: string; shownOn: string }[];
  register?: {
    antallAnsatte?: number;
    mva?: boolean;
    underAvvikling?: boolean;
    stiftelsesdato: string;
    frr?: { grasrot: boolean; kontonummer: string | null; icnpo: string[]; accountsReporting: boolean };
  };
}

export const DEMO_PLANS: DemoPlan[] = [
  {
    organisation: 'Strikkeklubben i Bodø',
    by: 'kari',
    answers: { memberCount: '8', employees: '0', sellsTaxableGoods: 'no', fundraisingFromPublic: 'no', worksWithVulnerable: 'no' },
    statuses: { 'finn-likesinnede': 'done' },
  },
  {
    organisation: 'Nabolagshagen Grünerløkka',
    by: 'ola',
    answers: {
      memberCount: '23',
      employees: '0',
      sellsTaxableGoods: 'yes',
      incomeBand: 'up-to-50k',
      wantsFrivillighetsregisteret: 'yes',
      wantsGrasrotandel: 'yes',
      worksWithVulnerable: 'yes',
    },
    statuses: { 'finn-likesinnede': 'done', 'vurder-registrering': 'done', 'lag-vedtekter': 'in-progress' },
  },
  {
    organisation: 'Tromsø Sjakklubb',
    by: 'kari',
    answers: {
      memberCount: '64',
      employees: '0',
      vatRegistered: 'no',
      sellsTaxableGoods: 'no',
      fundraisingFromPublic: 'no',
      incomeBand: '50k-to-3m',
      accountsReportingTakenOn: 'no',
      wantsFrivillighetsregisteret: 'yes',
      wantsGrasrotandel: 'yes',
      umbrellaMember: 'yes',
      umbrellaName: 'Norges Sjakkforbund',
      umbrellaMomsDeadlineDay: '15',
      umbrellaMomsDeadlineMonth: '6',
      worksWithVulnerable: 'yes',
    },
    statuses: { 'lag-vedtekter': 'done', 'hold-arsmote': 'done', forsikring: 'in-progress', medlemsregister: 'done' },
    politiattester: [
      { person: 'Kari Nordmann', role: 'Juniortrener', shownOn: '2024-09-02' },
      { person: 'Ola Hansen', role: 'Leirleder', shownOn: '2025-08-18' },
    ],
    register: {
      stiftelsesdato: '1987-03-12',
      frr: { grasrot: true, kontonummer: '12345678903', icnpo: ['1300'], accountsReporting: false },
    },
  },
  {
    organisation: 'Fjellstien Turlag',
    by: 'ingrid',
    answers: {
      memberCount: '310',
      employees: '2',
      vatRegistered: 'yes',
      sellsTaxableGoods: 'yes',
      fundraisingFromPublic: 'yes',
      incomeBand: '3m-to-5m',
      wantsFrivillighetsregisteret: 'yes',
      wantsGrasrotandel: 'unknown',
      umbrellaMember: 'no',
      worksWithVulnerable: 'no',
    },
    statuses: { 'lag-vedtekter': 'done', 'opprett-bankkonto': 'done', 'hold-arsmote': 'in-progress' },
    register: { stiftelsesdato: '2004-05-01', antallAnsatte: 2, mva: true },
  },
  {
    organisation: 'Gamle Stavanger Historielag',
    by: 'ingrid',
    answers: {
      memberCount: '12',
      employees: '0',
      dissolutionDecidedOn: '2025-11-20',
      worksWithVulnerable: 'no',
      fundraisingFromPublic: 'no',
    },
    statuses: { 'lag-vedtekter': 'done', avviklingsperiode: 'in-progress' },
    register: { stiftelsesdato: '1962-10-01', underAvvikling: true },
  },
];

/** Writes the demo plans with the seed's transaction; `organisations` maps name → id and orgnr, `people` key → user id. */
export async function seedDemoPlans(
  db: Db,
  opts: { organisations: Map<string, { id: string; orgnr: string | null }>; people: Map<string, string>; at: Date },
): Promise<void> {
  const schema = factsFormSchema(todayInNorway(opts.at));
  for (const plan of DEMO_PLANS) {
    const org = opts.organisations.get(plan.organisation);
    const userId = opts.people.get(plan.by);
    if (!org || !userId) throw new Error(`demo plan for unknown organisation or person: ${plan.organisation} / ${plan.by}`);
    if (plan.register && org.orgnr) {
      const r = plan.register;
      await db
        .insert(registerEnheter)
        .values({
          orgnr: org.orgnr,
          navn: plan.organisation.toUpperCase(),
          organisasjonsform: 'FLI',
          stiftelsesdato: r.stiftelsesdato,
          antallAnsatte: r.antallAnsatte ?? null,
          registrertIMvaregisteret: r.mva ?? false,
          registrertIFrivillighetsregisteret: r.frr !== undefined,
          underAvvikling: r.underAvvikling ?? false,
          data: { organisasjonsnummer: org.orgnr, navn: plan.organisation.toUpperCase(), organisasjonsform: { kode: 'FLI' } },
          dataHash: `demo-${org.orgnr}`,
        })
        .onConflictDoNothing();
      if (r.frr) {
        const [icnpo1 = null, icnpo2 = null, icnpo3 = null] = r.frr.icnpo;
        await db
          .insert(registerFrivillige)
          .values({
            orgnr: org.orgnr,
            icnpo1,
            icnpo2,
            icnpo3,
            grasrotandel: r.frr.grasrot,
            data: {
              organisasjonsnummer: org.orgnr,
              ...(r.frr.kontonummer ? { kontonummer: r.frr.kontonummer } : {}),
              grasrotandel: { deltarI: r.frr.grasrot },
              regnskapsrapportering: { harPaatattSegRapporteringsplikt: r.frr.accountsReporting },
            },
            dataHash: `demo-frr-${org.orgnr}`,
          })
          .onConflictDoNothing();
      }
    }
    // Through the facts form's own schema and save path, so the demo has its audit entries and provenance.
    await writeFacts(db, { organisationId: org.id, userId, form: schema.parse(plan.answers), at: opts.at });
    for (const [taskId, status] of Object.entries(plan.statuses ?? {})) {
      await db.insert(planTaskStatuses).values({ organisationId: org.id, taskId, status, updatedBy: userId, updatedAt: opts.at });
    }
    for (const c of plan.politiattester ?? []) {
      await db.insert(politiattestChecks).values({ organisationId: org.id, ...c, createdBy: userId, createdAt: opts.at });
    }
  }
}
