import { recordAudit } from '../../core/audit.ts';
import { requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ANY_ORG_ROLE, requireOrgRole } from '../../core/auth/org-access.ts';
import { changedFields } from '../../core/changes.ts';
import type { Db } from '../../core/db/client.ts';
import type { SurveyQuestion } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { isCoreGroupMember, requireCoreGroup } from '../ecosystem/ecosystem-access.ts';
import { moveStage } from '../portfolio/portfolio.domain.ts';
import { findInitiative } from '../portfolio/portfolio.queries.ts';
import type { Stage } from '../portfolio/portfolio.schema.ts';
import { CO_CREATOR_ORG_ROLES } from '../portfolio/portfolio-access.ts';
import {
  deleteParticipant,
  type ExperimentRow,
  findExperiment,
  findOpenExperimentOf,
  findSurvey,
  insertExperiment,
  insertExperimentHistory,
  insertParticipant,
  insertResponse,
  insertSurvey,
  isParticipant,
  listExperimentHistory,
  listExperimentRows,
  listParticipants,
  listResponses,
  listSurveys,
  membershipsOf,
  organisationName,
  updateExperiment,
} from './demonstrators.queries.ts';
import type { Decision, DecisionInput, ExperimentInput, ResultsInput, SurveyInput } from './demonstrators.schema.ts';

/**
 * Demonstrators (issue 5, item 7): an initiative in the demonstrator stage runs an experiment. The core group
 * starts and runs it (surveys, results, the decision); organisations opt in and out from their own workspace
 * (requireOrgRole leader/board member) and their members answer the surveys once each. The decision moves the
 * initiative in the portfolio (moveStage) in the same transaction; both histories record it, plus recordAudit.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where each decision moves the initiative: scale → skalering, adjust → utforsking, stop → stoppet. */
export const DECISION_STAGE: Record<Decision, Stage> = { scale: 'scaling', adjust: 'exploration', stop: 'stopped' };

async function loadExperiment(db: Db, id: string, forUpdate = false): Promise<ExperimentRow> {
  const row = UUID.test(id) ? await findExperiment(db, id, forUpdate) : undefined;
  if (!row) throw new AppError('not_found', 'error.notFound.body');
  return row;
}

async function history(
  db: Db,
  opts: { experimentId: string; action: string; changes: Record<string, unknown>; user: CurrentUser; at: Date; organisationId?: string },
) {
  await insertExperimentHistory(db, {
    experimentId: opts.experimentId,
    action: opts.action,
    changes: opts.changes,
    actorUserId: opts.user.id,
    actorName: opts.user.name,
    createdAt: opts.at,
  });
  await recordAudit(db, {
    organisationId: opts.organisationId ?? null,
    actorUserId: opts.user.id,
    action: `demonstrator.${opts.action}`,
    details: { experimentId: opts.experimentId, ...opts.changes },
    at: opts.at,
  });
}

/** Every experiment with its initiative and participating organisations (public). */
export async function listExperiments(deps: Deps) {
  const [rows, participants] = await Promise.all([listExperimentRows(deps.database.db), listParticipants(deps.database.db)]);
  return rows.map((r) => ({ ...r, participants: participants.filter((p) => p.experimentId === r.experiment.id) }));
}

/** The core group starts an experiment for an initiative in the demonstrator stage (one open at a time). */
export async function startExperiment(deps: Deps, opts: { user: CurrentUser | null; input: ExperimentInput }): Promise<string> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  const { initiativeId, ...fields } = opts.input;
  const initiative = await findInitiative(deps.database.db, initiativeId);
  if (initiative?.stage !== 'demonstrator') throw new AppError('validation', 'demo.error.initiative', { field: 'initiativeId' });
  if (await findOpenExperimentOf(deps.database.db, initiativeId))
    throw new AppError('conflict', 'demo.error.alreadyOpen', { field: 'initiativeId' });
  const at = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const id = await insertExperiment(db, {
      initiativeId,
      ...fields,
      ownerUserId: user.id,
      ownerName: user.name,
      createdAt: at,
      updatedAt: at,
    });
    await history(db, { experimentId: id, action: 'created', changes: { initiativeId, ...fields }, user, at });
    return id;
  });
}

