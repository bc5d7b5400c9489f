import { describe, expect, it } from 'vitest';
import { applyChange } from './life-event-map.changes.ts';
import { findTask, repositoryLifeEventMap, type Task } from './life-event-map.content.ts';
import { diffMaps, wordDiff } from './life-event-map.diff.ts';

const render = (segments: ReturnType<typeof wordDiff>) =>
  segments.map((s) => (s.op === 'same' ? s.text : s.op === 'del' ? `[-${s.text}]` : `{+${s.text}}`)).join('');

describe('wordDiff', () => {
  it('marks the words that changed and keeps the rest', () => {
    expect(render(wordDiff('Fristen er 1. september hvert år.', 'Fristen er 1. september hvert år, også i 2027.'))).toBe(
      'Fristen er 1. september hvert [-år.]{+år, også i 2027.}',
    );
    expect(render(wordDiff('Gratis', 'Gratis for frivillige'))).toBe('Gratis {+for frivillige}');
    expect(render(wordDiff('Ikke kontrollert', 'Gratis'))).toBe('[-Ikke kontrollert]{+Gratis}');
    expect(render(wordDiff('samme', 'samme'))).toBe('samme');
  });

  it('shows a very long change whole instead of building a huge table', () => {
    const long = Array.from({ length: 600 }, (_, i) => `ord${i}`).join(' ');
    const other = Array.from({ length: 600 }, (_, i) => `annet${i}`).join(' ');
    expect(wordDiff(long, other)).toEqual([
      { op: 'del', text: long },
      { op: 'ins', text: other },
    ]);
  });
});

describe('diffMaps', () => {
  const base = repositoryLifeEventMap();

  it('finds nothing between a map and itself', () => {
    expect(diffMaps(base, repositoryLifeEventMap())).toEqual([]);
  });

  it('shows a move as a new order of the phase, not as changed tasks', () => {
    const phase = base.phases[4]!;
    const moved = applyChange(base, {
      kind: 'phase',
      phase: 'utvikle',
      title: phase.title,
      summary: phase.summary,
      outside: phase.outside,
      order: ['sla-sammen', 'endre-vedtekter', 'bli-medlem-paraply'],
    });
    const sections = diffMaps(base, moved);
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatchObject({ kind: 'phase', id: 'utvikle', status: 'changed' });
    expect(sections[0]!.changes[0]).toMatchObject({
      path: ['order'],
      before: 'endre-vedtekter, bli-medlem-paraply, sla-sammen',
      after: 'sla-sammen, endre-vedtekter, bli-medlem-paraply',
    });
  });

  it('groups an added task, a removed task and an owner change', () => {
    const task: Task = { ...findTask(base, 'forsikring')!.task, id: 'ny-oppgave', caveat: undefined };
    let next = applyChange(base, { kind: 'add-task', phase: 'drive', task });
    next = applyChange(next, { kind: 'remove-task', taskId: 'ny-oppgave' });
    expect(diffMaps(base, next)).toEqual([]);
    next = applyChange(base, { kind: 'add-task', phase: 'drive', task });
    const owners = next.owners.map((o) => (o.id === 'banken' ? { ...o, name: { nb: 'Banken din', nn: 'Banken din' } } : o));
    next = applyChange(next, { kind: 'owners', owners });
    const sections = diffMaps(base, next);
    expect(sections.map((s) => `${s.kind}:${s.id}:${s.status}`)).toEqual([
      'owner:banken:changed',
      'phase:drive:changed',
      'task:ny-oppgave:added',
    ]);
    const removed = diffMaps(next, base);
    expect(removed.find((s) => s.kind === 'task')).toMatchObject({ id: 'ny-oppgave', status: 'removed', phaseSlug: 'drive' });
  });
});

describe('phase order from the form', () => {
  it('puts the task given a new number in front of the one that had it', async () => {
    const { phaseFromForm, phaseToForm } = await import('./life-event-map.schema.ts');
    const phase = repositoryLifeEventMap().phases[4]!; // endre-vedtekter, bli-medlem-paraply, sla-sammen
    const form = phaseToForm(phase);
    const order = (changes: Record<string, string>) => phaseFromForm({ fields: { ...form.fields, ...changes }, owners: [] }, phase).order;
    expect(order({ 'order.sla-sammen': '1' })).toEqual(['sla-sammen', 'endre-vedtekter', 'bli-medlem-paraply']);
    expect(order({ 'order.endre-vedtekter': '3' })).toEqual(['bli-medlem-paraply', 'endre-vedtekter', 'sla-sammen']);
    expect(order({ 'order.endre-vedtekter': '9' })).toEqual(['bli-medlem-paraply', 'sla-sammen', 'endre-vedtekter']);
    expect(order({})).toEqual(['endre-vedtekter', 'bli-medlem-paraply', 'sla-sammen']);
  });
});
