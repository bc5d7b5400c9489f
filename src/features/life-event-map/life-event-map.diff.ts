import type { LifeEventMap, Localised, OutsideItem, Task } from './life-event-map.content.ts';

/**
 * A readable difference between two versions of the map: grouped by what a reader recognises (an owner, a
 * phase, a task), each with the fields that changed, and long texts compared word by word. Tasks are matched
 * by id and owners by id, so moving a task shows as a new order, not as every task changing.
 */

export type Segment = { op: 'same' | 'del' | 'ins'; text: string };

export interface FieldChange {
  /** Path inside the section, e.g. ['rules', '0', 'title', 'nb']; the view turns it into words. */
  path: string[];
  before: string | null;
  after: string | null;
  /** Word-level comparison when both sides exist. */
  segments: Segment[] | null;
}

export interface DiffSection {
  kind: 'owner' | 'phase' | 'task' | 'outside';
  /** Owner id, phase slug, task id, or "" for the map's own "outside" list. */
  id: string;
  /** The phase a task (or a phase's outside list) belongs to, after the change if it still exists. */
  phaseSlug: string | null;
  title: Localised | null;
  status: 'added' | 'removed' | 'changed';
  changes: FieldChange[];
}

type Flat = Map<string, string>;

function put(out: Flat, path: (string | number)[], value: string | undefined | null) {
  if (value === undefined || value === null || value === '') return;
  out.set(path.join('\u0000'), value);
}

function putLocalised(out: Flat, path: (string | number)[], value: Localised | undefined) {
  if (!value) return;
  put(out, [...path, 'nb'], value.nb);
  put(out, [...path, 'nn'], value.nn);
}

function flattenTask(task: Task): Flat {
  const out: Flat = new Map();
  put(out, ['relation'], task.relation);
  putLocalised(out, ['title'], task.title);
  putLocalised(out, ['summary'], task.summary);
  putLocalised(out, ['appliesWhen'], task.appliesWhen);
  put(out, ['owners'], task.owners.join(', '));
  task.rules.forEach((rule, i) => {
    putLocalised(out, ['rules', i, 'title'], rule.title);
    put(out, ['rules', i, 'url'], rule.url);
    put(out, ['rules', i, 'certainty'], rule.certainty);
    putLocalised(out, ['rules', i, 'note'], rule.note);
  });
  putLocalised(out, ['cost'], task.cost);
  putLocalised(out, ['duration'], task.duration);
  task.links.forEach((link, i) => {
    putLocalised(out, ['links', i, 'label'], link.label);
    put(out, ['links', i, 'href'], link.href);
  });
  if (task.tool) {
    put(out, ['tool', 'path'], task.tool.path);
    putLocalised(out, ['tool', 'label'], task.tool.label);
  }
  putLocalised(out, ['caveat'], task.caveat);
  return out;
}

function flattenOutside(items: OutsideItem[]): Flat {
  const out: Flat = new Map();
  items.forEach((item, i) => {
    putLocalised(out, ['outside', i, 'title'], item.title);
    putLocalised(out, ['outside', i, 'body'], item.body);
    if (item.link) {
      putLocalised(out, ['outside', i, 'link', 'label'], item.link.label);
      put(out, ['outside', i, 'link', 'href'], item.link.href);
    }
  });
  return out;
}

function compareFlat(before: Flat, after: Flat): FieldChange[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const b = before.get(key) ?? null;
    const a = after.get(key) ?? null;
    if (a === b) continue;
    changes.push({ path: key.split('\u0000'), before: b, after: a, segments: a !== null && b !== null ? wordDiff(b, a) : null });
  }
  return changes;
}

