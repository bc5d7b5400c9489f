import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ANY_ORG_ROLE } from '../../core/auth/org-access.ts';
import type { DocumentModel } from '../../core/documents/index.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import type { PrefillSource } from '../../core/prefill/provenance.ts';
import { EDIT_ROLES, type FoundingState, loadFoundingState, pageContext, protocolName, workingCopy } from './founding.context.ts';
import { type AgendaItem, type FoundingData, type PageSlug, type ProtocolLanguage, toFoundingMeeting } from './founding.data.ts';
import { foundingProtocolDocument, protocolFileName } from './founding.documents.ts';
import { agendaRows, boardRows, currentAgenda, pagePrefill, savedValues, suggestedDecision } from './founding.prefill.ts';
import { findFinalisedVersion, listFinalised } from './founding.queries.ts';
import { type BoardRules, type Problem, validateMeeting } from './founding.rules.ts';
import type { FormInput } from './founding.schema.ts';

const canEdit = (state: FoundingState) => EDIT_ROLES.includes(state.role);

/** The founding meeting's start page: progress of the draft and the finalised protocols, for every member. */
export async function readFoundingOverview(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }) {
  const state = await loadFoundingState(deps, { ...opts, roles: ANY_ORG_ROLE });
  const versions = await listFinalised(deps.database.db, opts.organisationId);
  return {
    organisation: state.organisation,
    canEdit: canEdit(state),
    draft: state.draft
      ? {
          version: state.draft.version,
          answeredPages: state.draft.answeredPages,
          updatedAt: state.draft.updatedAt,
          problems: validateMeeting({
            data: state.draft.data,
            answeredPages: state.draft.answeredPages,
            rules: state.rules,
            today: state.today,
          }),
        }
      : null,
    finalised: state.finalised ? toFoundingMeeting(state.finalised) : null,
    finalisedByName: state.finalised?.finalisedByName ?? null,
    versions,
    statutesVersion: state.facts.statutes?.version ?? null,
  };
}

export interface PageView {
  organisation: { id: string; name: string };
  page: PageSlug;
  /** What the inputs show. */
  values: FormInput;
  /** Fields showing a value the platform knew, with where it came from. */
  prefilled: Record<string, PrefillSource>;
  members: { userId: string; name: string }[];
  attendees: string[];
  agenda: AgendaItem[];
  agendaRows: number;
  boardRows: number;
  rules: BoardRules;
  language: ProtocolLanguage;
  hasStatutes: boolean;
}

/**
 * A question page as it first shows: the saved answers, or — before the page is answered — what the
 * platform knows (prefilled) and the standard agenda and suggested decisions. Null when the protocol is
 * finalised and no draft is open: the page is read-only then, and the person is sent to reopen it.
 */
export async function readFoundingPage(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; page: PageSlug; uiLang: string },
): Promise<PageView | null> {
  const state = await loadFoundingState(deps, { user: opts.user, organisationId: opts.organisationId, roles: EDIT_ROLES });
  if (!state.draft && state.finalised) return null;
  const { data, language } = workingCopy(state, opts.uiLang);
  const answered = state.draft?.answeredPages.includes(opts.page) ?? false;
  const prefill = answered ? {} : pagePrefill(opts.page, state.facts);
  const memberIds = new Set(state.facts.members.map((m) => m.userId));
  const values = answered ? savedValues(opts.page, data, language, memberIds) : initialValues(opts.page, data, language, prefill);
  if (opts.page === 'vedtak') Object.assign(values, decisionValues(state, data, language));
  return pageView(state, opts.page, data, language, values, prefill);
}

/** The same page shown again with what was posted and its errors (nothing typed is lost). */
export async function readFoundingPageForErrors(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; page: PageSlug; uiLang: string; posted: FormInput },
): Promise<PageView> {
  const state = await loadFoundingState(deps, { user: opts.user, organisationId: opts.organisationId, roles: EDIT_ROLES });
  const { data, language } = workingCopy(state, opts.uiLang);
  return pageView(state, opts.page, data, language, opts.posted, {});
}

