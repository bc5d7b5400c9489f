import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ANY_ORG_ROLE, BOARD_ROLES, type OrgRole, requireOrgRole } from '../../core/auth/org-access.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { type CheckResult, runChecks } from './statutes.checks.ts';
import { diffStatutes } from './statutes.diff.ts';
import {
  answeredOnly,
  canonicalJson,
  completeAnswers,
  type EffectiveDraft,
  fromStored,
  initialDraft,
  unansweredPages,
} from './statutes.draft.ts';
import {
  findCurrentVersion,
  findDraft,
  findOrganisationBasics,
  findVersion,
  isInFrivillighetsregisteret,
  listVersions,
  type StatutesVersionRow,
} from './statutes.queries.ts';
import { parseVersionNumber } from './statutes.schema.ts';
import { statutesText } from './statutes.template.ts';

/**
 * Reading the statutes. Every member reads the adopted versions (and their diff and documents);
 * the draft and its question pages belong to the board (leader, board member, treasurer), who edit.
 */

export const EDIT_ROLES = BOARD_ROLES;

type Org = NonNullable<Awaited<ReturnType<typeof findOrganisationBasics>>>;

async function organisationOrThrow(deps: Deps, organisationId: string): Promise<Org> {
  const organisation = await findOrganisationBasics(deps.database.db, organisationId);
  if (!organisation) throw new AppError('not_found', 'error.notFound.body');
  return organisation;
}

export function canEdit(role: OrgRole): boolean {
  return EDIT_ROLES.includes(role);
}

/** The draft the person would see: the stored one, or the one a first save would start from. */
export async function effectiveDraft(deps: Deps, organisation: Org, userLang: string): Promise<EffectiveDraft> {
  const stored = await findDraft(deps.database.db, organisation.id);
  if (stored) return fromStored(stored);
  const current = await findCurrentVersion(deps.database.db, organisation.id);
  return initialDraft({ organisation, current, userLang });
}

export async function readStatutesOverview(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }) {
  const { role } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  const organisation = await organisationOrThrow(deps, opts.organisationId);
  const db = deps.database.db;
  const current = await findCurrentVersion(db, organisation.id);
  const stored = canEdit(role) ? await findDraft(db, organisation.id) : null;
  const draft = stored ? fromStored(stored) : null;
  return {
    organisation,
    role,
    canEdit: canEdit(role),
    current,
    versionCount: (await listVersions(db, organisation.id)).length,
    draft: draft ? { ...draft, unanswered: unansweredPages(draft) } : null,
  };
}

/** A question page: only the board edits the statutes. */
export async function readQuestionPage(deps: Deps, opts: { user: CurrentUser | null; organisationId: string; lang: string }) {
  await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: EDIT_ROLES });
  const organisation = await organisationOrThrow(deps, opts.organisationId);
  return { organisation, draft: await effectiveDraft(deps, organisation, opts.lang) };
}

export interface CheckAnswersData {
  organisation: Org;
  draft: EffectiveDraft;
  unanswered: ReturnType<typeof unansweredPages>;
  checks: CheckResult[];
  /** The generated text when every page is answered. */
  text: string | null;
  current: StatutesVersionRow | null;
  /** False when the draft says exactly what the current version says: there is nothing to adopt. */
  changed: boolean;
}

export async function readCheckAnswers(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; lang: string },
): Promise<CheckAnswersData> {
  await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: EDIT_ROLES });
  const organisation = await organisationOrThrow(deps, opts.organisationId);
  const db = deps.database.db;
  const draft = await effectiveDraft(deps, organisation, opts.lang);
  const current = await findCurrentVersion(db, organisation.id);
  const checks = runChecks(answeredOnly(draft), { registeredInFrr: await isInFrivillighetsregisteret(db, organisation.orgnr) });
  const complete = completeAnswers(draft);
  const text = complete ? statutesText(complete, draft.language) : null;
  const changed =
    !current || !complete || current.language !== draft.language || canonicalJson(current.answers) !== canonicalJson(complete);
  return { organisation, draft, unanswered: unansweredPages(draft), checks, text, current, changed };
}

export async function readVersionList(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }) {
  const { role } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  const organisation = await organisationOrThrow(deps, opts.organisationId);
  return { organisation, role, versions: await listVersions(deps.database.db, organisation.id) };
}

/** One version (or the current one when `nr` is absent). Anything but an existing number is 404. */
export async function readVersion(deps: Deps, opts: { user: CurrentUser | null; organisationId: string; nr: string | undefined }) {
  await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  const organisation = await organisationOrThrow(deps, opts.organisationId);
  const db = deps.database.db;
  let version: StatutesVersionRow | null;
  if (opts.nr === undefined || opts.nr === '') version = await findCurrentVersion(db, organisation.id);
  else {
    const nr = parseVersionNumber(opts.nr);
    version = nr ? await findVersion(db, organisation.id, nr) : null;
  }
  if (!version) throw new AppError('not_found', 'statutes.error.noSuchVersion');
  const count = (await listVersions(db, organisation.id)).length;
  return { organisation, version, versionCount: count };
}

/**
 * The difference between two versions. Without `fra`/`til`, the newest version against the one before.
 * Either may be given alone: `til` defaults to the newest, `fra` to the version before `til`.
 */
export async function readDiff(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; from: string | undefined; to: string | undefined },
) {
  await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  const organisation = await organisationOrThrow(deps, opts.organisationId);
  const db = deps.database.db;
  const versions = await listVersions(db, organisation.id);
  const newest = versions[0]?.version ?? null;
  const toNr = opts.to ? parseVersionNumber(opts.to) : newest;
  const fromNr = opts.from ? parseVersionNumber(opts.from) : toNr !== null && toNr > 1 ? toNr - 1 : null;
  if (versions.length < 2) throw new AppError('not_found', 'statutes.error.nothingToCompare');
  const to = toNr ? await findVersion(db, organisation.id, toNr) : null;
  const from = fromNr ? await findVersion(db, organisation.id, fromNr) : null;
  if (!to || !from) throw new AppError('not_found', 'statutes.error.noSuchVersion');
  return { organisation, versions, from, to, diff: diffStatutes(from.text, to.text) };
}
