import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { BOARD_ROLES, requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import type { Deps } from '../../core/http/context.ts';
import { recordFormProvenance } from '../../core/prefill/provenance.ts';
import { readOrganisationFacts } from './facts.ts';
import { changedAnswers, FACTS_FORM_ID, provenanceSubmission, registerPrefill } from './facts-form.ts';
import { lockDeclaredFacts, upsertDeclaredFacts } from './plan.queries.ts';
import type { FactsForm } from './plan.schema.ts';

/**
 * Saves the board's answers on the facts form. Only the leader, treasurer and board members may change the
 * facts; every member can read them.
 */
export async function saveFacts(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; form: FactsForm },
): Promise<{ changed: number }> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: BOARD_ROLES });
  return deps.database.db.transaction((tx) =>
    writeFacts(tx as unknown as Db, { organisationId: opts.organisationId, userId: user.id, form: opts.form, at: deps.now() }),
  );
}

/**
 * The answers, the audit entry (what changed, from → to) and the prefill provenance, written with the
 * caller's transaction. Callers have checked the role (saveFacts) or are the demo seed.
 */
export async function writeFacts(
  db: Db,
  opts: { organisationId: string; userId: string; form: FactsForm; at: Date },
): Promise<{ changed: number }> {
  const before = await lockDeclaredFacts(db, opts.organisationId);
  const facts = await readOrganisationFacts(db, opts.organisationId);
  const changed = changedAnswers(before, opts.form);
  const fields = Object.keys(changed);
  // Saving unchanged answers again changes nothing, so it is not logged either.
  if (before && fields.length === 0) return { changed: 0 };
  const f = opts.form;
  await upsertDeclaredFacts(
    db,
    opts.organisationId,
    {
      memberCount: f.memberCount,
      employees: f.employees,
      vatRegistered: f.vatRegistered,
      sellsTaxableGoods: f.sellsTaxableGoods,
      fundraisingFromPublic: f.fundraisingFromPublic,
      worksWithVulnerable: f.worksWithVulnerable,
      wantsFrivillighetsregisteret: f.wantsFrivillighetsregisteret,
      wantsGrasrotandel: f.wantsGrasrotandel,
      umbrellaMember: f.umbrellaMember,
      umbrellaName: f.umbrellaName,
      umbrellaMomsDeadlineMonth: f.umbrellaMomsDeadlineMonth,
      umbrellaMomsDeadlineDay: f.umbrellaMomsDeadlineDay,
      politiattestLastChecked: f.politiattestLastChecked,
      incomeBand: f.incomeBand,
      accountsReportingTakenOn: f.accountsReportingTakenOn,
      dissolutionDecidedOn: f.dissolutionDecidedOn,
    },
    { userId: opts.userId, at: opts.at },
  );
  await recordAudit(db, {
    organisationId: opts.organisationId,
    actorUserId: opts.userId,
    action: 'plan.facts_updated',
    details: { fields: fields.join(', '), changes: changed },
    at: opts.at,
  });
  await recordFormProvenance(db, {
    organisationId: opts.organisationId,
    userId: opts.userId,
    form: FACTS_FORM_ID,
    prefilled: registerPrefill(facts),
    submitted: provenanceSubmission(changed),
    at: opts.at,
  });
  return { changed: fields.length };
}