/**
 * The core group changes an undecided experiment's hypothesis, period and metrics (outcomes stay with their row).
 * The history keeps each changed field's before/after.
 */
export async function editExperiment(deps: Deps, opts: { user: CurrentUser | null; id: string; input: ExperimentInput }): Promise<void> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  const at = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const experiment = await loadExperiment(db, opts.id, true);
    if (experiment.decision) throw new AppError('conflict', 'demo.error.decided', { field: 'hypothesis' });
    if (opts.input.initiativeId !== experiment.initiativeId)
      throw new AppError('validation', 'demo.error.initiative', { field: 'initiativeId' });
    const metrics = opts.input.metrics.map((m, i) => ({ ...m, outcome: experiment.metrics[i]?.outcome ?? '' }));
    const label = (list: { name: string; target: string }[]) => list.map((m) => `${m.name} (${m.target})`);
    const changes = changedFields(
      {
        hypothesis: experiment.hypothesis,
        startDate: experiment.startDate,
        endDate: experiment.endDate,
        criteria: label(experiment.metrics),
      },
      { hypothesis: opts.input.hypothesis, startDate: opts.input.startDate, endDate: opts.input.endDate, criteria: label(metrics) },
    );
    if (Object.keys(changes).length === 0) return;
    await updateExperiment(db, experiment.id, {
      hypothesis: opts.input.hypothesis,
      startDate: opts.input.startDate,
      endDate: opts.input.endDate,
      metrics,
      updatedAt: at,
    });
    await history(db, { experimentId: experiment.id, action: 'updated', changes, user, at });
  });
}

/** Results and learning, and each metric's outcome; the history keeps every field's before/after. */
export async function recordResults(deps: Deps, opts: { user: CurrentUser | null; id: string; input: ResultsInput }): Promise<void> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  const at = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const experiment = await loadExperiment(db, opts.id, true);
    const metrics = experiment.metrics.map((m, i) => ({ ...m, outcome: opts.input.outcome[i] ?? m.outcome }));
    const changes = changedFields(
      { results: experiment.results, learning: experiment.learning, outcomes: experiment.metrics.map((m) => m.outcome) },
      { results: opts.input.results, learning: opts.input.learning, outcomes: metrics.map((m) => m.outcome) },
    );
    if (Object.keys(changes).length === 0) return;
    await updateExperiment(db, experiment.id, { results: opts.input.results, learning: opts.input.learning, metrics, updatedAt: at });
    await history(db, { experimentId: experiment.id, action: 'results_recorded', changes, user, at });
  });
}

/**
 * The decision: scale, adjust or stop, with a reason. Moves the initiative (scale → skalering, adjust →
 * utforsking, stop → stoppet with the reason) in the same transaction; recorded in both histories.
 */
export async function decide(deps: Deps, opts: { user: CurrentUser | null; id: string; input: DecisionInput }): Promise<string> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  const at = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const experiment = await loadExperiment(db, opts.id, true);
    if (experiment.decision) throw new AppError('conflict', 'demo.error.decided', { field: 'decision' });
    const { decision, reason } = opts.input;
    await updateExperiment(db, experiment.id, { decision, decisionReason: reason, decidedAt: at, updatedAt: at });
    await history(db, { experimentId: experiment.id, action: 'decided', changes: { decision: [null, decision], reason }, user, at });
    await moveStage(db, { id: experiment.initiativeId, stage: DECISION_STAGE[decision], reason, user, at, via: { decision } });
    return experiment.initiativeId;
  });
}

/** The core group adds a short survey (1–5 questions) for the participants. */
export async function addSurvey(deps: Deps, opts: { user: CurrentUser | null; id: string; input: SurveyInput }): Promise<string> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  const experiment = await loadExperiment(deps.database.db, opts.id);
  const at = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const surveyId = await insertSurvey(db, {
      experimentId: experiment.id,
      title: opts.input.title,
      questions: opts.input.questions,
      createdAt: at,
    });
    await history(db, { experimentId: experiment.id, action: 'survey_added', changes: { survey: [null, opts.input.title] }, user, at });
    return surveyId;
  });
}

