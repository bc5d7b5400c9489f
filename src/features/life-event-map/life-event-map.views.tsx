import type { Child } from 'hono/jsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import {
  type Certainty,
  contentLang,
  type LifeEventMap,
  type Localised,
  type OutsideItem,
  type Owner,
  type Phase,
  stepNumbers,
  type Task,
  type Tool,
  taskHref,
} from './life-event-map.content.ts';

/** The reader's own workspaces, for links into a workspace tool; null when nobody is signed in. */
export type Workspaces = { id: string; name: string }[] | null;

/** The text in the reader's content language (nynorsk for nn, otherwise bokmål). */
export function L(v: ViewContext, text: Localised): string {
  return text[contentLang(v.lang)];
}

/** English pages show the bokmål content: mark it so screen readers pronounce it as Norwegian (WCAG 3.1.2). */
export function contentLangAttr(v: ViewContext): string | undefined {
  return v.lang === 'en' ? 'nb' : undefined;
}

export function formatDateTime(v: ViewContext, date: Date): string {
  return new Intl.DateTimeFormat(v.lang === 'en' ? 'en-GB' : 'nb-NO', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(date);
}

export function Breadcrumbs(props: { v: ViewContext; trail: { href: string; label: string }[] }) {
  const { v } = props;
  return (
    <nav aria-label={v.t('layout.breadcrumbs')} class="ds-breadcrumbs">
      <ol>
        {props.trail.map((item, i) => (
          <li>
            <a class="ds-link" href={item.href} aria-current={i === props.trail.length - 1 ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

const CERTAINTY_COLOR: Record<Certainty, string> = { verified: 'success', secondary: 'info', uncertain: 'warning' };

/** How sure the map is of a rule, as words in a tag (never colour alone). */
export function CertaintyTag(props: { v: ViewContext; certainty: Certainty }) {
  return (
    <span class="ds-tag" data-color={CERTAINTY_COLOR[props.certainty]} data-size="sm">
      {props.v.t(`lem.certainty.${props.certainty}` as MessageKey)}
    </span>
  );
}

function ExternalOrInternalLink(props: { href: string; children: Child }) {
  return (
    <a class="ds-link" href={props.href}>
      {props.children}
    </a>
  );
}

/** The link into Frivillig's own tool for a task: straight into the reader's workspace when there is one. */
export function ToolLinks(props: { v: ViewContext; tool: Tool; workspaces: Workspaces }) {
  const { v, tool, workspaces } = props;
  const label = L(v, tool.label);
  if (!tool.path.includes('{orgId}')) {
    return (
      <p class="ds-paragraph step-tool">
        <a class="ds-link" href={tool.path} lang={contentLangAttr(v)}>
          {label}
        </a>
      </p>
    );
  }
  if (workspaces === null || workspaces.length === 0) {
    return (
      <p class="ds-paragraph step-tool">
        <span lang={contentLangAttr(v)}>{label}</span>
        {': '}
        <a class="ds-link" href={workspaces === null ? '/arbeidsrom' : '/arbeidsrom/ny'}>
          {workspaces === null ? v.t('lem.tool.signIn') : v.t('lem.tool.createWorkspace')}
        </a>
      </p>
    );
  }
  if (workspaces.length === 1) {
    return (
      <p class="ds-paragraph step-tool">
        <a class="ds-link" href={tool.path.replace('{orgId}', workspaces[0]!.id)}>
          <span lang={contentLangAttr(v)}>{label}</span>
          {` (${workspaces[0]!.name})`}
        </a>
      </p>
    );
  }
  return (
    <div class="step-tool">
      <p class="ds-paragraph" lang={contentLangAttr(v)}>
        {label}:
      </p>
      <ul class="ds-list">
        {workspaces.map((w) => (
          <li>
            <a class="ds-link" href={tool.path.replace('{orgId}', w.id)}>
              {w.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ownerName(v: ViewContext, owners: Owner[], id: string): Child {
  const owner = owners.find((o) => o.id === id);
  if (!owner) return id;
  return owner.url ? <ExternalOrInternalLink href={owner.url}>{L(v, owner.name)}</ExternalOrInternalLink> : L(v, owner.name);
}

/** One task as a GOV.UK step: number (or "and"/"or"), heading, what and why, then who/rules/cost/time/where. */
export function TaskStep(props: { v: ViewContext; map: LifeEventMap; task: Task; number: number; open: boolean; workspaces: Workspaces }) {
  const { v, task, map } = props;
  const { t } = v;
  const lang = contentLangAttr(v);
  const headingId = `${task.id}-heading`;
  return (
    <li class={task.relation === 'step' ? 'step-by-step__step' : 'step-by-step__step step-by-step__step--joined'} id={task.id}>
      <div class="step-by-step__marker">
        {task.relation === 'step' ? (
          <span class="step-by-step__number">
            <span class="ds-sr-only">{t('lem.step')} </span>
            {props.number}
          </span>
        ) : (
          <span class="step-by-step__logic">
            {t(task.relation === 'and' ? 'lem.and' : 'lem.or')}
            <span class="ds-sr-only"> ({t('lem.partOfStep', { n: props.number })})</span>
          </span>
        )}
      </div>
      <div class="step-by-step__content">
        <h2 class="ds-heading" data-size="xs" id={headingId} lang={lang}>
          {L(v, task.title)}
        </h2>
        {task.appliesWhen ? (
          <p class="ds-paragraph step-applies" data-size="sm">
            <strong>{t('lem.appliesWhen')}</strong> <span lang={lang}>{L(v, task.appliesWhen)}</span>
          </p>
        ) : null}
        <p class="ds-paragraph" lang={lang}>
          {L(v, task.summary)}
        </p>
        {task.tool ? <ToolLinks v={v} tool={task.tool} workspaces={props.workspaces} /> : null}
        <details class="ds-details" open={props.open}>
          <summary>
            {t('lem.details')}
            <span class="ds-sr-only">: {L(v, task.title)}</span>
          </summary>
          <div>
            <dl class="task-facts">
              <dt>{t('lem.owners')}</dt>
              <dd>
                <ul class="ds-list--unstyled">
                  {task.owners.map((id) => (
                    <li lang={lang}>{ownerName(v, map.owners, id)}</li>
                  ))}
                </ul>
              </dd>
              <dt>{t('lem.rules')}</dt>
              <dd>
                {task.rules.length === 0 ? (
                  <p class="ds-paragraph">{t('lem.noRules')}</p>
                ) : (
                  <ul class="ds-list--unstyled task-rules">
                    {task.rules.map((rule) => (
                      <li>
                        <span lang={lang}>
                          {rule.url ? (
                            <ExternalOrInternalLink href={rule.url}>{L(v, rule.title)}</ExternalOrInternalLink>
                          ) : (
                            L(v, rule.title)
                          )}
                        </span>{' '}
                        <CertaintyTag v={v} certainty={rule.certainty} />
                        {rule.note ? (
                          <p class="ds-paragraph" data-size="sm" lang={lang}>
                            {L(v, rule.note)}
                          </p>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              <dt>{t('lem.cost')}</dt>
              <dd lang={lang}>{L(v, task.cost)}</dd>
              <dt>{t('lem.duration')}</dt>
              <dd lang={lang}>{L(v, task.duration)}</dd>
              {task.links.length > 0 ? (
                <>
                  <dt>{t('lem.where')}</dt>
                  <dd>
                    <ul class="ds-list--unstyled">
                      {task.links.map((link) => (
                        <li lang={lang}>
                          <ExternalOrInternalLink href={link.href}>{L(v, link.label)}</ExternalOrInternalLink>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              ) : null}
            </dl>
            {task.caveat ? (
              <div class="ds-alert" data-color="warning" data-size="sm">
                <p class="ds-paragraph">
                  <strong>{t('lem.caveat')}</strong> <span lang={lang}>{L(v, task.caveat)}</span>
                </p>
              </div>
            ) : null}
          </div>
        </details>
      </div>
    </li>
  );
}

function OutsideList(props: { v: ViewContext; items: OutsideItem[]; headingLevel: 2 | 3 }) {
  const { v } = props;
  const lang = contentLangAttr(v);
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="ds-list--unstyled outside-list">
      {props.items.map((item) => (
        <li lang={lang}>
          <H class="ds-heading" data-size="2xs">
            {L(v, item.title)}
          </H>
          <p class="ds-paragraph">{L(v, item.body)}</p>
          {item.link ? (
            <p class="ds-paragraph">
              <ExternalOrInternalLink href={item.link.href}>{L(v, item.link.label)}</ExternalOrInternalLink>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export interface MapMeta {
  revision: number;
  updatedAt: Date | null;
  canEdit: boolean;
  /** Change proposals (issue 5): how many wait for the orchestrator, and where "propose a change" starts (signed in only). */
  openProposals: number;
  proposeHref: string | null;
}

function MetaLine(props: { v: ViewContext; meta: MapMeta }) {
  const { v, meta } = props;
  return (
    <section aria-labelledby="lem-about-heading" class="lem-meta">
      <h2 class="ds-heading" data-size="2xs" id="lem-about-heading">
        {v.t('lem.about.title')}
      </h2>
      <p class="ds-paragraph" data-size="sm">
        {meta.revision === 0 || !meta.updatedAt
          ? v.t('lem.about.repository')
          : v.t('lem.about.revision', { n: meta.revision, date: formatDateTime(v, meta.updatedAt) })}{' '}
        {v.t('lem.about.certainty')}
      </p>
      <ul class="ds-list--unstyled inline-list">
        {meta.proposeHref ? (
          <li>
            <a class="ds-link" href={meta.proposeHref}>
              {v.t('lem.proposal.link')}
            </a>
          </li>
        ) : null}
        <li>
          <a class="ds-link" href="/livshendelse/forslag">
            {v.t('lem.proposal.openCount', { count: meta.openProposals })}
          </a>
        </li>
      </ul>
      {meta.canEdit ? (
        <ul class="ds-list--unstyled inline-list">
          <li>
            <a class="ds-link" href="/livshendelse/rediger">
              {v.t('lem.edit.link')}
            </a>
          </li>
          <li>
            <a class="ds-link" href="/livshendelse/historikk">
              {v.t('lem.history.link')}
            </a>
          </li>
        </ul>
      ) : null}
    </section>
  );
}

export function phaseTitle(v: ViewContext, phase: Phase, number: number): string {
  return `${v.t('phase.label', { n: number })}: ${L(v, phase.title)}`;
}

export function OverviewView(props: { v: ViewContext; map: LifeEventMap; meta: MapMeta }) {
  const { v, map } = props;
  const { t } = v;
  const lang = contentLangAttr(v);
  return (
    <>
      <Breadcrumbs
        v={v}
        trail={[
          { href: '/', label: t('lem.breadcrumb.home') },
          { href: '/livshendelse', label: t('lem.title') },
        ]}
      />
      <h1 class="ds-heading" data-size="lg">
        {t('lem.title')}
      </h1>
      <p class="ds-paragraph lead" data-size="lg">
        {t('lem.lead')}
      </p>
      <p class="ds-paragraph">
        <a class="ds-link" href="/ide">
          {t('lem.startIdea')}
        </a>
      </p>
      <ol class="ds-list--unstyled phase-overview">
        {map.phases.map((phase, i) => {
          const numbers = stepNumbers(phase);
          return (
            <li class="phase-overview__phase">
              <h2 class="ds-heading" data-size="sm">
                <a class="ds-link" href={`/livshendelse/${phase.slug}`}>
                  {phaseTitle(v, phase, i + 1)}
                </a>
              </h2>
              <p class="ds-paragraph" lang={lang}>
                {L(v, phase.summary)}
              </p>
              <ul class="ds-list--unstyled phase-overview__tasks">
                {phase.tasks.map((task, j) => (
                  <li>
                    <span class="phase-overview__marker">
                      {task.relation === 'step' ? `${numbers[j]}.` : t(task.relation === 'and' ? 'lem.and' : 'lem.or')}
                    </span>{' '}
                    <a class="ds-link" href={taskHref(phase.slug, task.id)} lang={lang}>
                      {L(v, task.title)}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      <section aria-labelledby="lem-outside-heading">
        <h2 class="ds-heading" data-size="sm" id="lem-outside-heading">
          {t('lem.outside.title')}
        </h2>
        <p class="ds-paragraph">{t('lem.outside.lead')}</p>
        <OutsideList v={v} items={map.outside} headingLevel={3} />
      </section>
      <MetaLine v={v} meta={props.meta} />
    </>
  );
}

export function PhaseView(props: {
  v: ViewContext;
  map: LifeEventMap;
  phase: Phase;
  number: number;
  showAll: boolean;
  workspaces: Workspaces;
  meta: MapMeta;
}) {
  const { v, map, phase, number } = props;
  const { t } = v;
  const numbers = stepNumbers(phase);
  const previous = map.phases[number - 2];
  const next = map.phases[number];
  const path = `/livshendelse/${phase.slug}`;
  return (
    <>
      <Breadcrumbs
        v={v}
        trail={[
          { href: '/', label: t('lem.breadcrumb.home') },
          { href: '/livshendelse', label: t('lem.title') },
          { href: path, label: phaseTitle(v, phase, number) },
        ]}
      />
      <h1 class="ds-heading" data-size="lg">
        <span class="heading-caption">{t('lem.phaseOf', { n: number, total: map.phases.length })}</span>
        <span lang={contentLangAttr(v)}>{L(v, phase.title)}</span>
      </h1>
      <p class="ds-paragraph lead" lang={contentLangAttr(v)}>
        {L(v, phase.summary)}
      </p>
      <p class="ds-paragraph">
        {props.showAll ? (
          <a class="ds-link" href={path}>
            {t('lem.hideAll')}
          </a>
        ) : (
          <a class="ds-link" href={`${path}?vis=alle`}>
            {t('lem.showAll')}
          </a>
        )}
      </p>
      <ol class="ds-list--unstyled step-by-step" aria-label={t('lem.stepsLabel', { phase: L(v, phase.title) })}>
        {phase.tasks.map((task, i) => (
          <TaskStep v={v} map={map} task={task} number={numbers[i]!} open={props.showAll} workspaces={props.workspaces} />
        ))}
      </ol>
      {phase.outside.length > 0 ? (
        <section aria-labelledby="lem-phase-outside-heading">
          <h2 class="ds-heading" data-size="sm" id="lem-phase-outside-heading">
            {t('lem.outside.phaseTitle')}
          </h2>
          <OutsideList v={v} items={phase.outside} headingLevel={3} />
        </section>
      ) : null}
      <nav aria-label={t('lem.phaseNav')} class="phase-pager">
        <ul class="ds-list--unstyled">
          {previous ? (
            <li>
              <a class="ds-link" href={`/livshendelse/${previous.slug}`} rel="prev">
                {t('lem.previous')}: {phaseTitle(v, previous, number - 1)}
              </a>
            </li>
          ) : null}
          {next ? (
            <li>
              <a class="ds-link" href={`/livshendelse/${next.slug}`} rel="next">
                {t('lem.next')}: {phaseTitle(v, next, number + 1)}
              </a>
            </li>
          ) : null}
          <li>
            <a class="ds-link" href="/livshendelse">
              {t('lem.allPhases')}
            </a>
          </li>
        </ul>
      </nav>
      <MetaLine v={v} meta={props.meta} />
    </>
  );
}
