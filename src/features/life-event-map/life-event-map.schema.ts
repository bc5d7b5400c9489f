import { z } from 'zod';
import type { Localised, OutsideItem, Owner, Phase, Task } from './life-event-map.content.ts';
import type { MapIssue } from './save-life-event-map-revision.ts';

/**
 * The editor's forms. Field names are the content's own paths ("title.nb", "rules.0.url"), so the content
 * schema (life-event-map.content.ts) is the one schema that parses an edit, names its errors and documents
 * the shape; these helpers only turn form fields into content and zod paths back into form fields.
 * Repeating rows (rules, links, "outside" items) come with blank rows to fill in; a row left blank is
 * dropped, and clearing a row removes it.
 */

export type FormValues = Record<string, string>;

/** A form's values: the text fields by dotted name, and the owners ticked (a repeated checkbox field). */
export interface EditFormValues {
  fields: FormValues;
  owners: string[];
}

/** Reads a parsed body ({ all: true }) into text fields and the repeated "owners" field. */
export function readEditForm(body: Record<string, unknown>): EditFormValues {
  const fields: FormValues = {};
  const owners: string[] = [];
  for (const [key, raw] of Object.entries(body)) {
    if (key === '_csrf') continue;
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    if (key === 'owners') owners.push(...values);
    else if (values[0] !== undefined) fields[key] = values[0];
  }
  return { fields, owners };
}

/** The id of a form field for a path: "rules.0.title.nb" → "rules-0-title-nb" (what the error summary links to). */
export function fieldId(path: (string | number)[]): string {
  return path.join('-');
}

const blank = (v: string | undefined) => (v ?? '').trim() === '';

function localisedFrom(fields: FormValues, name: string, optional: boolean): Localised | undefined | Record<string, string> {
  const nb = fields[`${name}.nb`] ?? '';
  const nn = fields[`${name}.nn`] ?? '';
  if (optional && blank(nb) && blank(nn)) return undefined;
  return { nb, nn };
}

/** Indices of the rows named `${prefix}.<i>.…` that have any text, in order, so errors can point at the row shown. */
function filledRows(fields: FormValues, prefix: string, textKeys: string[]): number[] {
  const indices = new Set<number>();
  for (const key of Object.keys(fields)) {
    const m = new RegExp(`^${prefix}\\.(\\d{1,2})\\.`).exec(key);
    if (m) indices.add(Number(m[1]));
  }
  return [...indices].sort((a, b) => a - b).filter((i) => textKeys.some((k) => !blank(fields[`${prefix}.${i}.${k}`])));
}

/** Row numbers as shown in the form for each kept row, by list name: errors on kept row k belong to shown row rows[list][k]. */
export type RowMap = Record<string, number[]>;

/** A task from the task form (not yet validated: the map schema does that). */
export function taskFromForm(values: EditFormValues, id: string): { task: unknown; rows: RowMap } {
  const f = values.fields;
  const ruleRows = filledRows(f, 'rules', ['title.nb', 'title.nn', 'url', 'note.nb', 'note.nn']);
  const linkRows = filledRows(f, 'links', ['label.nb', 'label.nn', 'href']);
  const toolEmpty = blank(f['tool.path']) && blank(f['tool.label.nb']) && blank(f['tool.label.nn']);
  const task = {
    id,
    relation: f.relation,
    title: localisedFrom(f, 'title', false),
    summary: localisedFrom(f, 'summary', false),
    appliesWhen: localisedFrom(f, 'appliesWhen', true),
    owners: values.owners,
    rules: ruleRows.map((i) => ({
      title: localisedFrom(f, `rules.${i}.title`, false),
      url: blank(f[`rules.${i}.url`]) ? undefined : f[`rules.${i}.url`],
      certainty: f[`rules.${i}.certainty`],
      note: localisedFrom(f, `rules.${i}.note`, true),
    })),
    cost: localisedFrom(f, 'cost', false),
    duration: localisedFrom(f, 'duration', false),
    links: linkRows.map((i) => ({ label: localisedFrom(f, `links.${i}.label`, false), href: f[`links.${i}.href`] ?? '' })),
    tool: toolEmpty ? undefined : { path: f['tool.path'] ?? '', label: localisedFrom(f, 'tool.label', false) },
    caveat: localisedFrom(f, 'caveat', true),
  };
  return { task, rows: { rules: ruleRows, links: linkRows } };
}