/** A workspace's leader or board member opts the organisation in (join = true) or out of an open experiment. */
export async function setParticipation(
  deps: Deps,
  opts: { user: CurrentUser | null; id: string; organisationId: string; join: boolean },
): Promise<void> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: CO_CREATOR_ORG_ROLES });
  const experiment = await loadExperiment(deps.database.db, opts.id);
  if (experiment.decision) throw new AppError('conflict', 'demo.error.decided');
  const name = (await organisationName(deps.database.db, opts.organisationId)) ?? '';
  const at = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const changed = opts.join
      ? await insertParticipant(db, {
          experimentId: experiment.id,
          organisationId: opts.organisationId,
          optedInByUserId: user.id,
          createdAt: at,
        })
      : await deleteParticipant(db, experiment.id, opts.organisationId);
    if (!changed) return;
    await history(db, {
      experimentId: experiment.id,
      action: opts.join ? 'opted_in' : 'opted_out',
      changes: { participant: opts.join ? [null, name] : [name, null] },
      user,
      at,
      organisationId: opts.organisationId,
    });
  });
}

export type Answer = number | string;

/** Checks answers against the survey's questions: a scale needs 1–5; free text up to 2000 characters. */
export function checkAnswers(
  questions: SurveyQuestion[],
  raw: Record<string, string | undefined>,
): { answers: Answer[] } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const answers = questions.map((q, i): Answer => {
    const value = (raw[`q${i}`] ?? '').trim();
    if (q.kind === 'scale') {
      if (!/^[1-5]$/.test(value)) errors[`q${i}`] = 'demo.error.scale';
      return Number(value);
    }
    if (value.length > 2000) errors[`q${i}`] = 'demo.error.answerText';
    return value;
  });
  return Object.keys(errors).length > 0 ? { errors } : { answers };
}

/**
 * A member of a participating organisation answers a survey, once per person. The organisation must take
 * part in the survey's experiment; invalid answers throw AppError('validation') with the per-question errors.
 */
export async function answerSurvey(
  deps: Deps,
  opts: { user: CurrentUser | null; surveyId: string; organisationId: string; raw: Record<string, string | undefined> },
): Promise<string> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  const survey = UUID.test(opts.surveyId) ? await findSurvey(deps.database.db, opts.surveyId) : undefined;
  if (!survey) throw new AppError('not_found', 'error.notFound.body');
  if (!(await isParticipant(deps.database.db, survey.experimentId, opts.organisationId)))
    throw new AppError('forbidden', 'error.forbidden.body');
  // A decided experiment is over: its surveys take no more answers.
  if ((await loadExperiment(deps.database.db, survey.experimentId)).decision) throw new AppError('conflict', 'demo.error.surveyClosed');
  const checked = checkAnswers(survey.questions, opts.raw);
  if ('errors' in checked) throw new AppError('validation', 'demo.error.answers', { errors: checked.errors });
  const at = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const inserted = await insertResponse(db, {
      surveyId: survey.id,
      organisationId: opts.organisationId,
      userId: user.id,
      answers: checked.answers,
      createdAt: at,
    });
    if (!inserted) throw new AppError('conflict', 'demo.error.answered');
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: 'demonstrator.survey_answered',
      details: { surveyId: survey.id, experimentId: survey.experimentId },
      at,
    });
  });
  return survey.experimentId;
}

export interface QuestionResult {
  prompt: string;
  kind: SurveyQuestion['kind'];
  /** Scale questions: how many answered 1..5, and the mean (null without answers). */
  distribution: number[];
  mean: number | null;
  /** Free-text questions: the non-empty answers. */
  texts: string[];
}

