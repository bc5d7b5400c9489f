import type { Context } from 'hono';
import { Hono } from 'hono';
import { requirePlatformRole } from '../../core/auth/access.ts';
import { AppError } from '../../core/errors.ts';
import { translateIssues } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { listMyOrganisations } from '../organisations/read-workspace.ts';
import type { LifeEventMapChange } from './life-event-map.changes.ts';
import {
  findPhase,
  findTask,
  type LifeEventMap,
  type Localised,
  type OutsideItem,
  type Owner,
  type Task,
} from './life-event-map.content.ts';
import { CompareView, EditorIndexView, HistoryView, OwnersEditView, PhaseEditView, TaskEditView } from './life-event-map.edit.views.tsx';
import {
  compareQuerySchema,
  type EditFormValues,
  editMetaSchema,
  fieldId,
  issueField,
  ownersFromForm,
  ownersToForm,
  phaseFromForm,
  phaseToForm,
  type RowMap,
  readEditForm,
  taskFromForm,
  taskToForm,
} from './life-event-map.schema.ts';
import { L, type MapMeta, OverviewView, PhaseView, phaseTitle, type Workspaces } from './life-event-map.views.tsx';
import { mapProposalRoutes } from './map-proposal.routes.tsx';
import { openProposalCount } from './map-proposal.ts';
import { type CurrentLifeEventMap, readCurrentLifeEventMap } from './read-life-event-map.ts';
import { compareLifeEventMapRevisions, readLifeEventMapHistory, UnknownRevisionError } from './read-life-event-map-history.ts';
import { MapValidationError, saveLifeEventMapRevision } from './save-life-event-map-revision.ts';

/**
 * The public life-event map (/livshendelse: overview and one page per phase, GOV.UK step-by-step) and its
 * editor for orchestrators (/livshendelse/rediger…, /livshendelse/historikk…). Every page works without
 * JavaScript: steps expand with <details>, "show all" is a link, the editor is plain forms.
 */
