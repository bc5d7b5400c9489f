import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ANY_ORG_ROLE, type OrgRole, requireOrgRole } from '../../core/auth/org-access.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import type { Prefilled } from '../../core/prefill/provenance.ts';
import { EDIT_ROLES, requireEditor } from './package-access.ts';
import { listIcnpo, loadPackageState, type PackageState } from './package-state.ts';
import { formValues, savedValues, sectionPrefill } from './prefill.ts';
import { findCurrentPackage, findOrganisationForPackage, findPendingAtRegister, listWorkspaceMembers } from './registration.queries.ts';
import type { Section } from './registration.schema.ts';
import { STALE_SEND_MS } from './submission.ts';

/** What the pages need besides the package: who is looking and what they may do. */
export interface Viewer {
  userId: string;
  role: OrgRole;
  canEdit: boolean;
  /** Board members (package persons) the viewer is; a member sees their own number masked. */
  personIds: string[];
}

export interface OverviewData {
  organisation: { id: string; name: string; orgnr: string | null };
  state: PackageState | null;
  viewer: Viewer;
  submissionEnabled: boolean;
  pendingElsewhere: { receivedAt: Date | null } | null;
  /** A send that started long ago and never finished (the process stopped): it may be started again. */
  staleSend: boolean;
}

function viewerOf(userId: string, role: OrgRole, state: PackageState | null): Viewer {
  return {
    userId,
    role,
    canEdit: (EDIT_ROLES as readonly OrgRole[]).includes(role),
    personIds: state ? state.persons.filter((p) => p.userId === userId).map((p) => p.id) : [],
  };
}

/** The overview, the check-answers page and the confirmation page: every member may read them. */
export async function readOverview(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }): Promise<OverviewData> {
  const { user, role } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  const db = deps.database.db;
  const organisation = await findOrganisationForPackage(db, opts.organisationId);
  if (!organisation) throw new AppError('not_found', 'error.notFound.body');
  const state = await loadPackageState(deps, db, { organisationId: opts.organisationId });
  const pending = state ? await findPendingAtRegister(db, opts.organisationId, state.pkg.id) : null;
  return {
    organisation,
    state,
    viewer: viewerOf(user.id, role, state),
    submissionEnabled: deps.config.maskinporten !== null,
    pendingElsewhere: pending ? { receivedAt: pending.receivedAt } : null,
    staleSend:
      state?.pkg.status === 'submitted' &&
      state.pkg.sendStartedAt !== null &&
      state.pkg.sendStartedAt.getTime() < deps.now().getTime() - STALE_SEND_MS,
  };
}

export interface SectionPageData {
  state: PackageState;
  viewer: Viewer;
  values: Record<string, string>;
  prefilled: Prefilled;
  /** True while the page shows what the platform knew rather than saved answers. */
  showingPrefill: boolean;
  members: { userId: string; name: string }[];
  icnpo: { code: string; name: string; group: string; groupName: string }[];
}

/** A question page, for editors; the values are the saved answers or else what the platform already knew. */
export async function readSectionPage(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; section: Section },
): Promise<SectionPageData> {
  const { user, role } = await requireEditor(deps, opts);
  const db = deps.database.db;
  const current = await findCurrentPackage(db, opts.organisationId);
  if (!current || current.status === 'received' || current.status === 'submitted' || current.status === 'rejected') {
    throw new AppError('not_found', 'reg.error.noPackage');
  }
  const state = await loadPackageState(deps, db, { organisationId: opts.organisationId, pkg: current });
  if (!state) throw new AppError('not_found', 'reg.error.noPackage');
  const prefilled = await sectionPrefill(db, state, opts.section, { email: user.email ?? null });
  const saved = savedValues(state.data, opts.section);
  const members = (await listWorkspaceMembers(db, opts.organisationId)).map((m) => ({ userId: m.userId, name: m.name }));
  return {
    state,
    viewer: viewerOf(user.id, role, state),
    values: formValues(saved, prefilled),
    prefilled,
    showingPrefill: saved === null && Object.keys(prefilled).length > 0,
    members,
    icnpo: opts.section === 'frr' ? await listIcnpo(db) : state.icnpo,
  };
}
