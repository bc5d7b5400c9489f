import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Lang } from '../../core/i18n/i18n.ts';

/**
 * The life-event map "Starte og drive en frivillig organisasjon" as data (issue 4, item 1). The repository
 * copy lives in content/life-event-map.json (bokmål and nynorsk); orchestrators can edit it in the app,
 * which stores revisions (life_event_map_revisions). Both go through THIS schema, so the committed file,
 * an edit form and (later) an actor's proposal are validated by the same rules. Issue messages are message
 * keys, shown in the user's language.
 */

/** The six phases of the life event (brief §6.1), with the URL slugs the issue-4 contract fixed. */
export const PHASE_SLUGS = ['ide', 'starte', 'drive', 'rekruttere', 'utvikle', 'avvikle'] as const;
export type PhaseSlug = (typeof PHASE_SLUGS)[number];

/**
 * The canonical task ids of the issue-4 contract: the personal plan links its tasks to these, so each must be
 * on the map exactly once. Orchestrators may add tasks, never remove or rename these.
 */
export const CANONICAL_TASK_IDS: Record<PhaseSlug, readonly string[]> = {
  ide: ['finn-likesinnede', 'vurder-registrering', 'opprett-arbeidsrom'],
  starte: [
    'lag-vedtekter',
    'hold-stiftelsesmote',
    'registrer-enhetsregisteret',
    'registrer-frivillighetsregisteret',
    'opprett-bankkonto',
    'meld-grasrotandel',
    'registrer-mva',
    'registrer-arbeidsgiver',
  ],
  drive: [
    'hold-arsmote',
    'oppdater-register-etter-arsmote',
    'sok-momskompensasjon',
    'bokforing-og-regnskap',
    'send-arsregnskap-regnskapsregisteret',
    'politiattest',
    'innsamlingskontrollen',
    'a-melding',
    'forsikring',
  ],
  rekruttere: ['rekrutter-medlemmer', 'medlemsregister', 'rekrutter-frivillige'],
  utvikle: ['endre-vedtekter', 'bli-medlem-paraply', 'sla-sammen'],
  avvikle: ['vedta-opplosning', 'avviklingsperiode', 'ekstraordinaert-arsmote-sletting', 'fordel-formue', 'meld-sletting'],
};
export const ALL_CANONICAL_TASK_IDS: readonly string[] = PHASE_SLUGS.flatMap((slug) => CANONICAL_TASK_IDS[slug]);

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SHORT = 200;
const MAX_LONG = 4000;

/** Content languages: bokmål and nynorsk are both required; English pages show the bokmål text (marked lang="nb"). */
export type ContentLang = 'nb' | 'nn';
export function contentLang(lang: Lang): ContentLang {
  return lang === 'nn' ? 'nn' : 'nb';
}

const text = (max: number, requiredKey: string) =>
  z
    .string({ error: requiredKey })
    .transform((s) => s.replace(/\r\n/g, '\n').trim())
    .pipe(z.string().min(1, requiredKey).max(max, 'lem.error.tooLong'));

/** A text in bokmål and nynorsk; both are required (the service is bilingual, brief/issue 4). */
export const localised = (max = MAX_SHORT) =>
  z.object({ nb: text(max, 'lem.error.nbRequired'), nn: text(max, 'lem.error.nnRequired') }, { error: 'lem.error.textRequired' });
export type Localised = z.infer<ReturnType<typeof localised>>;

/**
 * A link out of Frivillig must be an absolute https URL with a host (no http, no javascript:, no spaces);
 * a link inside Frivillig is a path that starts with one slash.
 */