export function diffMaps(before: LifeEventMap, after: LifeEventMap): DiffSection[] {
  const sections: DiffSection[] = [];

  const ownersBefore = new Map(before.owners.map((o) => [o.id, o]));
  const ownersAfter = new Map(after.owners.map((o) => [o.id, o]));
  for (const id of new Set([...ownersBefore.keys(), ...ownersAfter.keys()])) {
    const b = ownersBefore.get(id);
    const a = ownersAfter.get(id);
    const flat = (o: typeof a) => {
      const out: Flat = new Map();
      if (o) {
        putLocalised(out, ['name'], o.name);
        put(out, ['url'], o.url);
      }
      return out;
    };
    const changes = compareFlat(flat(b), flat(a));
    if (changes.length === 0) continue;
    sections.push({
      kind: 'owner',
      id,
      phaseSlug: null,
      title: (a ?? b)!.name,
      status: !b ? 'added' : !a ? 'removed' : 'changed',
      changes,
    });
  }

  const tasksBefore = new Map(before.phases.flatMap((p) => p.tasks.map((t) => [t.id, { task: t, phase: p.slug }] as const)));
  const tasksAfter = new Map(after.phases.flatMap((p) => p.tasks.map((t) => [t.id, { task: t, phase: p.slug }] as const)));

  for (const [i, phaseAfter] of after.phases.entries()) {
    const phaseBefore = before.phases[i];
    const b: Flat = new Map();
    const a: Flat = new Map();
    if (phaseBefore) {
      putLocalised(b, ['title'], phaseBefore.title);
      putLocalised(b, ['summary'], phaseBefore.summary);
      put(b, ['order'], phaseBefore.tasks.map((t) => t.id).join(', '));
      for (const [k, v] of flattenOutside(phaseBefore.outside)) b.set(k, v);
    }
    putLocalised(a, ['title'], phaseAfter.title);
    putLocalised(a, ['summary'], phaseAfter.summary);
    put(a, ['order'], phaseAfter.tasks.map((t) => t.id).join(', '));
    for (const [k, v] of flattenOutside(phaseAfter.outside)) a.set(k, v);
    const changes = compareFlat(b, a);
    if (changes.length > 0) {
      sections.push({
        kind: 'phase',
        id: phaseAfter.slug,
        phaseSlug: phaseAfter.slug,
        title: phaseAfter.title,
        status: 'changed',
        changes,
      });
    }

    for (const task of phaseAfter.tasks) {
      const old = tasksBefore.get(task.id);
      const taskChanges = compareFlat(old ? flattenTask(old.task) : new Map(), flattenTask(task));
      if (old && old.phase !== phaseAfter.slug) {
        taskChanges.unshift({ path: ['phase'], before: old.phase, after: phaseAfter.slug, segments: null });
      }
      if (taskChanges.length === 0) continue;
      sections.push({
        kind: 'task',
        id: task.id,
        phaseSlug: phaseAfter.slug,
        title: task.title,
        status: old ? 'changed' : 'added',
        changes: taskChanges,
      });
    }
  }
  for (const [id, old] of tasksBefore) {
    if (tasksAfter.has(id)) continue;
    sections.push({
      kind: 'task',
      id,
      phaseSlug: old.phase,
      title: old.task.title,
      status: 'removed',
      changes: compareFlat(flattenTask(old.task), new Map()),
    });
  }

  const outsideChanges = compareFlat(flattenOutside(before.outside), flattenOutside(after.outside));
  if (outsideChanges.length > 0) {
    sections.push({ kind: 'outside', id: '', phaseSlug: null, title: null, status: 'changed', changes: outsideChanges });
  }
  return sections;
}

/** Longer texts than this (in words, both sides multiplied) are shown as a whole replacement. */
const MAX_CELLS = 250_000;

/**
 * Word-level comparison (longest common subsequence over words). Texts in the
 * map are paragraphs, so a quadratic table is small; beyond MAX_CELLS the change is shown whole.
 */
export function wordDiff(before: string, after: string): Segment[] {
  // A token is a word with the spaces after it, so shared spaces never stitch two different texts together.
  const tokens = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];
  const a = tokens(before);
  const b = tokens(after);
  // Words are compared without their spaces (the last word of a text has none); shown with the new spacing.
  const wa = a.map((x) => x.trim());
  const wb = b.map((x) => x.trim());
  if (a.length * b.length > MAX_CELLS) {
    return [
      { op: 'del', text: before },
      { op: 'ins', text: after },
    ];
  }
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        wa[i] === wb[j] ? table[(i + 1) * cols + j + 1]! + 1 : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const out: Segment[] = [];
  const push = (op: Segment['op'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (wa[i] === wb[j]) {
      push('same', b[j]!);
      i++;
      j++;
    } else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) {
      push('del', a[i++]!);
    } else {
      push('ins', b[j++]!);
    }
  }
  while (i < a.length) push('del', a[i++]!);
  while (j < b.length) push('ins', b[j++]!);
  return out;
}
