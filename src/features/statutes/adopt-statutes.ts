import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { EDIT_ROLES } from './read-statutes.ts';
import { blockingResults, runChecks } from './statutes.checks.ts';
import { canonicalJson, completeAnswers, fromStored } from './statutes.draft.ts';
import {
  deleteDraft,
  findCurrentVersion,
  findOrganisationBasics,
  findUserName,
  insertVersion,
  isInFrivillighetsregisteret,
  lockDraft,
  nextVersionNumber,
} from './statutes.queries.ts';
import { statutesText } from './statutes.template.ts';

/**
 * Adopts the draft as a new, immutable version: number, answers, generated text, who and when. The
 * person adopts exactly the draft revision they checked; a draft changed since (by someone else, in
 * another tab) is refused so nobody adopts text they have not seen. The draft row is locked, so two
 * adoptions at once give one version, and the version, the audit entry and the removal of the draft are
 * one transaction.
 */
export async function adoptStatutes(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; revision: number | null },
): Promise<{ version: number }> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: EDIT_ROLES });
  if (opts.revision === null) throw new AppError('validation', 'statutes.error.revision');
  const at = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const organisation = await findOrganisationBasics(db, opts.organisationId);
    if (!organisation) throw new AppError('not_found', 'error.notFound.body');
    const stored = await lockDraft(db, organisation.id);
    if (!stored) throw new AppError('conflict', 'statutes.error.noDraft');
    if (stored.revision !== opts.revision) throw new AppError('conflict', 'statutes.error.draftChanged');
    const draft = fromStored(stored);
    const answers = completeAnswers(draft);
    if (!answers) throw new AppError('validation', 'statutes.error.incomplete');
    const checks = runChecks(answers, { registeredInFrr: await isInFrivillighetsregisteret(db, organisation.orgnr) });
    if (blockingResults(checks).length > 0) throw new AppError('validation', 'statutes.error.checksFailed');
    const current = await findCurrentVersion(db, organisation.id);
    if (current && current.language === draft.language && canonicalJson(current.answers) === canonicalJson(answers)) {
      throw new AppError('conflict', 'statutes.error.noChanges');
    }
    const version = await nextVersionNumber(db, organisation.id);
    await insertVersion(db, {
      organisationId: organisation.id,
      version,
      language: draft.language,
      answers,
      text: statutesText(answers, draft.language),
      adoptedBy: user.id,
      adoptedByName: (await findUserName(db, user.id)) ?? user.name,
      adoptedAt: at,
    });
    await deleteDraft(db, organisation.id);
    await recordAudit(db, {
      organisationId: organisation.id,
      actorUserId: user.id,
      action: 'statutes.adopted',
      details: { version: String(version), language: draft.language, basedOn: current ? String(current.version) : null },
      at,
    });
    return { version };
  });
}
