import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ALL_CANONICAL_TASK_IDS,
  CANONICAL_TASK_IDS,
  findTask,
  isWellFormedLink,
  type LifeEventMap,
  lifeEventMapSchema,
  PHASE_SLUGS,
  repositoryLifeEventMap,
  stepNumbers,
} from './life-event-map.content.ts';

/** The committed content (content/life-event-map.json) is data: this test is its gate. */
const raw = JSON.parse(readFileSync(new URL('./content/life-event-map.json', import.meta.url), 'utf8')) as unknown;

const issuesOf = (value: unknown) => {
  const parsed = lifeEventMapSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the committed life-event map', () => {
  it('passes the schema (bokmål and nynorsk everywhere, known owners, six phases in order)', () => {
    expect(issuesOf(raw)).toEqual([]);
  });

  const map = repositoryLifeEventMap();

  it('has every canonical task id exactly once, in the phase the contract gives it', () => {
    const all = map.phases.flatMap((p) => p.tasks.map((t) => t.id));
    for (const id of ALL_CANONICAL_TASK_IDS)
      expect(
        all.filter((x) => x === id),
        id,
      ).toHaveLength(1);
    for (const slug of PHASE_SLUGS) {
      for (const id of CANONICAL_TASK_IDS[slug]) expect(findTask(map, id)?.phase.slug, id).toBe(slug);
    }
    expect(map.phases.map((p) => p.slug)).toEqual([...PHASE_SLUGS]);
  });

  it('has only well-formed links: https URLs with a host, or paths inside Frivillig', () => {
    const hrefs: string[] = [];
    for (const owner of map.owners) if (owner.url) hrefs.push(owner.url);
    for (const item of map.outside) if (item.link) hrefs.push(item.link.href);
    for (const phase of map.phases) {
      for (const item of phase.outside) if (item.link) hrefs.push(item.link.href);
      for (const task of phase.tasks) {
        for (const link of task.links) hrefs.push(link.href);
        for (const rule of task.rules) if (rule.url) hrefs.push(rule.url);
        if (task.tool) hrefs.push(task.tool.path);
      }
    }
    expect(hrefs.length).toBeGreaterThan(30);
    for (const href of hrefs) expect(isWellFormedLink(href), href).toBe(true);
    // Internal links to the map itself must point at a task that exists in that phase.
    for (const href of hrefs.filter((h) => h.startsWith('/livshendelse/'))) {
      const [, slug, id] = /^\/livshendelse\/([a-z]+)#([a-z0-9-]+)$/.exec(href) ?? [];
      expect(findTask(map, id ?? '')?.phase.slug, href).toBe(slug);
    }
  });

  it('cites the rules the brief gives for the schemes it names', () => {
    const rules = (id: string) =>
      findTask(map, id)!
        .task.rules.map((r) => r.title.nb)
        .join(' | ');
    expect(rules('sok-momskompensasjon')).toContain('forskrift 23.10.2018 nr. 1600'.replace('forskrift', 'Forskrift'));
    expect(rules('meld-grasrotandel')).toContain('5.12.2022 nr. 2124');
    expect(rules('registrer-frivillighetsregisteret')).toContain('lov 29. juni 2007 nr. 88');
    expect(rules('politiattest')).toContain('Politiregisterloven § 39');
    expect(rules('bokforing-og-regnskap')).toContain('Regnskapsloven § 1-2');
    // What the brief could not verify is marked as such, not stated as fact.
    expect(findTask(map, 'meld-grasrotandel')!.task.rules[0]!.certainty).toBe('uncertain');
  });

  it('links the tasks Frivillig supports into the workspace tools', () => {
    expect(findTask(map, 'lag-vedtekter')!.task.tool?.path).toBe('/arbeidsrom/{orgId}/vedtekter');
    expect(findTask(map, 'hold-stiftelsesmote')!.task.tool?.path).toBe('/arbeidsrom/{orgId}/stiftelsesmote');
    expect(findTask(map, 'registrer-enhetsregisteret')!.task.tool?.path).toBe('/arbeidsrom/{orgId}/registrering');
    expect(findTask(map, 'opprett-arbeidsrom')!.task.tool?.path).toBe('/arbeidsrom/ny');
  });

  it('numbers steps the GOV.UK way: "and"/"or" tasks share the number of the step before', () => {
    const starte = map.phases[1]!;
    const numbers = stepNumbers(starte);
    const at = (id: string) => numbers[starte.tasks.findIndex((t) => t.id === id)];
    expect(at('registrer-frivillighetsregisteret')).toBe(at('registrer-enhetsregisteret'));
    expect(at('opprett-bankkonto')).toBe(at('registrer-enhetsregisteret')! + 1);
  });
});

describe('the content schema refuses', () => {
  const base = (): LifeEventMap => repositoryLifeEventMap();

  it('a missing nynorsk text, naming the field', () => {
    const map = base() as unknown as { phases: { tasks: { title: { nn?: string } }[] }[] };
    delete map.phases[1]!.tasks[0]!.title.nn;
    expect(issuesOf(map)).toContain('phases.1.tasks.0.title.nn: lem.error.nnRequired');
  });

  it('a canonical task that was removed', () => {
    const map = base();
    map.phases[5]!.tasks = map.phases[5]!.tasks.filter((t) => t.id !== 'meld-sletting');
    expect(issuesOf(map)).toContain('phases: lem.error.canonicalMissing');
  });

  it('a duplicated task id, an unknown owner, an http link and a phase out of order', () => {
    const map = base();
    map.phases[0]!.tasks.push({ ...map.phases[0]!.tasks[0]! });
    map.phases[1]!.tasks[0]!.owners = ['ukjent-etat'];
    map.phases[1]!.tasks[0]!.links = [{ label: { nb: 'x', nn: 'x' }, href: 'http://www.brreg.no' }];
    [map.phases[2], map.phases[3]] = [map.phases[3]!, map.phases[2]!];
    const issues = issuesOf(map);
    expect(issues).toContain('phases.0.tasks.3.id: lem.error.taskDuplicate');
    expect(issues).toContain('phases.1.tasks.0.owners.0: lem.error.ownerUnknown');
    expect(issues).toContain('phases.1.tasks.0.links.0.href: lem.error.href');
    expect(issues).toContain('phases.2.slug: lem.error.phaseOrder');
  });

  it('links that are not well-formed', () => {
    for (const bad of ['javascript:alert(1)', 'https://', 'https://localhost', 'brreg.no', '//evil.example', '/a b', 'https://x.no/a b']) {
      expect(isWellFormedLink(bad), bad).toBe(false);
    }
    for (const good of ['https://www.brreg.no', '/ide', '/livshendelse/drive#politiattest', '/arbeidsrom/{orgId}/plan']) {
      expect(isWellFormedLink(good), good).toBe(true);
    }
    expect(isWellFormedLink('/ide/{orgId}')).toBe(false);
  });

  it('an "and" step first in a phase', () => {
    const map = base();
    map.phases[3]!.tasks[0]!.relation = 'or';
    expect(issuesOf(map)).toContain('phases.3.tasks.0.relation: lem.error.firstRelation');
  });
});