/** Aggregates responses per question (the core group's view; an organisation's view passes its own only). */
export function aggregate(questions: SurveyQuestion[], responses: { answers: Answer[] }[]): QuestionResult[] {
  return questions.map((q, i) => {
    const values = responses.map((r) => r.answers[i]);
    const scale = values.filter((x): x is number => typeof x === 'number' && x >= 1 && x <= 5);
    return {
      prompt: q.prompt,
      kind: q.kind,
      distribution: [1, 2, 3, 4, 5].map((n) => scale.filter((x) => x === n).length),
      mean: scale.length ? Math.round((scale.reduce((a, b) => a + b, 0) / scale.length) * 10) / 10 : null,
      texts: values.filter((x): x is string => typeof x === 'string' && x.length > 0),
    };
  });
}

/**
 * The experiment's page. Everyone sees the experiment and its participants; the core group sees every
 * survey's aggregated results; a member of a participating organisation sees only that organisation's answers
 * and may answer each survey once.
 */
export async function readExperiment(deps: Deps, opts: { user: CurrentUser | null; id: string }) {
  const db = deps.database.db;
  const experiment = await loadExperiment(db, opts.id);
  const [initiative, participants, surveys, historyRows, coreGroup, mine] = await Promise.all([
    findInitiative(db, experiment.initiativeId),
    listParticipants(db),
    listSurveys(db, experiment.id),
    listExperimentHistory(db, experiment.id),
    isCoreGroupMember(deps, { user: opts.user }),
    opts.user ? membershipsOf(db, opts.user.id) : Promise.resolve([]),
  ]);
  const taking = participants.filter((p) => p.experimentId === experiment.id);
  const myParticipating = mine.filter((m) => taking.some((p) => p.organisationId === m.organisationId));
  const responses = await listResponses(
    db,
    surveys.map((s) => s.id),
  );
  const surveyViews = surveys.map((s) => {
    const own = responses.filter((r) => r.surveyId === s.id);
    return {
      survey: s,
      responses: own.length,
      answered: !!opts.user && own.some((r) => r.userId === opts.user!.id),
      all: coreGroup ? aggregate(s.questions, own) : null,
      byOrganisation: myParticipating.map((m) => ({
        organisationId: m.organisationId,
        name: m.name,
        results: aggregate(
          s.questions,
          own.filter((r) => r.organisationId === m.organisationId),
        ),
        count: own.filter((r) => r.organisationId === m.organisationId).length,
      })),
    };
  });
  return {
    experiment,
    initiative: initiative!,
    participants: taking,
    surveys: surveyViews,
    history: historyRows,
    canRun: coreGroup,
    myParticipating,
  };
}

/** A survey and the organisations the user may answer it for (participating workspaces they are a member of). */
export async function readSurveyForAnswer(deps: Deps, opts: { user: CurrentUser | null; surveyId: string }) {
  const user = requireUser(opts.user);
  const survey = UUID.test(opts.surveyId) ? await findSurvey(deps.database.db, opts.surveyId) : undefined;
  if (!survey) throw new AppError('not_found', 'error.notFound.body');
  const [participants, mine, responses] = await Promise.all([
    listParticipants(deps.database.db),
    membershipsOf(deps.database.db, user.id),
    listResponses(deps.database.db, [survey.id]),
  ]);
  const organisations = mine.filter((m) =>
    participants.some((p) => p.experimentId === survey.experimentId && p.organisationId === m.organisationId),
  );
  if (organisations.length === 0) throw new AppError('forbidden', 'error.forbidden.body');
  return { survey, organisations, answered: responses.some((r) => r.userId === user.id) };
}

/** The workspace's demonstrators panel: open experiments, whether the organisation takes part, who may change it. */
export async function readWorkspaceDemonstrators(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }) {
  const { role } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  const name = (await organisationName(deps.database.db, opts.organisationId)) ?? '';
  const all = await listExperiments(deps);
  const experiments = all
    .filter((e) => !e.experiment.decision || e.participants.some((p) => p.organisationId === opts.organisationId))
    .map((e) => ({ ...e, participating: e.participants.some((p) => p.organisationId === opts.organisationId) }));
  return { organisation: { id: opts.organisationId, name }, canManage: CO_CREATOR_ORG_ROLES.includes(role), experiments };
}