function putLocalised(out: FormValues, name: string, value: Localised | undefined) {
  if (!value) return;
  out[`${name}.nb`] = value.nb;
  out[`${name}.nn`] = value.nn;
}

export function taskToForm(task: Task): EditFormValues {
  const f: FormValues = { id: task.id, relation: task.relation };
  putLocalised(f, 'title', task.title);
  putLocalised(f, 'summary', task.summary);
  putLocalised(f, 'appliesWhen', task.appliesWhen);
  task.rules.forEach((rule, i) => {
    putLocalised(f, `rules.${i}.title`, rule.title);
    if (rule.url) f[`rules.${i}.url`] = rule.url;
    f[`rules.${i}.certainty`] = rule.certainty;
    putLocalised(f, `rules.${i}.note`, rule.note);
  });
  putLocalised(f, 'cost', task.cost);
  putLocalised(f, 'duration', task.duration);
  task.links.forEach((link, i) => {
    putLocalised(f, `links.${i}.label`, link.label);
    f[`links.${i}.href`] = link.href;
  });
  if (task.tool) {
    f['tool.path'] = task.tool.path;
    putLocalised(f, 'tool.label', task.tool.label);
  }
  putLocalised(f, 'caveat', task.caveat);
  return { fields: f, owners: [...task.owners] };
}

function outsideFromForm(f: FormValues): { items: unknown[]; rows: number[] } {
  const rows = filledRows(f, 'outside', ['title.nb', 'title.nn', 'body.nb', 'body.nn', 'link.label.nb', 'link.label.nn', 'link.href']);
  const items = rows.map((i) => {
    const p = `outside.${i}`;
    const linkEmpty = blank(f[`${p}.link.href`]) && blank(f[`${p}.link.label.nb`]) && blank(f[`${p}.link.label.nn`]);
    return {
      title: localisedFrom(f, `${p}.title`, false),
      body: localisedFrom(f, `${p}.body`, false),
      link: linkEmpty ? undefined : { label: localisedFrom(f, `${p}.link.label`, false), href: f[`${p}.link.href`] ?? '' },
    };
  });
  return { items, rows };
}

export function outsideToForm(items: OutsideItem[], out: FormValues) {
  items.forEach((item, i) => {
    putLocalised(out, `outside.${i}.title`, item.title);
    putLocalised(out, `outside.${i}.body`, item.body);
    if (item.link) {
      putLocalised(out, `outside.${i}.link.label`, item.link.label);
      out[`outside.${i}.link.href`] = item.link.href;
    }
  });
}

/** Position numbers typed for the phase's tasks: a whole number from 1 to 99 each. */
const positionSchema = z
  .string()
  .trim()
  .regex(/^\d{1,2}$/, 'lem.error.position')
  .transform(Number)
  .refine((n) => n >= 1, 'lem.error.position');

/**
 * The phase form: texts, "outside" items and the order of its tasks (a number per task; on a tie the task
 * whose number was changed comes first, so typing 2 for the fourth task moves it up to second place).
 */
export function phaseFromForm(
  values: EditFormValues,
  phase: Phase,
): { title: unknown; summary: unknown; outside: unknown[]; order: string[]; rows: RowMap; orderErrors: MapIssue[] } {
  const f = values.fields;
  const orderErrors: MapIssue[] = [];
  const positioned = phase.tasks.map((task, index) => {
    const parsed = positionSchema.safeParse(f[`order.${task.id}`] ?? '');
    if (!parsed.success) orderErrors.push({ path: ['order', task.id], messageKey: parsed.error.issues[0]!.message });
    const position = parsed.success ? parsed.data : index + 1;
    return { id: task.id, index, position, moved: position !== index + 1 };
  });
  // On a tie the task given a new number goes first, so typing 1 for the third task makes it the first.
  positioned.sort((a, b) => a.position - b.position || Number(b.moved) - Number(a.moved) || a.index - b.index);
  const outside = outsideFromForm(f);
  return {
    title: localisedFrom(f, 'title', false),
    summary: localisedFrom(f, 'summary', false),
    outside: outside.items,
    order: positioned.map((p) => p.id),
    rows: { outside: outside.rows },
    orderErrors,
  };
}

