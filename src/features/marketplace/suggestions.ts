import { eq } from 'drizzle-orm';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { needConfirmations, needs } from '../../core/db/schema.ts';
import type { Deps } from '../../core/http/context.ts';
import type { Localised } from '../life-event-map/life-event-map.content.ts';
import { todayInNorway } from '../plan/facts-form.ts';
import type { TaskId } from '../plan/plan.rules.ts';
import { type PlanTask, readPlan } from '../plan/read-plan.ts';
import { countEvent, listOfferings, markSuggested, type OfferingRow } from './marketplace.queries.ts';
import type { Category } from './marketplace.schema.ts';

/**
 * Offerings suggested from the organisation's personal plan (issue 5, item 6: "organisations … see offerings
 * suggested from their personal plan"). The plan's open tasks (they apply and are not done) say what the
 * organisation is working on; an approved offering is suggested when its category does such a task, when it
 * addresses a need the organisation itself recorded or confirmed, or when it serves a phase with open tasks.
 * Each suggestion carries these reasons, so the page can say why.
 */

/** Which kind of offering helps with which task in the plan (plan.rules.ts task ids). */
export const TASK_CATEGORIES: Partial<Record<TaskId, Category>> = {
  medlemsregister: 'membership',
  'rekrutter-medlemmer': 'membership',
  'bokforing-og-regnskap': 'accounting',
  'send-arsregnskap-regnskapsregisteret': 'accounting',
  'hold-arsmote': 'meetings',
  'hold-stiftelsesmote': 'meetings',
  'ekstraordinaert-arsmote-sletting': 'meetings',
  innsamlingskontrollen: 'fundraising',
  'meld-grasrotandel': 'fundraising',
  'finn-likesinnede': 'communication',
  'rekrutter-frivillige': 'volunteers',
};

export type Reason =
  | { kind: 'task'; task: Localised; phase: number }
  | { kind: 'need'; need: string }
  | { kind: 'phase'; phase: number; openTasks: number };

export interface Suggestion {
  offering: OfferingRow;
  reasons: Reason[];
}

const OPEN = new Set(['not-started', 'in-progress', 'cannot-start']);
const MAX_SUGGESTIONS = 12;

export const openTasks = (tasks: PlanTask[]) => tasks.filter((t) => t.applies && OPEN.has(t.status));

/** The needs the organisation recorded itself or said "we have this too" to. */
async function ownNeedIds(deps: Deps, organisationId: string): Promise<Map<string, string>> {
  const db = deps.database.db;
  const [own, confirmed] = await Promise.all([
    db
      .select({ id: needs.id, rootId: needs.duplicateOfId, title: needs.title })
      .from(needs)
      .where(eq(needs.organisationId, organisationId)),
    db
      .select({ id: needs.id, rootId: needs.duplicateOfId, title: needs.title })
      .from(needConfirmations)
      .innerJoin(needs, eq(needs.id, needConfirmations.needId))
      .where(eq(needConfirmations.organisationId, organisationId)),
  ]);
  // An offering names the group's root need, so a grouped duplicate counts as its root.
  return new Map([...own, ...confirmed].map((n) => [n.rootId ?? n.id, n.title]));
}

export function suggestFromPlan(offerings: OfferingRow[], tasks: PlanTask[], ownNeeds: Map<string, string>): Suggestion[] {
  const open = openTasks(tasks);
  const openPerPhase = new Map<number, number>();
  for (const t of open) openPerPhase.set(t.phaseNumber, (openPerPhase.get(t.phaseNumber) ?? 0) + 1);
  const suggestions: (Suggestion & { weight: number })[] = [];
  for (const offering of offerings) {
    const reasons: Reason[] = [];
    for (const t of open)
      if (TASK_CATEGORIES[t.id] === offering.category) reasons.push({ kind: 'task', task: t.title, phase: t.phaseNumber });
    for (const id of offering.needIds) {
      const title = ownNeeds.get(id);
      if (title) reasons.push({ kind: 'need', need: title });
    }
    for (const p of offering.phases) {
      const n = openPerPhase.get(p);
      if (n) reasons.push({ kind: 'phase', phase: p, openTasks: n });
    }
    if (reasons.length === 0) continue;
    const weight = reasons.reduce((w, r) => w + (r.kind === 'phase' ? 1 : 10), 0);
    suggestions.push({ offering, reasons, weight });
  }
  return suggestions
    .sort((a, b) => b.weight - a.weight || a.offering.title.localeCompare(b.offering.title, 'nb'))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ offering, reasons }) => ({ offering, reasons }));
}

/**
 * Any member of the workspace (requireOrgRole inside readPlan) sees the suggestions. Each offering shown
 * to an organisation for the first time adds one to the supplier's "suggested to N organisations" count.
 */
export async function readSuggestions(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }) {
  const plan = await readPlan(deps, opts);
  const db = deps.database.db;
  const [offerings, ownNeeds] = await Promise.all([listOfferings(db, { status: 'approved' }), ownNeedIds(deps, opts.organisationId)]);
  const suggestions = suggestFromPlan(offerings, plan.tasks, ownNeeds);
  const at = deps.now();
  const first = await markSuggested(db, { offeringIds: suggestions.map((s) => s.offering.id), organisationId: opts.organisationId, at });
  for (const offeringId of first) await countEvent(db, { offeringId, day: todayInNorway(at), counter: 'suggestions' });
  return { plan, suggestions, openTasks: openTasks(plan.tasks).length };
}
