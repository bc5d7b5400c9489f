import { z } from 'zod';
import { PHASE_SLUGS, type PhaseSlug } from './life-event-map.content.ts';

/**
 * The forms of life-event map change proposals (issue 5 item 3). One zod schema per form; issue messages are
 * catalogue keys. The proposed texts themselves are checked by the map's own content schema (applied to the
 * current map), so a proposal can never hold text the map could not take.
 */

/** The texts a proposal may change: for a task, its own texts; for a phase, its title and summary. */
export const TASK_TEXT_FIELDS = ['title', 'summary', 'appliesWhen', 'cost', 'duration', 'caveat'] as const;
export const PHASE_TEXT_FIELDS = ['title', 'summary'] as const;
/** Optional task texts: leaving both languages blank removes them. */
export const OPTIONAL_TEXT_FIELDS: readonly string[] = ['appliesWhen', 'caveat'];
export const TEXT_LANGS = ['nb', 'nn'] as const;

export type ProposalTarget = { kind: 'task'; taskId: string } | { kind: 'phase'; phase: PhaseSlug };

/** "oppgave:<task id>" or "fase:<phase slug>" (the ?mal= parameter and the form's hidden field). */
export function parseTarget(value: unknown): ProposalTarget | null {
  if (typeof value !== 'string') return null;
  const task = /^oppgave:([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(value);
  if (task && task[1]!.length <= 60) return { kind: 'task', taskId: task[1]! };
  const phase = /^fase:([a-z]+)$/.exec(value);
  if (phase && (PHASE_SLUGS as readonly string[]).includes(phase[1]!)) return { kind: 'phase', phase: phase[1] as PhaseSlug };
  return null;
}

export function targetParam(target: ProposalTarget): string {
  return target.kind === 'task' ? `oppgave:${target.taskId}` : `fase:${target.phase}`;
}

const text = (min: number, max: number, key: string) =>
  z
    .string({ message: key })
    .transform((v) => v.replace(/\r\n/g, '\n').trim())
    .refine((v) => v.length >= min && v.length <= max, { message: key });

/** POST /livshendelse/forslag: who proposes for whom, what and why; the texts are read beside it. */
export const proposalFormSchema = z.object({
  mal: z.string({ message: 'lem.proposal.error.target' }).refine((v) => parseTarget(v) !== null, { message: 'lem.proposal.error.target' }),
  onBehalf: z
    .string({ message: 'lem.proposal.error.onBehalf' })
    .regex(/^(org|actor):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'lem.proposal.error.onBehalf' }),
  what: text(3, 300, 'lem.proposal.error.what'),
  why: text(3, 4000, 'lem.proposal.error.why'),
  evidence: z
    .string()
    .optional()
    .transform((v) => (v ?? '').replace(/\r\n/g, '\n').trim())
    .refine((v) => v.length <= 4000, { message: 'lem.proposal.error.evidence' }),
});
export type ProposalForm = z.infer<typeof proposalFormSchema>;

/** POST /livshendelse/forslag/:n/godta: the map revision the orchestrator saw, and the confirmation to replace newer text. */
export const acceptFormSchema = z.object({
  seen: z.coerce.number().int().min(0).catch(-1),
  confirm: z
    .string()
    .optional()
    .transform((v) => v === 'ja'),
});

/** POST /livshendelse/forslag/:n/avvis: a rejection says why. */
export const rejectFormSchema = z.object({ reason: text(3, 2000, 'lem.proposal.error.reason') });

/** The proposal's number in the address. */
export const proposalNumberSchema = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);