export function isWellFormedExternalUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}
const INTERNAL_PATH_RE = /^\/(?:[a-z0-9-]+(?:\/(?:[a-z0-9-]+|\{orgId\}))*)?(?:#[a-z0-9-]+)?$/;
/** "/ide", "/livshendelse/starte#lag-vedtekter", or a workspace tool "/arbeidsrom/{orgId}/vedtekter". */
export function isWellFormedInternalPath(value: string): boolean {
  if (!INTERNAL_PATH_RE.test(value)) return false;
  return !value.includes('{orgId}') || value.startsWith('/arbeidsrom/{orgId}');
}
export function isWellFormedLink(value: string): boolean {
  return value.startsWith('/') ? isWellFormedInternalPath(value) : isWellFormedExternalUrl(value);
}

const href = z
  .string({ error: 'lem.error.hrefRequired' })
  .trim()
  .min(1, 'lem.error.hrefRequired')
  .max(500, 'lem.error.tooLong')
  .refine(isWellFormedLink, 'lem.error.href');

const externalUrl = z.string().trim().max(500, 'lem.error.tooLong').refine(isWellFormedExternalUrl, 'lem.error.url');

export const linkSchema = z.object({ label: localised(), href });
export type Link = z.infer<typeof linkSchema>;

/**
 * How sure the map is of a rule, in the brief's own terms: verified from an official or primary source,
 * from a secondary/third-party source only, or not verified (shown to readers as uncertain).
 */
export const CERTAINTIES = ['verified', 'secondary', 'uncertain'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const ruleSchema = z.object({
  /** The rule as cited, e.g. "forskrift 23.10.2018 nr. 1600 (momskompensasjon)". */
  title: localised(),
  /** Where the rule or its source can be read. */
  url: externalUrl.optional(),
  certainty: z.enum(CERTAINTIES, { error: 'lem.error.certainty' }),
  note: localised(1000).optional(),
});
export type Rule = z.infer<typeof ruleSchema>;

export const RELATIONS = ['step', 'and', 'or'] as const;
export type Relation = (typeof RELATIONS)[number];

export const toolSchema = z.object({
  /** A path in Frivillig; "{orgId}" is filled in with the reader's own workspace. */
  path: z
    .string({ error: 'lem.error.hrefRequired' })
    .trim()
    .min(1, 'lem.error.hrefRequired')
    .max(200, 'lem.error.tooLong')
    .refine(isWellFormedInternalPath, 'lem.error.toolPath'),
  label: localised(),
});
export type Tool = z.infer<typeof toolSchema>;

export const taskSchema = z.object({
  id: z.string({ error: 'lem.error.taskId' }).trim().max(60, 'lem.error.tooLong').regex(SLUG_RE, 'lem.error.taskId'),
  /**
   * GOV.UK step-by-step: a task is its own numbered step, or it belongs to the step before it as an "and"
   * (do both) or an "or" (do one of them).
   */
  relation: z.enum(RELATIONS, { error: 'lem.error.relation' }),
  title: localised(),
  summary: localised(MAX_LONG),
  /** When the task applies, if not to everyone ("Bare hvis dere har ansatte"). */
  appliesWhen: localised().optional(),
  owners: z.array(z.string().regex(SLUG_RE, 'lem.error.ownerUnknown')).min(1, 'lem.error.ownersRequired').max(6, 'lem.error.tooMany'),
  rules: z.array(ruleSchema).max(10, 'lem.error.tooMany'),
  cost: localised(),
  duration: localised(),
  links: z.array(linkSchema).max(10, 'lem.error.tooMany'),
  tool: toolSchema.optional(),
  /** What the map is not sure of, said plainly. */
  caveat: localised(1000).optional(),
});
export type Task = z.infer<typeof taskSchema>;

export const outsideItemSchema = z.object({ title: localised(), body: localised(MAX_LONG), link: linkSchema.optional() });
export type OutsideItem = z.infer<typeof outsideItemSchema>;

export const phaseSchema = z.object({
  slug: z.enum(PHASE_SLUGS, { error: 'lem.error.phase' }),
  title: localised(),
  summary: localised(MAX_LONG),
  tasks: z.array(taskSchema).min(1, 'lem.error.tasksRequired').max(40, 'lem.error.tooMany'),
  /** Related things that lie outside this phase of the life event. */
  outside: z.array(outsideItemSchema).max(10, 'lem.error.tooMany'),
});
export type Phase = z.infer<typeof phaseSchema>;

export const ownerSchema = z.object({
  id: z.string({ error: 'lem.error.ownerId' }).trim().max(60, 'lem.error.tooLong').regex(SLUG_RE, 'lem.error.ownerId'),
  name: localised(),
  url: externalUrl.optional(),
});
export type Owner = z.infer<typeof ownerSchema>;

export const lifeEventMapSchema = z
  .object({
    owners: z.array(ownerSchema).min(1, 'lem.error.ownersRequired').max(60, 'lem.error.tooMany'),
    phases: z.array(phaseSchema).length(PHASE_SLUGS.length, 'lem.error.phases'),
    /** What lies outside the life event: the related life events (brief §6.2). */
    outside: z.array(outsideItemSchema).max(20, 'lem.error.tooMany'),
  })
  .superRefine((map, ctx) => {
    map.phases.forEach((phase, i) => {
      if (phase.slug !== PHASE_SLUGS[i]) ctx.addIssue({ code: 'custom', path: ['phases', i, 'slug'], message: 'lem.error.phaseOrder' });
      if (phase.tasks[0] && phase.tasks[0].relation !== 'step') {
        ctx.addIssue({ code: 'custom', path: ['phases', i, 'tasks', 0, 'relation'], message: 'lem.error.firstRelation' });
      }
    });
    const ownerIds = new Set<string>();
    map.owners.forEach((owner, i) => {
      if (ownerIds.has(owner.id)) ctx.addIssue({ code: 'custom', path: ['owners', i, 'id'], message: 'lem.error.ownerDuplicate' });
      ownerIds.add(owner.id);
    });
    const seen = new Set<string>();
    map.phases.forEach((phase, p) => {
      phase.tasks.forEach((task, t) => {
        if (seen.has(task.id)) ctx.addIssue({ code: 'custom', path: ['phases', p, 'tasks', t, 'id'], message: 'lem.error.taskDuplicate' });
        seen.add(task.id);
        task.owners.forEach((owner, o) => {
          if (!ownerIds.has(owner))
            ctx.addIssue({ code: 'custom', path: ['phases', p, 'tasks', t, 'owners', o], message: 'lem.error.ownerUnknown' });
        });
        if (new Set(task.owners).size !== task.owners.length) {
          ctx.addIssue({ code: 'custom', path: ['phases', p, 'tasks', t, 'owners'], message: 'lem.error.ownerDuplicate' });
        }
      });
    });
    for (const id of ALL_CANONICAL_TASK_IDS) {
      if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['phases'], message: 'lem.error.canonicalMissing', params: { taskId: id } });
    }
  });