function pageView(
  state: FoundingState,
  page: PageSlug,
  data: FoundingData,
  language: ProtocolLanguage,
  values: FormInput,
  prefill: Record<string, { source: PrefillSource }>,
): PageView {
  const ctx = pageContext(state, data, language);
  const postedBoardRows = Object.keys(values).filter((k) => /^name-\d+$/.test(k)).length;
  const postedAgendaRows = Object.keys(values).filter((k) => /^item-\d+$/.test(k)).length;
  return {
    organisation: state.organisation,
    page,
    values,
    prefilled: Object.fromEntries(Object.entries(prefill).map(([field, p]) => [field, p.source])),
    members: ctx.members,
    attendees: ctx.attendees.map((a) => a.name),
    agenda: ctx.agenda,
    agendaRows: Math.max(agendaRows(ctx.agenda.length), postedAgendaRows),
    boardRows: Math.max(boardRows({ maxMembers: state.rules.maxMembers, filled: (data.board ?? []).length }), postedBoardRows),
    rules: state.rules,
    language,
    hasStatutes: state.facts.statutes !== null,
  };
}

function initialValues(
  page: PageSlug,
  data: FoundingData,
  language: ProtocolLanguage,
  prefill: Record<string, { value: string | null }>,
): FormInput {
  const values: FormInput = { ...savedValues(page, data, language) };
  if (page === 'sakliste') {
    for (const [i, item] of currentAgenda(data, language).entries()) values[`item-${i}`] = item.title;
  }
  for (const [field, p] of Object.entries(prefill)) if (p.value !== null) values[field] = p.value;
  return values;
}

/** Each agenda item's decision: the one saved, else the suggestion from what the meeting recorded. */
function decisionValues(state: FoundingState, data: FoundingData, language: ProtocolLanguage): FormInput {
  const opts = { organisationName: protocolName(state), statutesVersion: state.rules.statutesVersion };
  return Object.fromEntries(
    currentAgenda(data, language).map((item, i) => [`decision-${i}`, item.decision || suggestedDecision(item.key, data, language, opts)]),
  );
}

/** The check-answers page: the whole draft, what still stops it from being finalised, and its revision. */
export async function readCheckAnswers(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }) {
  const state = await loadFoundingState(deps, { user: opts.user, organisationId: opts.organisationId, roles: EDIT_ROLES });
  if (!state.draft) return null;
  const draft = state.draft;
  const problems: Problem[] = validateMeeting({
    data: draft.data,
    answeredPages: draft.answeredPages,
    rules: state.rules,
    today: state.today,
  });
  return {
    organisation: state.organisation,
    meeting: toFoundingMeeting(draft),
    answeredPages: draft.answeredPages,
    revision: draft.revision,
    problems,
    rules: state.rules,
    protocolName: protocolName(state),
    // The statutes version the protocol will name when finalised now (the current adopted statutes).
    statutesVersion: state.rules.statutesVersion,
    previousVersion: state.finalised?.version ?? null,
  };
}

/**
 * A finalised founding protocol as a document (the newest, or the version asked for), for every member.
 * It is rendered from the stored answers and the name written into it when it was finalised, so the
 * document does not change when the workspace does.
 */
export async function readFoundingProtocol(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; version?: number },
): Promise<{ document: DocumentModel; version: number; fileName: (ext: 'pdf' | 'html') => string }> {
  const state = await loadFoundingState(deps, { ...opts, roles: ANY_ORG_ROLE });
  const row =
    opts.version === undefined ? state.finalised : await findFinalisedVersion(deps.database.db, opts.organisationId, opts.version);
  if (!row?.organisationName) throw new AppError('not_found', 'founding.error.noProtocol');
  const name = row.organisationName;
  return {
    document: foundingProtocolDocument(toFoundingMeeting(row), name, row.language),
    version: row.version,
    fileName: (ext) => protocolFileName(name, row.version, ext),
  };
}
