import type { CurrentUser } from '../../core/auth/current-user.ts';
import { type OrgRole, requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { readCurrentStatutes } from '../statutes/statutes.queries.ts';
import type { FoundingData, ProtocolLanguage } from './founding.data.ts';
import type { KnownFacts } from './founding.prefill.ts';
import { currentAgenda } from './founding.prefill.ts';
import { findDraft, findLatestFinalised, findOrganisation, listWorkspaceMembers, type MeetingRow } from './founding.queries.ts';
import { type BoardRules, boardRulesFrom, osloToday } from './founding.rules.ts';
import type { PageContext } from './founding.schema.ts';

/** Everything the founding meeting's use cases read about one organisation, after the role check. */
export interface FoundingState {
  user: CurrentUser;
  role: OrgRole;
  organisation: { id: string; name: string };
  draft: MeetingRow | null;
  finalised: MeetingRow | null;
  facts: KnownFacts;
  rules: BoardRules;
  today: string;
}

/** Leaders, treasurers and board members prepare the meeting; members read the finalised protocol. */
export const EDIT_ROLES: readonly OrgRole[] = ['leader', 'board_member', 'treasurer'];

/**
 * The role check comes first, before anything about the organisation is read (core/auth/org-access.ts).
 */
export async function loadFoundingState(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; roles: readonly OrgRole[] },
): Promise<FoundingState> {
  const access = await requireOrgRole(deps, opts);
  return readFoundingState(deps, deps.database.db, { ...access, organisationId: opts.organisationId });
}

/**
 * The state read with `db` — inside a transaction, pass the transaction: PGlite has one connection, so a
 * query on the pool while a transaction is open would wait for it forever. The caller has checked the role.
 */
export async function readFoundingState(
  deps: Deps,
  db: Db,
  access: { user: CurrentUser; role: OrgRole; organisationId: string },
): Promise<FoundingState> {
  const organisation = await findOrganisation(db, access.organisationId);
  if (!organisation) throw new AppError('not_found', 'error.notFound.body');
  // One after the other: inside a transaction the queries share one connection.
  const draft = await findDraft(db, access.organisationId);
  const finalised = await findLatestFinalised(db, access.organisationId);
  const statutes = await readCurrentStatutes(db, access.organisationId);
  const members = await listWorkspaceMembers(db, access.organisationId);
  return {
    user: access.user,
    role: access.role,
    organisation: { id: access.organisationId, name: organisation.name },
    draft,
    finalised,
    facts: { statutes, workspacePurpose: organisation.purpose, members },
    rules: boardRulesFrom(statutes),
    today: osloToday(deps.now()),
  };
}

/** The language a new draft starts in: the person's own when it is nynorsk, else bokmål. */
export function startLanguage(uiLang: string): ProtocolLanguage {
  return uiLang === 'nn' ? 'nn' : 'nb';
}

/** The draft's data and language, or an empty start. */
export function workingCopy(state: FoundingState, uiLang: string): { data: FoundingData; language: ProtocolLanguage } {
  return state.draft ? { data: state.draft.data, language: state.draft.language } : { data: {}, language: startLanguage(uiLang) };
}

/** The name the protocol uses: the name in the adopted statutes (the one to be registered), else the workspace's. */
export function protocolName(state: FoundingState): string {
  return state.facts.statutes?.answers.name ?? state.organisation.name;
}

export function pageContext(state: FoundingState, data: FoundingData, language: ProtocolLanguage): PageContext {
  return {
    today: state.today,
    members: state.facts.members.map((m) => ({ userId: m.userId, name: m.name })),
    attendees: data.attendees ?? [],
    agenda: currentAgenda(data, language),
    rules: state.rules,
  };
}
