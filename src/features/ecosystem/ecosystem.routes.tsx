import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireUser } from '../../core/auth/access.ts';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { addActorPerson, createActor, removeActorPerson, updateActor } from './actors.ts';
import { createDecision, createMeeting, updateDecision, updateMeeting } from './core-group.ts';
import {
  findActor,
  findDecision,
  findMeeting,
  listActorPeople,
  listActors,
  listCoreGroupActors,
  listDecisions,
  listHistory,
  listMeetings,
} from './ecosystem.queries.ts';
import {
  actorFilterSchema,
  actorFormSchema,
  decisionFormSchema,
  meetingFormSchema,
  missionFormSchema,
  personFormSchema,
  signFormSchema,
} from './ecosystem.schema.ts';
import {
  ActorFormView,
  ActorsListView,
  ActorView,
  actorToValues,
  type CoreGroupData,
  CoreGroupView,
  EditRecordView,
  OverviewView,
} from './ecosystem.views.tsx';
import { actorsOfUser, isCoreGroupMember, isOrchestrator, requireCoreGroup, requireOrchestrator } from './ecosystem-access.ts';
import { type MissionVersion, readMissionVersions, readSignatories, saveMissionVersion, signMission } from './mission.ts';
import { MissionView } from './mission.views.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A domain validation error that belongs to one form field (AppError details.field). */
function fieldError(c: Context<AppEnv>, err: unknown): Record<string, string> | null {
  if (err instanceof AppError && err.code === 'validation' && typeof err.details?.field === 'string') {
    return { [err.details.field]: c.get('t')(err.messageKey as MessageKey) };
  }
  return null;
}

/**
 * The ecosystem (issue 5): the overview of the eight elements (/okosystem), the actors register
 * (/okosystem/aktorer) and the core group's meetings and decisions (/okosystem/kjernegruppe). Reads are
 * public; writes are plain forms (POST–redirect–GET) guarded by the domain functions.
 */