export function lifeEventMapRoutes() {
  const app = new Hono<AppEnv>();

  const meta = async (c: Context<AppEnv>, current: CurrentLifeEventMap, proposeTarget?: string): Promise<MapMeta> => ({
    revision: current.revision,
    updatedAt: current.updatedAt,
    canEdit: !!c.get('user')?.platformRoles.includes('orchestrator'),
    openProposals: await openProposalCount(c.get('deps')),
    proposeHref: c.get('user') ? `/livshendelse/forslag/ny${proposeTarget ? `?mal=${proposeTarget}` : ''}` : null,
  });

  app.get('/livshendelse', async (c) => {
    const current = await readCurrentLifeEventMap(c.get('deps').database.db);
    const m = await meta(c, current);
    return renderPage(c, {
      title: (v) => v.t('lem.title'),
      body: (v) => <OverviewView v={v} map={current.map} meta={m} />,
    });
  });

  // A stable address for a task wherever it sits on the map (the plan can link here without knowing the phase).
  app.get('/livshendelse/oppgave/:taskId', async (c) => {
    const current = await readCurrentLifeEventMap(c.get('deps').database.db);
    const found = findTask(current.map, c.req.param('taskId'));
    if (!found) throw new AppError('not_found', 'error.notFound.body');
    return c.redirect(found.href, 302);
  });

  // ---------- editor (orchestrators) ----------

  /** The map as it is now, for an orchestrator (403 for anyone else, before any input is looked at). */
  const forEditing = async (c: Context<AppEnv>) => {
    requirePlatformRole(c.get('user'), 'orchestrator');
    return readCurrentLifeEventMap(c.get('deps').database.db);
  };

  app.get('/livshendelse/rediger', async (c) => {
    const current = await forEditing(c);
    return renderPage(c, {
      title: (v) => v.t('lem.edit.title'),
      body: (v) => (
        <EditorIndexView v={v} map={current.map} revision={current.revision} notice={current.notice} latestStored={current.latestStored} />
      ),
    });
  });

  /**
   * Saves one change and redirects (303) to the editor, or gives back the errors by form field: the
   * form is shown again with everything the orchestrator typed.
   */
  const save = async (
    c: Context<AppEnv>,
    opts: {
      values: EditFormValues;
      change: LifeEventMapChange;
      base: (string | number)[];
      rows: RowMap;
      fieldFor?: (path: (string | number)[], fallback: string) => string;
      extraErrors?: Record<string, MessageKey>;
      rerender: (errors: Record<string, string>, status: 409 | 422, base: number) => Response | Promise<Response>;
    },
  ) => {
    const t = c.get('t');
    const meta = editMetaSchema.safeParse(opts.values.fields);
    if (!meta.success) throw new AppError('validation', 'lem.error.base');
    if (opts.extraErrors && Object.keys(opts.extraErrors).length > 0) {
      const errors = Object.fromEntries(Object.entries(opts.extraErrors).map(([k, key]) => [k, t(key)]));
      if (!meta.data.changeNote.trim()) errors.changeNote = t('lem.error.changeNoteRequired');
      return opts.rerender(errors, 422, meta.data.base);
    }
    try {
      const { revision } = await saveLifeEventMapRevision(c.get('deps'), {
        user: c.get('user'),
        baseRevision: meta.data.base,
        changeNote: meta.data.changeNote,
        change: opts.change,
      });
      setFlash(c, { key: 'lem.edit.saved', params: { n: revision }, kind: 'success' });
      return redirectAfterPost(c, '/livshendelse/rediger');
    } catch (error) {
      if (error instanceof MapValidationError) {
        const errors: Record<string, string> = {};
        for (const issue of error.issues) {
          const plain = issueField(issue.path, opts.base, opts.rows);
          const field = opts.fieldFor ? opts.fieldFor(issue.path, plain) : plain;
          errors[field] ??= t(issue.messageKey as MessageKey);
        }
        return opts.rerender(errors, 422, meta.data.base);
      }
      if (error instanceof AppError && error.code === 'conflict') {
        const latest = await readCurrentLifeEventMap(c.get('deps').database.db);
        return opts.rerender({ form: t('lem.error.conflict') }, 409, latest.latestStored);
      }
      throw error;
    }
  };

  const taskPage = (
    c: Context<AppEnv>,
    p: {
      map: LifeEventMap;
      phaseSlug: string;
      task: Task | null;
      values: EditFormValues;
      errors: Record<string, string>;
      base: number;
      action: string;
      status?: 409 | 422;
    },
  ) => {
    const found = findPhase(p.map, p.phaseSlug)!;
    return renderPage(c, {
      status: p.status,
      title: (v) =>
        p.task ? v.t('lem.edit.taskTitle', { task: L(v, p.task.title) }) : v.t('lem.edit.newTaskTitle', { phase: L(v, found.phase.title) }),
      body: (v) => (
        <TaskEditView
          v={v}
          map={p.map}
          phase={found.phase}
          phaseNumber={found.number}
          task={p.task}
          values={p.values}
          errors={p.errors}
          base={p.base}
          action={p.action}
        />
      ),
    });
  };

  app.get('/livshendelse/rediger/oppgave/:taskId', async (c) => {
    const current = await forEditing(c);
    const found = findTask(current.map, c.req.param('taskId'));
    if (!found) throw new AppError('not_found', 'error.notFound.body');
    return taskPage(c, {
      map: current.map,
      phaseSlug: found.phase.slug,
      task: found.task,
      values: taskToForm(found.task),
      errors: {},
      base: current.latestStored,
      action: `/livshendelse/rediger/oppgave/${found.task.id}`,
    });
  });

  app.post('/livshendelse/rediger/oppgave/:taskId', async (c) => {
    const current = await forEditing(c);
    const found = findTask(current.map, c.req.param('taskId'));
    if (!found) throw new AppError('not_found', 'error.notFound.body');
    const values = readEditForm(await c.req.parseBody({ all: true }));
    const { task, rows } = taskFromForm(values, found.task.id);
    const phaseIndex = found.phaseNumber - 1;
    return save(c, {
      values,
      change: { kind: 'task', taskId: found.task.id, task: task as Task },
      base: ['phases', phaseIndex, 'tasks', found.index],
      rows,
      rerender: (errors, status, base) =>
        taskPage(c, {
          map: current.map,
          phaseSlug: found.phase.slug,
          task: found.task,
          values,
          errors,
          base,
          status,
          action: `/livshendelse/rediger/oppgave/${found.task.id}`,
        }),
    });
  });

  app.post('/livshendelse/rediger/oppgave/:taskId/fjern', async (c) => {
    const current = await forEditing(c);
    const found = findTask(current.map, c.req.param('taskId'));
    if (!found) throw new AppError('not_found', 'error.notFound.body');
    const values = readEditForm(await c.req.parseBody({ all: true }));
    return save(c, {
      values,
      change: { kind: 'remove-task', taskId: found.task.id },
      base: [],
      rows: {},
      // The removal form has only the note; its errors are shown on the task's edit page.
      rerender: (errors, status, base) =>
        taskPage(c, {
          map: current.map,
          phaseSlug: found.phase.slug,
          task: found.task,
          values: taskToForm(found.task),
          errors: Object.fromEntries(Object.entries(errors).map(([k, m]) => [k === 'changeNote' ? 'remove-changeNote' : k, m])),
          base,
          status,
          action: `/livshendelse/rediger/oppgave/${found.task.id}`,
        }),
    });
  });

  const phaseFor = (map: LifeEventMap, slug: string) => {
    const found = findPhase(map, slug);
    if (!found) throw new AppError('not_found', 'error.notFound.body');
    return found;
  };

  app.get('/livshendelse/rediger/fase/:phase/ny-oppgave', async (c) => {
    const current = await forEditing(c);
    const { phase } = phaseFor(current.map, c.req.param('phase'));
    return taskPage(c, {
      map: current.map,
      phaseSlug: phase.slug,
      task: null,
      values: { fields: { relation: 'step', 'rules.0.certainty': 'uncertain' }, owners: [] },
      errors: {},
      base: current.latestStored,
      action: `/livshendelse/rediger/fase/${phase.slug}/ny-oppgave`,
    });
  });

  app.post('/livshendelse/rediger/fase/:phase/ny-oppgave', async (c) => {
    const current = await forEditing(c);
    const { phase, number } = phaseFor(current.map, c.req.param('phase'));
    const values = readEditForm(await c.req.parseBody({ all: true }));
    const id = (values.fields.id ?? '').trim();
    const { task, rows } = taskFromForm(values, id);
    return save(c, {
      values,
      change: { kind: 'add-task', phase: phase.slug, task: task as Task },
      base: ['phases', number - 1, 'tasks', phase.tasks.length],
      rows,
      rerender: (errors, status, base) =>
        taskPage(c, {
          map: current.map,
          phaseSlug: phase.slug,
          task: null,
          values,
          errors,
          base,
          status,
          action: `/livshendelse/rediger/fase/${phase.slug}/ny-oppgave`,
        }),
    });
  });

  const phasePage = (
    c: Context<AppEnv>,
    p: { map: LifeEventMap; slug: string; values: EditFormValues; errors: Record<string, string>; base: number; status?: 409 | 422 },
  ) => {
    const { phase, number } = phaseFor(p.map, p.slug);
    return renderPage(c, {
      status: p.status,
      title: (v) => v.t('lem.edit.phaseTitle', { phase: phaseTitle(v, phase, number) }),
      body: (v) => <PhaseEditView v={v} phase={phase} phaseNumber={number} values={p.values} errors={p.errors} base={p.base} />,
    });
  };

  app.get('/livshendelse/rediger/fase/:phase', async (c) => {
    const current = await forEditing(c);
    const { phase } = phaseFor(current.map, c.req.param('phase'));
    return phasePage(c, { map: current.map, slug: phase.slug, values: phaseToForm(phase), errors: {}, base: current.latestStored });
  });

  app.post('/livshendelse/rediger/fase/:phase', async (c) => {
    const current = await forEditing(c);
    const { phase, number } = phaseFor(current.map, c.req.param('phase'));
    const values = readEditForm(await c.req.parseBody({ all: true }));
    const form = phaseFromForm(values, phase);
    const firstOrderField = fieldId(['order', form.order[0] ?? '']);
    return save(c, {
      values,
      change: {
        kind: 'phase',
        phase: phase.slug,
        title: form.title as Localised,
        summary: form.summary as Localised,
        order: form.order,
        outside: form.outside as OutsideItem[],
      },
      base: ['phases', number - 1],
      rows: form.rows,
      // A task's own problems (an "and" that came first) belong to the order fields of this form.
      fieldFor: (path, plain) => (path[2] === 'tasks' ? firstOrderField : plain),
      extraErrors: Object.fromEntries(form.orderErrors.map((i) => [fieldId(i.path), i.messageKey as MessageKey])),
      rerender: (errors, status, base) => phasePage(c, { map: current.map, slug: phase.slug, values, errors, base, status }),
    });
  });

  const ownersPage = (
    c: Context<AppEnv>,
    p: { values: EditFormValues; errors: Record<string, string>; base: number; status?: 409 | 422 },
  ) =>
    renderPage(c, {
      status: p.status,
      title: (v) => v.t('lem.owners.title'),
      body: (v) => <OwnersEditView v={v} values={p.values} errors={p.errors} base={p.base} />,
    });

  app.get('/livshendelse/rediger/aktorer', async (c) => {
    const current = await forEditing(c);
    return ownersPage(c, { values: ownersToForm(current.map.owners), errors: {}, base: current.latestStored });
  });

  app.post('/livshendelse/rediger/aktorer', async (c) => {
    const current = await forEditing(c);
    const values = readEditForm(await c.req.parseBody({ all: true }));
    const { owners, rows } = ownersFromForm(values);
    // An owner a task still names cannot be removed: say so on that owner's row.
    const kept = new Set((owners as Owner[]).map((o) => o.id));
    const used = new Set(current.map.phases.flatMap((p) => p.tasks.flatMap((t) => t.owners)));
    const inUse: Record<string, MessageKey> = {};
    for (const [key, id] of Object.entries(values.fields)) {
      const m = /^owners\.(\d+)\.id$/.exec(key);
      if (m && !kept.has(id) && used.has(id)) inUse[fieldId(['owners', m[1]!, 'name', 'nb'])] = 'lem.error.ownerInUse';
    }
    return save(c, {
      values,
      change: { kind: 'owners', owners: owners as Owner[] },
      base: [],
      rows: { owners: rows },
      // A new owner's id is typed in the "newId" field.
      fieldFor: (path, plain) => (path[0] === 'owners' && path[2] === 'id' ? plain.replace(/-id$/, '-newId') : plain),
      extraErrors: inUse,
      rerender: (errors, status, base) => ownersPage(c, { values, errors, base, status }),
    });
  });

  // ---------- history ----------

  app.get('/livshendelse/historikk', async (c) => {
    const revisions = await readLifeEventMapHistory(c.get('deps'), { user: c.get('user') });
    return renderPage(c, { title: (v) => v.t('lem.history.title'), body: (v) => <HistoryView v={v} revisions={revisions} /> });
  });

  app.get('/livshendelse/historikk/sammenlign', async (c) => {
    const deps = c.get('deps');
    const user = c.get('user');
    const query = c.req.query();
    const parsed = compareQuerySchema.safeParse(query);
    const historyWithErrors = async (errors: Record<string, string>) => {
      const revisions = await readLifeEventMapHistory(deps, { user });
      return renderPage(c, {
        title: (v) => v.t('lem.history.title'),
        status: 400,
        body: (v) => <HistoryView v={v} revisions={revisions} errors={errors} fra={query.fra} til={query.til} />,
      });
    };
    if (!parsed.success) {
      requirePlatformRole(user, 'orchestrator', 'administrator');
      return historyWithErrors(translateIssues(parsed.error, c.get('t')));
    }
    try {
      const { sections, revisions } = await compareLifeEventMapRevisions(deps, { user, from: parsed.data.fra, to: parsed.data.til });
      return renderPage(c, {
        title: (v) => v.t('lem.history.title'),
        body: (v) => <CompareView v={v} from={parsed.data.fra} to={parsed.data.til} sections={sections} revisions={revisions} />,
      });
    } catch (error) {
      if (!(error instanceof UnknownRevisionError)) throw error;
      const t = c.get('t');
      return historyWithErrors(Object.fromEntries(Object.entries(error.fields).map(([k, key]) => [k, t(key as MessageKey)])));
    }
  });

  // ---------- change proposals (issue 5; map-proposal.routes.tsx), before the phase pages so "forslag" is no phase ----------

  app.route('/', mapProposalRoutes());

  // ---------- the phase pages (after the fixed paths above, so "rediger" and "historikk" are not phases) ----------

  app.get('/livshendelse/:phase', async (c) => {
    const deps = c.get('deps');
    const user = c.get('user');
    const current = await readCurrentLifeEventMap(deps.database.db);
    const found = findPhase(current.map, c.req.param('phase'));
    if (!found) throw new AppError('not_found', 'error.notFound.body');
    const workspaces: Workspaces = user ? (await listMyOrganisations(deps, { user })).map((o) => ({ id: o.id, name: o.name })) : null;
    const m = await meta(c, current, `fase:${found.phase.slug}`);
    return renderPage(c, {
      title: (v) => phaseTitle(v, found.phase, found.number),
      body: (v) => (
        <PhaseView
          v={v}
          map={current.map}
          phase={found.phase}
          number={found.number}
          showAll={c.req.query('vis') === 'alle'}
          workspaces={workspaces}
          meta={m}
        />
      ),
    });
  });

  return app;
}