export type LifeEventMap = z.infer<typeof lifeEventMapSchema>;

let repositoryCopy: LifeEventMap | null = null;

/**
 * The map as committed in the repository, parsed with the schema (a broken file fails loudly at the first
 * read, and the content test fails in CI before that can ship).
 */
export function repositoryLifeEventMap(): LifeEventMap {
  if (!repositoryCopy) {
    const raw = JSON.parse(readFileSync(new URL('./content/life-event-map.json', import.meta.url), 'utf8')) as unknown;
    repositoryCopy = lifeEventMapSchema.parse(raw);
  }
  return structuredClone(repositoryCopy);
}

export interface FoundTask {
  task: Task;
  phase: Phase;
  /** 1–6 */
  phaseNumber: number;
  /** Position among the phase's tasks, from 0. */
  index: number;
  /** Where the task is shown: /livshendelse/<phase-slug>#<task-id> (issue-4 contract). */
  href: string;
}

/** Finds a task by its id (the plan links its tasks to the map this way). */
export function findTask(map: LifeEventMap, taskId: string): FoundTask | null {
  for (const [p, phase] of map.phases.entries()) {
    const index = phase.tasks.findIndex((t) => t.id === taskId);
    if (index >= 0) {
      return { task: phase.tasks[index]!, phase, phaseNumber: p + 1, index, href: taskHref(phase.slug, taskId) };
    }
  }
  return null;
}

export function taskHref(phaseSlug: PhaseSlug, taskId: string): string {
  return `/livshendelse/${phaseSlug}#${taskId}`;
}

export function findPhase(map: LifeEventMap, slug: string): { phase: Phase; number: number } | null {
  const index = map.phases.findIndex((p) => p.slug === slug);
  return index >= 0 ? { phase: map.phases[index]!, number: index + 1 } : null;
}

/**
 * Numbers the steps of a phase the GOV.UK way: "and"/"or" tasks share the number of the step before them.
 * Returns, per task, its step number.
 */
export function stepNumbers(phase: Phase): number[] {
  let n = 0;
  return phase.tasks.map((task) => {
    if (task.relation === 'step' || n === 0) n += 1;
    return n;
  });
}

export function isCanonicalTaskId(id: string): boolean {
  return ALL_CANONICAL_TASK_IDS.includes(id);
}