export function ecosystemRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/okosystem', (c) => renderPage(c, { title: (v) => v.t('eco.title'), body: (v) => <OverviewView v={v} /> }));

  // ---------- actors ----------

  app.get('/okosystem/aktorer', async (c) => {
    const filter = actorFilterSchema.parse({ type: c.req.query('type') || undefined, rolle: c.req.query('rolle') || undefined });
    const actors = await listActors(c.get('deps').database.db, { kind: filter.type, role: filter.rolle });
    return renderPage(c, {
      title: (v) => v.t('eco.actors.title'),
      body: (v) => <ActorsListView v={v} actors={actors} filter={filter} canEdit={isOrchestrator(c.get('user'))} />,
    });
  });

  const renderActorForm = (
    c: Context<AppEnv>,
    opts: { actorId?: string; values: Record<string, string>; errors: Record<string, string> },
  ) =>
    renderPage(c, {
      title: (v) => (opts.actorId ? v.t('eco.actor.edit') : v.t('eco.actors.new')),
      status: Object.keys(opts.errors).length ? 422 : 200,
      body: (v) => (
        <ActorFormView
          v={v}
          action={opts.actorId ? `/okosystem/aktorer/${opts.actorId}/endre` : '/okosystem/aktorer/ny'}
          heading={opts.actorId ? v.t('eco.actor.edit') : v.t('eco.actors.new')}
          values={opts.values}
          errors={opts.errors}
        />
      ),
    });

  app.get('/okosystem/aktorer/ny', (c) => {
    requireOrchestrator(c.get('user'));
    return renderActorForm(c, { values: {}, errors: {} });
  });

  app.post('/okosystem/aktorer/ny', async (c) => {
    requireOrchestrator(c.get('user'));
    const form = await parseForm(c, actorFormSchema);
    if (!form.ok) return renderActorForm(c, { values: form.values, errors: form.errors });
    try {
      const { id } = await createActor(c.get('deps'), { user: c.get('user'), form: form.data });
      setFlash(c, { key: 'eco.actor.created', kind: 'success' });
      return redirectAfterPost(c, `/okosystem/aktorer/${id}`);
    } catch (err) {
      const errors = fieldError(c, err);
      if (errors) return renderActorForm(c, { values: form.values, errors });
      throw err;
    }
  });

  const loadActor = async (c: Context<AppEnv>) => {
    const id = c.req.param('id') ?? '';
    const actor = UUID.test(id) ? await findActor(c.get('deps').database.db, id) : null;
    if (!actor) throw new AppError('not_found', 'error.notFound.body');
    return actor;
  };

  const renderActor = async (
    c: Context<AppEnv>,
    actor: Awaited<ReturnType<typeof loadActor>>,
    person?: { values: Record<string, string>; errors: Record<string, string> },
  ) => {
    const people = await listActorPeople(c.get('deps').database.db, actor.id);
    return renderPage(c, {
      title: actor.name,
      status: person ? 422 : 200,
      body: (v) => (
        <ActorView
          v={v}
          actor={actor}
          people={people}
          canEdit={isOrchestrator(c.get('user'))}
          personErrors={person?.errors}
          personValues={person?.values}
        />
      ),
    });
  };

  app.get('/okosystem/aktorer/:id', async (c) => renderActor(c, await loadActor(c)));

  app.get('/okosystem/aktorer/:id/endre', async (c) => {
    requireOrchestrator(c.get('user'));
    const actor = await loadActor(c);
    return renderActorForm(c, { actorId: actor.id, values: actorToValues(actor), errors: {} });
  });

  app.post('/okosystem/aktorer/:id/endre', async (c) => {
    requireOrchestrator(c.get('user'));
    const actor = await loadActor(c);
    const form = await parseForm(c, actorFormSchema);
    if (!form.ok) return renderActorForm(c, { actorId: actor.id, values: form.values, errors: form.errors });
    try {
      await updateActor(c.get('deps'), { user: c.get('user'), actorId: actor.id, form: form.data });
      setFlash(c, { key: 'eco.actor.updated', kind: 'success' });
      return redirectAfterPost(c, `/okosystem/aktorer/${actor.id}`);
    } catch (err) {
      const errors = fieldError(c, err);
      if (errors) return renderActorForm(c, { actorId: actor.id, values: form.values, errors });
      throw err;
    }
  });

  app.post('/okosystem/aktorer/:id/personer', async (c) => {
    requireOrchestrator(c.get('user'));
    const actor = await loadActor(c);
    const form = await parseForm(c, personFormSchema);
    if (!form.ok) return renderActor(c, actor, { values: form.values, errors: form.errors });
    try {
      await addActorPerson(c.get('deps'), { user: c.get('user'), actorId: actor.id, email: form.data.email, title: form.data.title });
      setFlash(c, { key: 'eco.person.added', kind: 'success' });
      return redirectAfterPost(c, `/okosystem/aktorer/${actor.id}`);
    } catch (err) {
      const errors = fieldError(c, err);
      if (errors) return renderActor(c, actor, { values: form.values, errors });
      throw err;
    }
  });

  app.post('/okosystem/aktorer/:id/personer/:userId/fjern', async (c) => {
    await removeActorPerson(c.get('deps'), { user: c.get('user'), actorId: c.req.param('id'), userId: c.req.param('userId') });
    setFlash(c, { key: 'eco.person.removed', kind: 'success' });
    return redirectAfterPost(c, `/okosystem/aktorer/${c.req.param('id')}`);
  });

  // ---------- core group: meetings and decisions ----------

  const coreGroupData = async (c: Context<AppEnv>): Promise<CoreGroupData> => {
    const db = c.get('deps').database.db;
    const [members, meetings, decisions, history] = [
      await listCoreGroupActors(db),
      await listMeetings(db),
      await listDecisions(db),
      await listHistory(db, ['meeting', 'decision'], 20),
    ];
    return { members, meetings, decisions, history };
  };

  const renderCoreGroup = async (
    c: Context<AppEnv>,
    forms: {
      meetingForm?: { values: Record<string, string>; errors: Record<string, string> };
      decisionForm?: { values: Record<string, string>; errors: Record<string, string> };
    } = {},
  ) => {
    const data = await coreGroupData(c);
    const canEdit = await isCoreGroupMember(c.get('deps'), { user: c.get('user') });
    return renderPage(c, {
      title: (v) => v.t('eco.core.title'),
      status: forms.meetingForm || forms.decisionForm ? 422 : 200,
      body: (v) => <CoreGroupView v={v} data={data} canEdit={canEdit} {...forms} />,
    });
  };

  app.get('/okosystem/kjernegruppe', (c) => renderCoreGroup(c));

  app.post('/okosystem/kjernegruppe/beslutninger', async (c) => {
    // The guard comes before the input is looked at: a non-member gets 403, never the form's errors.
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const form = await parseForm(c, decisionFormSchema);
    if (!form.ok) {
      return renderCoreGroup(c, { decisionForm: { values: form.values, errors: form.errors } });
    }
    try {
      await createDecision(c.get('deps'), { user: c.get('user'), form: form.data });
      setFlash(c, { key: 'eco.core.decision.added', kind: 'success' });
      return redirectAfterPost(c, '/okosystem/kjernegruppe#beslutninger');
    } catch (err) {
      const errors = fieldError(c, err);
      if (errors) return renderCoreGroup(c, { decisionForm: { values: form.values, errors } });
      throw err;
    }
  });

  app.post('/okosystem/kjernegruppe/moter', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const form = await parseForm(c, meetingFormSchema);
    if (!form.ok) {
      return renderCoreGroup(c, { meetingForm: { values: form.values, errors: form.errors } });
    }
    await createMeeting(c.get('deps'), { user: c.get('user'), form: form.data });
    setFlash(c, { key: 'eco.core.meeting.added', kind: 'success' });
    return redirectAfterPost(c, '/okosystem/kjernegruppe#moter');
  });

  // ---------- editing a meeting or a decision (core group; every change goes to the history) ----------

  const renderEdit = async (
    c: Context<AppEnv>,
    opts: { kind: 'decision' | 'meeting'; id: string; values: Record<string, string>; errors: Record<string, string> },
  ) => {
    const meetings = await listMeetings(c.get('deps').database.db);
    return renderPage(c, {
      title: (v) => (opts.kind === 'decision' ? v.t('eco.core.decision.editTitle') : v.t('eco.core.meeting.editTitle')),
      status: Object.keys(opts.errors).length ? 422 : 200,
      body: (v) => <EditRecordView v={v} kind={opts.kind} id={opts.id} meetings={meetings} values={opts.values} errors={opts.errors} />,
    });
  };

  const loadDecision = async (c: Context<AppEnv>) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const id = c.req.param('id') ?? '';
    const row = UUID.test(id) ? await findDecision(c.get('deps').database.db, id) : null;
    if (!row) throw new AppError('not_found', 'error.notFound.body');
    return row;
  };

  const loadMeeting = async (c: Context<AppEnv>) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const id = c.req.param('id') ?? '';
    const row = UUID.test(id) ? await findMeeting(c.get('deps').database.db, id) : null;
    if (!row) throw new AppError('not_found', 'error.notFound.body');
    return row;
  };

  app.get('/okosystem/kjernegruppe/beslutninger/:id/endre', async (c) => {
    const d = await loadDecision(c);
    const values = { decidedOn: d.decidedOn, what: d.what, why: d.why, decidedBy: d.decidedBy, meetingId: d.meetingId ?? '' };
    return renderEdit(c, { kind: 'decision', id: d.id, values, errors: {} });
  });

  app.post('/okosystem/kjernegruppe/beslutninger/:id/endre', async (c) => {
    const d = await loadDecision(c);
    const form = await parseForm(c, decisionFormSchema);
    if (!form.ok) return renderEdit(c, { kind: 'decision', id: d.id, values: form.values, errors: form.errors });
    try {
      await updateDecision(c.get('deps'), { user: c.get('user'), decisionId: d.id, form: form.data });
    } catch (err) {
      const errors = fieldError(c, err);
      if (errors) return renderEdit(c, { kind: 'decision', id: d.id, values: form.values, errors });
      throw err;
    }
    setFlash(c, { key: 'eco.core.decision.saved', kind: 'success' });
    return redirectAfterPost(c, '/okosystem/kjernegruppe#beslutninger');
  });

  app.get('/okosystem/kjernegruppe/moter/:id/endre', async (c) => {
    const m = await loadMeeting(c);
    return renderEdit(c, {
      kind: 'meeting',
      id: m.id,
      values: { meetingDate: m.meetingDate, title: m.title, agenda: m.agenda, minutes: m.minutes },
      errors: {},
    });
  });

  app.post('/okosystem/kjernegruppe/moter/:id/endre', async (c) => {
    const m = await loadMeeting(c);
    const form = await parseForm(c, meetingFormSchema);
    if (!form.ok) return renderEdit(c, { kind: 'meeting', id: m.id, values: form.values, errors: form.errors });
    await updateMeeting(c.get('deps'), { user: c.get('user'), meetingId: m.id, form: form.data });
    setFlash(c, { key: 'eco.core.meeting.saved', kind: 'success' });
    return redirectAfterPost(c, `/okosystem/kjernegruppe#mote-${m.id}`);
  });

  // ---------- mission narrative and principles (versioned, owned by the orchestrator; actors sign on) ----------

  const renderMission = async (
    c: Context<AppEnv>,
    opts: { number?: number; edit?: { values: Record<string, string>; errors: Record<string, string> } } = {},
  ) => {
    const deps = c.get('deps');
    const versions = await readMissionVersions(deps.database.db);
    const shown: MissionVersion | undefined = opts.number === undefined ? versions[0] : versions.find((v) => v.number === opts.number);
    if (!shown) throw new AppError('not_found', 'error.notFound.body');
    const signatories = await readSignatories(deps.database.db);
    const signed = new Set(signatories.map((s) => s.actorId));
    const mine = await actorsOfUser(deps, { user: c.get('user') });
    return renderPage(c, {
      title: (v) => v.t('eco.mission.title'),
      status: opts.edit ? 422 : 200,
      body: (v) => (
        <MissionView
          v={v}
          versions={versions}
          shown={shown}
          signatories={signatories}
          canSignFor={mine.filter((a) => !signed.has(a.actorId)).map((a) => ({ actorId: a.actorId, name: a.name }))}
          canEdit={isOrchestrator(c.get('user'))}
          edit={opts.edit}
        />
      ),
    });
  };

  app.get('/okosystem/oppdrag', (c) => renderMission(c));

  app.get('/okosystem/oppdrag/versjoner/:n', (c) => {
    const n = c.req.param('n');
    if (!/^\d{1,6}$/.test(n)) throw new AppError('not_found', 'error.notFound.body');
    return renderMission(c, { number: Number(n) });
  });

  app.post('/okosystem/oppdrag', async (c) => {
    requireOrchestrator(c.get('user'));
    const form = await parseForm(c, missionFormSchema);
    if (!form.ok) return renderMission(c, { edit: { values: form.values, errors: form.errors } });
    try {
      const { number } = await saveMissionVersion(c.get('deps'), { user: c.get('user'), ...form.data });
      setFlash(c, { key: 'eco.mission.saved', params: { n: number }, kind: 'success' });
      return redirectAfterPost(c, '/okosystem/oppdrag');
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') {
        return renderMission(c, { edit: { values: form.values, errors: { narrative: c.get('t')('eco.mission.error.stale') } } });
      }
      throw err;
    }
  });

  app.post('/okosystem/oppdrag/signer', async (c) => {
    requireUser(c.get('user'));
    const form = await parseForm(c, signFormSchema);
    if (!form.ok) throw new AppError('forbidden', 'error.forbidden.body');
    await signMission(c.get('deps'), { user: c.get('user'), actorId: form.data.actorId });
    setFlash(c, { key: 'eco.mission.signed', kind: 'success' });
    return redirectAfterPost(c, '/okosystem/oppdrag');
  });

  return app;
}