export function phaseToForm(phase: Phase): EditFormValues {
  const f: FormValues = {};
  putLocalised(f, 'title', phase.title);
  putLocalised(f, 'summary', phase.summary);
  phase.tasks.forEach((task, i) => {
    f[`order.${task.id}`] = String(i + 1);
  });
  outsideToForm(phase.outside, f);
  return { fields: f, owners: [] };
}

/**
 * The owners form: existing owners keep their id (tasks refer to it); a new row needs an id. Clearing an
 * owner's name removes it, which is refused while a task still names it.
 */
export function ownersFromForm(values: EditFormValues): { owners: unknown[]; rows: number[] } {
  const f = values.fields;
  const rows = filledRows(f, 'owners', ['name.nb', 'name.nn', 'url', 'newId']);
  const owners = rows.map((i) => {
    const p = `owners.${i}`;
    return {
      id: f[`${p}.id`] || f[`${p}.newId`] || '',
      name: localisedFrom(f, `${p}.name`, false),
      url: blank(f[`${p}.url`]) ? undefined : f[`${p}.url`],
    };
  });
  return { owners, rows };
}

export function ownersToForm(owners: Owner[]): EditFormValues {
  const f: FormValues = {};
  owners.forEach((owner, i) => {
    f[`owners.${i}.id`] = owner.id;
    putLocalised(f, `owners.${i}.name`, owner.name);
    if (owner.url) f[`owners.${i}.url`] = owner.url;
  });
  return { fields: f, owners: [] };
}

/** Number of rows a repeating list shows: the rows in the values plus `extra` blank ones, within `max`. */
export function rowCount(fields: FormValues, prefix: string, extra: number, max: number): number {
  let highest = -1;
  for (const key of Object.keys(fields)) {
    const m = new RegExp(`^${prefix}\\.(\\d{1,2})\\.`).exec(key);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return Math.min(max, highest + 1 + extra);
}

/**
 * Maps a zod issue path inside the whole map to the form field it came from. `base` is the path of the
 * edited part (e.g. ['phases', 1, 'tasks', 3]); lists whose blank rows were dropped are renumbered back to
 * the row shown. Issues outside the edited part go to the form as a whole.
 */
export function issueField(path: (string | number)[], base: (string | number)[], rows: RowMap): string {
  const startsWith = base.every((segment, i) => path[i] === segment);
  if (!startsWith) return path.length === 1 && typeof path[0] === 'string' ? path[0] : 'form';
  const rest = path.slice(base.length).map((segment, i, all) => {
    const list = i > 0 ? all[i - 1] : undefined;
    if (typeof segment === 'number' && typeof list === 'string' && rows[list]) return rows[list][segment] ?? segment;
    return segment;
  });
  if (rest.length === 0) return 'form';
  // "owners.2" (an unknown owner) belongs to the owners checkboxes as a whole.
  if (rest[0] === 'owners' && base.length > 0) return 'owners';
  return fieldId(rest);
}

/** The hidden and note fields every edit form carries: the revision it was made from, and why. */
export const editMetaSchema = z.object({
  base: z
    .string()
    .regex(/^\d{1,9}$/, 'lem.error.base')
    .transform(Number),
  changeNote: z.string().default(''),
});

/** GET /livshendelse/historikk/sammenlign?fra=&til= */
export const compareQuerySchema = z.object({
  fra: z
    .string({ error: 'lem.error.revision' })
    .trim()
    .regex(/^\d{1,9}$/, 'lem.error.revision')
    .transform(Number),
  til: z
    .string({ error: 'lem.error.revision' })
    .trim()
    .regex(/^\d{1,9}$/, 'lem.error.revision')
    .transform(Number),
});

/** A new task's id: the same rule as the content schema, checked first so the error sits on the id field. */
export const newTaskIdSchema = z.string().trim().min(1, 'lem.error.taskId').max(60, 'lem.error.tooLong');
