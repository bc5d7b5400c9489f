import type { Child } from 'hono/jsx';
import { describedBy, FieldError, Hint, type Option, Radios, Select, TextArea } from '../../core/form-fields.tsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary, TextField } from '../../core/layout.tsx';
import type { Prefilled } from '../../core/prefill/provenance.ts';
import kommuneData from '../register/reference-data/kommuner_2024.json' with { type: 'json' };
import type { CheckAnswersData } from './read-statutes.ts';
import { blockingResults, CHECK_CATEGORIES, type CheckResult } from './statutes.checks.ts';
import type { DiffBlock, StatutesDiff } from './statutes.diff.ts';
import type { EffectiveDraft } from './statutes.draft.ts';
import { completeAnswers } from './statutes.draft.ts';
import type { StatutesVersionRow } from './statutes.queries.ts';
import {
  AMENDMENT_OPTIONS,
  AUDIT_OPTIONS,
  DISSOLUTION_MAJORITY_OPTIONS,
  type DraftAnswers,
  draftToFormValues,
  FEE_OPTIONS,
  PAGE_FIELDS,
  PAGE_SLUGS,
  type PageSlug,
  SIGNATURE_OPTIONS,
} from './statutes.schema.ts';
import { kommuneLabel, monthName, type StatutesLanguage, sectionHeading, statutesSections } from './statutes.template.ts';

/** GOV.UK question pages, check answers, versions and diff for the statutes builder (vedtekter). */

interface Org {
  id: string;
  name: string;
}

const base = (o: Org) => `/arbeidsrom/${o.id}/vedtekter`;

const KOMMUNER = [...kommuneData.kommuner].sort((a, b) => a.navn.localeCompare(b.navn, 'nb'));

const dateTime = (v: ViewContext, d: Date) =>
  d.toLocaleString(v.lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });
const dateOnly = (v: ViewContext, d: Date) =>
  d.toLocaleDateString(v.lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'long', timeZone: 'Europe/Oslo' });

function Breadcrumbs(props: { v: ViewContext; organisation: Org; current: string; statutesLevel?: boolean }) {
  const { v, organisation: o } = props;
  const { t } = v;
  return (
    <nav aria-label={t('layout.breadcrumbs')} class="ds-breadcrumbs">
      <ol>
        <li>
          <a class="ds-link" href="/arbeidsrom">
            {t('orgs.list.title')}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`/arbeidsrom/${o.id}`}>
            {o.name}
          </a>
        </li>
        {props.statutesLevel ? (
          <li>
            <a class="ds-link" href={base(o)}>
              {t('statutes.title')}
            </a>
          </li>
        ) : null}
        <li>
          <a class="ds-link" href={v.currentPath} aria-current="page">
            {props.current}
          </a>
        </li>
      </ol>
    </nav>
  );
}

/** GOV.UK back link: to the previous question (or where the person came from). */
function BackLink(props: { v: ViewContext; href: string }) {
  return (
    <p class="back-link">
      <a class="ds-link" href={props.href}>
        {props.v.t('statutes.back')}
      </a>
    </p>
  );
}

function NumberField(props: { id: string; label: string; hint?: string; value?: string; error?: string }) {
  return (
    <TextField
      id={props.id}
      label={props.label}
      description={props.hint}
      value={props.value}
      error={props.error}
      inputmode="numeric"
      width="short"
    />
  );
}

/** Where a prefilled value came from, shown under the question so the person knows to check it. */
function PrefillNote(props: { v: ViewContext; prefill: Prefilled; fields: readonly string[]; basedOnVersion: number | null }) {
  const sources = new Set(props.fields.map((f) => props.prefill[f]?.source).filter(Boolean));
  if (sources.has('statutes') && props.basedOnVersion !== null) {
    return <p class="ds-paragraph prefill-note">{props.v.t('statutes.fromStatutes', { version: props.basedOnVersion })}</p>;
  }
  if (sources.has('workspace')) return <p class="ds-paragraph prefill-note">{props.v.t('statutes.fromWorkspace')}</p>;
  return null;
}

function previousHref(o: Org, page: PageSlug, returnTo: 'sjekk' | null): string {
  if (returnTo) return `${base(o)}/sjekk`;
  const i = PAGE_SLUGS.indexOf(page);
  return i === 0 ? base(o) : `${base(o)}/${PAGE_SLUGS[i - 1]}`;
}

export function QuestionPageView(props: {
  v: ViewContext;
  organisation: Org;
  page: PageSlug;
  draft: EffectiveDraft;
  /** Posted values when re-showing the page with errors; otherwise the draft's. */
  values?: Record<string, string>;
  errors?: Record<string, string>;
  returnTo: 'sjekk' | null;
}) {
  const { v, organisation: o, page } = props;
  const { t } = v;
  const errors = props.errors ?? {};
  const values = props.values ?? draftToFormValues(props.draft.answers, props.draft.language);
  // Error summary in the order the fields appear.
  const orderedErrors: Record<string, string> = {};
  for (const f of PAGE_FIELDS[page]) if (errors[f]) orderedErrors[f] = errors[f];
  for (const [k, e] of Object.entries(errors)) if (!orderedErrors[k]) orderedErrors[k] = e;
  const action = `${base(o)}/${page}${props.returnTo ? '?tilbake=sjekk' : ''}`;
  const yesNo = (): Option[] => [
    { value: 'yes', label: t('statutes.yes') },
    { value: 'no', label: t('statutes.no') },
  ];
  const q = (key: string) => t(`statutes.q.${page}.${key}` as MessageKey);

  let body: Child;
  let multi = false;
  switch (page) {
    case 'malform':
      body = (
        <Radios
          id="language"
          asHeading
          legend={q('title')}
          hint={q('hint')}
          options={[
            { value: 'nb', label: q('nb') },
            { value: 'nn', label: q('nn') },
          ]}
          value={values.language}
          error={errors.language}
        />
      );
      break;
    case 'navn':
      body = (
        <div class="ds-field form-field">
          <h1 class="ds-heading question-heading" data-size="md">
            <label class="ds-label" for="name">
              {q('title')}
            </label>
          </h1>
          <Hint id="name-hint">{q('hint')}</Hint>
          <FieldError id="name" error={errors.name} />
          <input
            class="ds-input"
            id="name"
            name="name"
            type="text"
            value={values.name ?? ''}
            autocomplete="organization"
            aria-invalid={errors.name ? 'true' : undefined}
            aria-describedby={describedBy('name-hint', errors.name && 'name-error')}
          />
        </div>
      );
      break;
    case 'kommune':
      body = (
        <Select
          id="kommune"
          asHeading
          label={q('title')}
          hint={q('hint')}
          placeholder={q('choose')}
          options={KOMMUNER.map((k) => ({ value: k.kommunenummer, label: k.navn }))}
          value={values.kommune}
          error={errors.kommune}
        />
      );
      break;
    case 'formal':
      body = <TextArea id="purpose" asHeading label={q('title')} hint={q('hint')} value={values.purpose} error={errors.purpose} rows={6} />;
      break;
    case 'organisasjonsform':
      body = (
        <Radios
          id="selveiende"
          asHeading
          legend={q('title')}
          hint={q('hint')}
          options={[
            { value: 'yes', label: q('yes'), hint: q('yesHint') },
            { value: 'no', label: q('no') },
          ]}
          value={values.selveiende}
          error={errors.selveiende}
        />
      );
      break;
    case 'medlemskap':
      multi = true;
      body = (
        <>
          <TextArea id="openTo" label={q('openTo')} hint={q('openToHint')} value={values.openTo} error={errors.openTo} rows={2} />
          <NumberField
            id="votingMinimumAge"
            label={q('age')}
            hint={q('ageHint')}
            value={values.votingMinimumAge}
            error={errors.votingMinimumAge}
          />
          <NumberField
            id="votingMinimumMonths"
            label={q('months')}
            hint={q('monthsHint')}
            value={values.votingMinimumMonths}
            error={errors.votingMinimumMonths}
          />
          <Radios
            id="feeRequiredToVote"
            legend={q('fee')}
            options={yesNo()}
            value={values.feeRequiredToVote}
            error={errors.feeRequiredToVote}
          />
        </>
      );
      break;
    case 'kontingent':
      body = (
        <Radios
          id="feeSetBy"
          asHeading
          legend={q('title')}
          hint={q('hint')}
          options={FEE_OPTIONS.map((value) => ({ value, label: q(value) }))}
          value={values.feeSetBy}
          error={errors.feeSetBy}
        />
      );
      break;
    case 'arsmote':
      multi = true;
      body = (
        <>
          <fieldset
            class="ds-fieldset form-field"
            aria-describedby={describedBy(
              'deadline-hint',
              errors.deadlineDay && 'deadlineDay-error',
              errors.deadlineMonth && 'deadlineMonth-error',
            )}
          >
            <legend class="ds-label">{q('deadline')}</legend>
            <Hint id="deadline-hint">{q('deadlineHint')}</Hint>
            <FieldError id="deadlineDay" error={errors.deadlineDay} />
            <FieldError id="deadlineMonth" error={errors.deadlineMonth} />
            <div class="date-parts">
              <div class="ds-field">
                <label class="ds-label" for="deadlineDay" data-weight="regular">
                  {q('day')}
                </label>
                <input
                  class="ds-input input-day"
                  id="deadlineDay"
                  name="deadlineDay"
                  type="text"
                  inputmode="numeric"
                  value={values.deadlineDay ?? ''}
                  aria-invalid={errors.deadlineDay ? 'true' : undefined}
                />
              </div>
              <div class="ds-field">
                <label class="ds-label" for="deadlineMonth" data-weight="regular">
                  {q('month')}
                </label>
                <select class="ds-input" id="deadlineMonth" name="deadlineMonth" aria-invalid={errors.deadlineMonth ? 'true' : undefined}>
                  {Array.from({ length: 12 }, (_, i) => (
                    <option value={String(i + 1)} selected={values.deadlineMonth === String(i + 1)}>
                      {monthName(i + 1)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </fieldset>
          <NumberField id="noticeDays" label={q('notice')} hint={q('noticeHint')} value={values.noticeDays} error={errors.noticeDays} />
          <NumberField
            id="proposalsDays"
            label={q('proposals')}
            hint={q('proposalsHint')}
            value={values.proposalsDays}
            error={errors.proposalsDays}
          />
          <NumberField id="papersDays" label={q('papers')} hint={q('papersHint')} value={values.papersDays} error={errors.papersDays} />
        </>
      );
      break;
    case 'styre':
      multi = true;
      body = (
        <>
          <NumberField id="minMembers" label={q('min')} hint={q('minHint')} value={values.minMembers} error={errors.minMembers} />
          <NumberField id="maxMembers" label={q('max')} value={values.maxMembers} error={errors.maxMembers} />
          <NumberField id="termYears" label={q('term')} hint={q('termHint')} value={values.termYears} error={errors.termYears} />
        </>
      );
      break;
    case 'signatur':
      body = (
        <Radios
          id="signature"
          asHeading
          legend={q('title')}
          hint={q('hint')}
          options={SIGNATURE_OPTIONS.map((value) => ({ value, label: q(value) }))}
          value={values.signature}
          error={errors.signature}
        />
      );
      break;
    case 'vedtektsendringer':
      body = (
        <Radios
          id="amendmentMajority"
          asHeading
          legend={q('title')}
          hint={q('hint')}
          options={AMENDMENT_OPTIONS.map((value) => ({ value, label: t(`statutes.q.majority.${value}` as MessageKey) }))}
          value={values.amendmentMajority}
          error={errors.amendmentMajority}
        />
      );
      break;
    case 'opplosning':
      multi = true;
      body = (
        <>
          <Radios
            id="dissolutionMajority"
            legend={q('majority')}
            options={DISSOLUTION_MAJORITY_OPTIONS.map((value) => ({ value, label: t(`statutes.q.majority.${value}` as MessageKey) }))}
            value={values.dissolutionMajority}
            error={errors.dissolutionMajority}
          />
          <Radios
            id="requiresSecondMeeting"
            legend={q('second')}
            hint={q('secondHint')}
            options={yesNo()}
            value={values.requiresSecondMeeting}
            error={errors.requiresSecondMeeting}
          />
          <TextArea id="assetsTo" label={q('assetsTo')} hint={q('assetsToHint')} value={values.assetsTo} error={errors.assetsTo} rows={3} />
        </>
      );
      break;
    case 'revisjon':
      body = (
        <Radios
          id="audit"
          asHeading
          legend={q('title')}
          hint={q('hint')}
          options={AUDIT_OPTIONS.map((value) => ({
            value,
            label: q(value),
            hint: value === 'elected' ? q('electedHint') : value === 'none' ? q('noneHint') : undefined,
          }))}
          value={values.audit}
          error={errors.audit}
        />
      );
      break;
  }

  return (
    <>
      <BackLink v={v} href={previousHref(o, page, props.returnTo)} />
      <p class="ds-paragraph question-caption" data-size="sm">
        {t('statutes.title')} – {t('statutes.progress', { n: PAGE_SLUGS.indexOf(page) + 1, total: PAGE_SLUGS.length })}
      </p>
      <ErrorSummary v={v} errors={orderedErrors} />
      {multi ? (
        <>
          <h1 class="ds-heading" data-size="md">
            {q('title')}
          </h1>
          <p class="ds-paragraph">{q('lead')}</p>
        </>
      ) : null}
      <PrefillNote v={v} prefill={props.draft.prefill} fields={PAGE_FIELDS[page]} basedOnVersion={props.draft.basedOnVersion} />
      <form method="post" action={action} class="stack" novalidate>
        <CsrfField v={v} />
        {body}
        <button type="submit" class="ds-button" data-variant="primary">
          {props.returnTo ? t('statutes.saveAndReturn') : t('statutes.saveAndContinue')}
        </button>
      </form>
    </>
  );
}

// ---------- overview ----------

export function OverviewView(props: {
  v: ViewContext;
  organisation: Org;
  canEdit: boolean;
  current: StatutesVersionRow | null;
  versionCount: number;
  draft: (EffectiveDraft & { unanswered: PageSlug[] }) | null;
}) {
  const { v, organisation: o, current, draft } = props;
  const { t } = v;
  const total = PAGE_SLUGS.length;
  return (
    <>
      <Breadcrumbs v={v} organisation={o} current={t('statutes.title')} />
      <h1 class="ds-heading" data-size="lg">
        {t('statutes.title')}
      </h1>
      <p class="ds-paragraph">{t('statutes.overview.lead')}</p>
      <section aria-labelledby="current-heading">
        <h2 class="ds-heading" data-size="sm" id="current-heading">
          {current ? t('statutes.overview.read') : t('statutes.title')}
        </h2>
        {current ? (
          <>
            <p class="ds-paragraph">
              {t('statutes.overview.current', {
                version: current.version,
                date: dateOnly(v, current.adoptedAt),
                name: current.adoptedByName,
              })}
            </p>
            <ul class="ds-list">
              <li>
                <a class="ds-link" href={`${base(o)}/versjon?nr=${current.version}`}>
                  {t('statutes.overview.read')}
                </a>
              </li>
              <li>
                <a class="ds-link" href={`${base(o)}/vedtekter.pdf?nr=${current.version}`}>
                  {t('statutes.overview.pdf')}
                </a>
              </li>
              <li>
                <a class="ds-link" href={`${base(o)}/vedtekter.html?nr=${current.version}`}>
                  {t('statutes.overview.html')}
                </a>
              </li>
              <li>
                <a class="ds-link" href={`${base(o)}/versjoner`}>
                  {t('statutes.overview.versions')}
                </a>
              </li>
            </ul>
          </>
        ) : (
          <p class="ds-paragraph">{t('statutes.overview.none')}</p>
        )}
      </section>
      {props.canEdit ? (
        <section aria-labelledby="draft-heading">
          <h2 class="ds-heading" data-size="sm" id="draft-heading">
            {draft ? t('statutes.overview.draftTitle') : current ? t('statutes.overview.change') : t('statutes.overview.start')}
          </h2>
          {draft ? (
            <>
              <p class="ds-paragraph">
                {t('statutes.overview.draftSaved', {
                  date: draft.updatedAt ? dateTime(v, draft.updatedAt) : '',
                  name: draft.updatedByName ?? '',
                  answered: total - draft.unanswered.length,
                  total,
                })}
              </p>
              <p>
                {draft.unanswered.length > 0 ? (
                  <a class="ds-button" data-variant="primary" href={`${base(o)}/${draft.unanswered[0]}`}>
                    {t('statutes.overview.continue')}
                  </a>
                ) : (
                  <a class="ds-button" data-variant="primary" href={`${base(o)}/sjekk`}>
                    {t('statutes.overview.check')}
                  </a>
                )}
              </p>
            </>
          ) : current ? (
            <>
              <p class="ds-paragraph">{t('statutes.overview.changeLead')}</p>
              <p>
                <a class="ds-button" data-variant="primary" href={`${base(o)}/sjekk`}>
                  {t('statutes.overview.change')}
                </a>
              </p>
            </>
          ) : (
            <>
              <p class="ds-paragraph">{t('statutes.overview.startLead', { total })}</p>
              <p>
                <a class="ds-button" data-variant="primary" href={`${base(o)}/${PAGE_SLUGS[0]}`}>
                  {t('statutes.overview.start')}
                </a>
              </p>
            </>
          )}
        </section>
      ) : (
        <p class="ds-paragraph">{t('statutes.overview.readOnly')}</p>
      )}
    </>
  );
}

// ---------- check answers ----------

function languageName(v: ViewContext, lang: StatutesLanguage) {
  return v.t(`statutes.language.${lang}` as MessageKey);
}

/** The answer to each question page in words, for the summary list. Null while unanswered. */
function answerText(v: ViewContext, page: PageSlug, d: DraftAnswers, language: StatutesLanguage): string | null {
  const { t } = v;
  switch (page) {
    case 'malform':
      return languageName(v, language);
    case 'navn':
      return d.name ?? null;
    case 'kommune':
      return d.kommunenummer ? `${kommuneLabel(d.kommunenummer)} (${d.kommunenummer})` : null;
    case 'formal':
      return d.purpose ?? null;
    case 'organisasjonsform':
      return d.selveiende === undefined
        ? null
        : d.selveiende
          ? t('statutes.q.organisasjonsform.yes')
          : t('statutes.q.organisasjonsform.no');
    case 'medlemskap':
      return d.membership
        ? t('statutes.value.membership', {
            openTo: d.membership.openTo,
            age: d.membership.votingMinimumAge,
            months: d.membership.votingMinimumMonths,
            fee: d.membership.feeRequiredToVote ? t('statutes.value.membershipFee') : '',
          })
        : null;
    case 'kontingent':
      return d.feeSetBy ? t(`statutes.q.kontingent.${d.feeSetBy}` as MessageKey) : null;
    case 'arsmote':
      return d.annualMeeting
        ? t('statutes.value.annualMeeting', {
            day: d.annualMeeting.deadlineDay,
            month: monthName(d.annualMeeting.deadlineMonth),
            notice: d.annualMeeting.noticeDays,
            proposals: d.annualMeeting.proposalsDays,
            papers: d.annualMeeting.papersDays,
          })
        : null;
    case 'styre':
      return d.board ? t('statutes.value.board', { min: d.board.minMembers, max: d.board.maxMembers, term: d.board.termYears }) : null;
    case 'signatur':
      return d.signature ? t(`statutes.q.signatur.${d.signature}` as MessageKey) : null;
    case 'vedtektsendringer':
      return d.amendmentMajority ? t(`statutes.q.majority.${d.amendmentMajority}` as MessageKey) : null;
    case 'opplosning':
      return d.dissolution
        ? t('statutes.value.dissolution', {
            majority: t(`statutes.q.majority.${d.dissolution.majority}` as MessageKey),
            second: d.dissolution.requiresSecondMeeting ? t('statutes.value.secondMeeting') : t('statutes.value.noSecondMeeting'),
            assetsTo: d.dissolution.assetsTo,
          })
        : null;
    case 'revisjon':
      return d.audit ? t(`statutes.q.revisjon.${d.audit}` as MessageKey) : null;
  }
}

const ROW_KEY: Record<PageSlug, MessageKey> = {
  malform: 'statutes.row.language',
  navn: 'statutes.row.name',
  kommune: 'statutes.row.kommune',
  formal: 'statutes.row.purpose',
  organisasjonsform: 'statutes.row.selveiende',
  medlemskap: 'statutes.row.membership',
  kontingent: 'statutes.row.fee',
  arsmote: 'statutes.row.annualMeeting',
  styre: 'statutes.row.board',
  signatur: 'statutes.row.signature',
  vedtektsendringer: 'statutes.row.amendments',
  opplosning: 'statutes.row.dissolution',
  revisjon: 'statutes.row.audit',
};

function statusLabel(v: ViewContext, r: CheckResult): string {
  if (r.status === 'fail' && r.category === 'recommended') return v.t('statutes.check.status.failRecommended');
  return v.t(`statutes.check.status.${r.status}` as MessageKey);
}

const STATUS_COLOUR: Record<CheckResult['status'], string> = { pass: 'success', fail: 'danger', unanswered: 'warning', declare: 'info' };

function CheckList(props: { v: ViewContext; organisation: Org; results: CheckResult[] }) {
  const { v, organisation: o } = props;
  const { t } = v;
  return (
    <ul class="ds-list--unstyled check-list">
      {props.results.map((r) => {
        const colour = r.category === 'recommended' && r.status === 'fail' ? 'warning' : STATUS_COLOUR[r.status];
        return (
          <li class="check-item" data-status={r.status}>
            <p class="ds-paragraph check-item__head">
              {/* The status is words, not only a colour (WCAG 1.4.1). */}
              <span class="ds-tag" data-color={colour}>
                {statusLabel(v, r)}
              </span>{' '}
              <strong>{t(`statutes.check.${r.id}.title` as MessageKey)}</strong>
            </p>
            {r.status === 'fail' || r.status === 'declare' ? (
              <>
                <p class="ds-paragraph" data-size="sm">
                  {t(`statutes.check.${r.id}.fail` as MessageKey)}
                </p>
                <p class="ds-paragraph" data-size="sm">
                  {t('statutes.check.whatToDo', { fix: t(`statutes.check.${r.id}.fix` as MessageKey) })}
                  {r.page ? (
                    <>
                      {' '}
                      <a class="ds-link" href={`${base(o)}/${r.page}?tilbake=sjekk`}>
                        {t('statutes.check.goTo')}
                        <span class="ds-sr-only">: {t(`statutes.check.${r.id}.title` as MessageKey)}</span>
                      </a>
                    </>
                  ) : null}
                </p>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The statutes text as headings and paragraphs, in the statutes' own language (lang attribute). */
function StatutesBody(props: { answers: Parameters<typeof statutesSections>[0]; language: StatutesLanguage; headingLevel: 2 | 3 }) {
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="statutes-text" lang={props.language}>
      {statutesSections(props.answers, props.language).map((s) => (
        <section>
          <H class="ds-heading" data-size="xs">
            {sectionHeading(s)}
          </H>
          {s.parts.map((p) =>
            p.kind === 'paragraph' ? (
              <p class="ds-paragraph">{p.text}</p>
            ) : (
              <>
                {p.intro ? <p class="ds-paragraph">{p.intro}</p> : null}
                <ol class="ds-list">
                  {p.items.map((item) => (
                    <li>{item}</li>
                  ))}
                </ol>
              </>
            ),
          )}
        </section>
      ))}
    </div>
  );
}

export function CheckAnswersView(props: { v: ViewContext; data: CheckAnswersData; problem?: string }) {
  const { v } = props;
  const { t } = v;
  const { organisation: o, draft, checks, unanswered, current } = props.data;
  const blocking = blockingResults(checks);
  const complete = completeAnswers(draft);
  const nextVersion = (current?.version ?? 0) + 1;
  const canAdopt = complete !== null && blocking.length === 0 && props.data.changed && draft.revision !== null;
  return (
    <>
      <BackLink v={v} href={base(o)} />
      <h1 class="ds-heading" data-size="lg">
        {t('statutes.check.title')}
      </h1>
      {props.problem ? (
        <div class="ds-alert" data-color="danger" role="alert">
          <p class="ds-paragraph">{props.problem}</p>
        </div>
      ) : null}
      {unanswered.length > 0 ? (
        <div class="ds-alert" data-color="warning">
          <p class="ds-paragraph">{t('statutes.check.missing', { count: unanswered.length, total: PAGE_SLUGS.length })}</p>
        </div>
      ) : null}
      <section aria-labelledby="answers-heading">
        <h2 class="ds-heading" data-size="sm" id="answers-heading">
          {t('statutes.check.answersTitle')}
        </h2>
        <dl class="summary-list">
          {PAGE_SLUGS.map((page) => {
            const value = draft.answeredPages.includes(page) ? answerText(v, page, draft.answers, draft.language) : null;
            const answered = value !== null;
            return (
              <div class="summary-list__row">
                <dt>{t(ROW_KEY[page])}</dt>
                <dd>{value !== null ? value : <span class="summary-list__missing">{t('statutes.check.notAnswered')}</span>}</dd>
                <dd class="summary-list__action">
                  <a class="ds-link" href={`${base(o)}/${page}?tilbake=sjekk`}>
                    {answered ? t('statutes.check.change') : t('statutes.check.answer')}
                    <span class="ds-sr-only"> {t(ROW_KEY[page]).toLocaleLowerCase(v.lang === 'en' ? 'en' : 'nb')}</span>
                  </a>
                </dd>
              </div>
            );
          })}
        </dl>
      </section>
      <section aria-labelledby="checks-heading">
        <h2 class="ds-heading" data-size="sm" id="checks-heading">
          {t('statutes.check.checksTitle')}
        </h2>
        <p class="ds-paragraph">{t('statutes.check.checksLead')}</p>
        {blocking.length > 0 ? (
          <div class="ds-alert" data-color="danger">
            <p class="ds-paragraph">{t('statutes.check.blocking', { count: blocking.length })}</p>
          </div>
        ) : null}
        {CHECK_CATEGORIES.map((category) => (
          <section aria-labelledby={`checks-${category}`}>
            <h3 class="ds-heading" data-size="xs" id={`checks-${category}`}>
              {t(`statutes.check.category.${category}` as MessageKey)}
            </h3>
            <CheckList v={v} organisation={o} results={checks.filter((c) => c.category === category)} />
          </section>
        ))}
      </section>
      <section aria-labelledby="preview-heading">
        <h2 class="ds-heading" data-size="sm" id="preview-heading">
          {t('statutes.check.previewTitle')}
        </h2>
        {complete ? (
          <div class="ds-card statutes-preview">
            <StatutesBody answers={complete} language={draft.language} headingLevel={3} />
          </div>
        ) : (
          <p class="ds-paragraph">{t('statutes.check.previewMissing')}</p>
        )}
      </section>
      {complete && !props.data.changed && current ? (
        <div class="ds-alert" data-color="info">
          <p class="ds-paragraph">{t('statutes.check.unchanged', { version: current.version })}</p>
        </div>
      ) : null}
      {canAdopt ? (
        <section aria-labelledby="adopt-heading">
          <h2 class="ds-heading" data-size="sm" id="adopt-heading">
            {t('statutes.check.adoptTitle')}
          </h2>
          <p class="ds-paragraph">{t('statutes.check.adoptLead', { version: nextVersion })}</p>
          <form method="post" action={`${base(o)}/vedta`}>
            <CsrfField v={v} />
            <input type="hidden" name="revision" value={String(draft.revision)} />
            <button type="submit" class="ds-button" data-variant="primary">
              {t('statutes.check.adopt')}
            </button>
          </form>
        </section>
      ) : null}
      {draft.revision !== null ? (
        <section aria-labelledby="discard-heading">
          <h2 class="ds-heading" data-size="sm" id="discard-heading">
            {t('statutes.check.discardTitle')}
          </h2>
          <p class="ds-paragraph">{t('statutes.check.discardLead')}</p>
          <form method="post" action={`${base(o)}/forkast`}>
            <CsrfField v={v} />
            <button type="submit" class="ds-button" data-variant="secondary">
              {t('statutes.check.discard')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

// ---------- versions ----------

export function VersionsView(props: {
  v: ViewContext;
  organisation: Org;
  versions: { version: number; language: string; adoptedAt: Date; adoptedByName: string }[];
}) {
  const { v, organisation: o, versions } = props;
  const { t } = v;
  return (
    <>
      <Breadcrumbs v={v} organisation={o} current={t('statutes.versions.title')} statutesLevel />
      <h1 class="ds-heading" data-size="lg">
        {t('statutes.versions.title')}
      </h1>
      {versions.length === 0 ? (
        <p class="ds-paragraph">{t('statutes.versions.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="ds-table">
            <caption>{t('statutes.versions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statutes.versions.version')}</th>
                <th scope="col">{t('statutes.versions.adoptedAt')}</th>
                <th scope="col">{t('statutes.versions.adoptedBy')}</th>
                <th scope="col">{t('statutes.versions.language')}</th>
                <th scope="col">{t('statutes.versions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((row) => (
                <tr>
                  <th scope="row">{row.version}</th>
                  <td>{dateTime(v, row.adoptedAt)}</td>
                  <td>{row.adoptedByName}</td>
                  <td>{languageName(v, row.language === 'nn' ? 'nn' : 'nb')}</td>
                  <td>
                    <ul class="ds-list--unstyled">
                      <li>
                        <a class="ds-link" href={`${base(o)}/versjon?nr=${row.version}`}>
                          {t('statutes.versions.read', { version: row.version })}
                        </a>
                      </li>
                      {row.version > 1 ? (
                        <li>
                          <a class="ds-link" href={`${base(o)}/endringer?fra=${row.version - 1}&til=${row.version}`}>
                            {t('statutes.versions.diffPrevious', { previous: row.version - 1, version: row.version })}
                          </a>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {versions.length >= 2 ? <CompareForm v={v} organisation={o} versions={versions.map((r) => r.version)} /> : null}
    </>
  );
}

function CompareForm(props: { v: ViewContext; organisation: Org; versions: number[]; from?: number; to?: number }) {
  const { v, organisation: o, versions } = props;
  const { t } = v;
  const to = props.to ?? versions[0]!;
  const from = props.from ?? versions[1]!;
  return (
    <section aria-labelledby="compare-heading">
      <h2 class="ds-heading" data-size="sm" id="compare-heading">
        {t('statutes.versions.compareTitle')}
      </h2>
      <form method="get" action={`${base(o)}/endringer`} class="compare-form">
        <div class="ds-field">
          <label class="ds-label" for="compare-from">
            {t('statutes.versions.from')}
          </label>
          <select class="ds-input" id="compare-from" name="fra">
            {versions.map((n) => (
              <option value={String(n)} selected={n === from}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div class="ds-field">
          <label class="ds-label" for="compare-to">
            {t('statutes.versions.to')}
          </label>
          <select class="ds-input" id="compare-to" name="til">
            {versions.map((n) => (
              <option value={String(n)} selected={n === to}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="ds-button" data-variant="secondary">
          {t('statutes.versions.compare')}
        </button>
      </form>
    </section>
  );
}

export function VersionView(props: { v: ViewContext; organisation: Org; version: StatutesVersionRow; versionCount: number }) {
  const { v, organisation: o, version: s } = props;
  const { t } = v;
  const title = t('statutes.version.title', { version: s.version });
  return (
    <>
      <Breadcrumbs v={v} organisation={o} current={title} statutesLevel />
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      <p class="ds-paragraph">
        {t('statutes.version.meta', { date: dateTime(v, s.adoptedAt), name: s.adoptedByName, language: languageName(v, s.language) })}
      </p>
      {s.version < props.versionCount ? (
        <div class="ds-alert" data-color="info">
          <p class="ds-paragraph">
            {t('statutes.version.notCurrent', { version: props.versionCount })}{' '}
            <a class="ds-link" href={`${base(o)}/versjon?nr=${props.versionCount}`}>
              {t('statutes.version.readCurrent')}
            </a>
          </p>
        </div>
      ) : null}
      <ul class="ds-list">
        <li>
          <a class="ds-link" href={`${base(o)}/vedtekter.pdf?nr=${s.version}`}>
            {t('statutes.overview.pdf')}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`${base(o)}/vedtekter.html?nr=${s.version}`}>
            {t('statutes.overview.html')}
          </a>
        </li>
        {s.version > 1 ? (
          <li>
            <a class="ds-link" href={`${base(o)}/endringer?fra=${s.version - 1}&til=${s.version}`}>
              {t('statutes.versions.diffPrevious', { previous: s.version - 1, version: s.version })}
            </a>
          </li>
        ) : null}
        <li>
          <a class="ds-link" href={`${base(o)}/versjoner`}>
            {t('statutes.overview.versions')}
          </a>
        </li>
      </ul>
      <div class="ds-card statutes-preview">
        <StatutesBody answers={s.answers} language={s.language} headingLevel={2} />
      </div>
    </>
  );
}

// ---------- diff ----------

/** Inline changes: <ins>/<del> with words for screen readers, so the change is not shown by colour alone. */
function Tokens(props: { v: ViewContext; tokens: { kind: 'same' | 'added' | 'removed'; text: string }[] }) {
  const { t } = props.v;
  return (
    <>
      {props.tokens.map((tok) =>
        tok.kind === 'same' ? (
          tok.text
        ) : tok.kind === 'added' ? (
          <ins class="diff-ins">
            <span class="ds-sr-only">[{t('statutes.diff.added')}: </span>
            {tok.text}
            <span class="ds-sr-only">]</span>
          </ins>
        ) : (
          <del class="diff-del">
            <span class="ds-sr-only">[{t('statutes.diff.removed')}: </span>
            {tok.text}
            <span class="ds-sr-only">]</span>
          </del>
        ),
      )}
    </>
  );
}

/** A block's lines (list items are one per line) with line breaks kept. */
function Lines(props: { text: string }) {
  const lines = props.text.split('\n');
  return (
    <>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  );
}

function DiffBlockView(props: { v: ViewContext; block: DiffBlock }) {
  const { v, block } = props;
  const { t } = v;
  const isHeading = (text: string) => text.startsWith('§ ');
  switch (block.kind) {
    case 'same':
      return isHeading(block.text) ? (
        <h2 class="ds-heading" data-size="xs">
          {block.text}
        </h2>
      ) : (
        <p class="ds-paragraph">
          <Lines text={block.text} />
        </p>
      );
    case 'added':
      return (
        <div class="diff-block" data-change="added">
          <p class="ds-paragraph diff-block__label" data-size="sm">
            {t('statutes.diff.addedParagraph')}
          </p>
          <p class="ds-paragraph">
            <ins class="diff-ins">
              <span class="ds-sr-only">[{t('statutes.diff.added')}: </span>
              <Lines text={block.text} />
              <span class="ds-sr-only">]</span>
            </ins>
          </p>
        </div>
      );
    case 'removed':
      return (
        <div class="diff-block" data-change="removed">
          <p class="ds-paragraph diff-block__label" data-size="sm">
            {t('statutes.diff.removedParagraph')}
          </p>
          <p class="ds-paragraph">
            <del class="diff-del">
              <span class="ds-sr-only">[{t('statutes.diff.removed')}: </span>
              <Lines text={block.text} />
              <span class="ds-sr-only">]</span>
            </del>
          </p>
        </div>
      );
    case 'changed':
      return (
        <div class="diff-block" data-change="changed">
          <p class="ds-paragraph diff-block__label" data-size="sm">
            {t('statutes.diff.changedParagraph')}
          </p>
          <p class="ds-paragraph diff-changed">
            <Tokens v={v} tokens={block.tokens} />
          </p>
        </div>
      );
  }
}

export function DiffView(props: {
  v: ViewContext;
  organisation: Org;
  from: StatutesVersionRow;
  to: StatutesVersionRow;
  diff: StatutesDiff;
  versions: { version: number }[];
}) {
  const { v, organisation: o, from, to, diff } = props;
  const { t } = v;
  const title = t('statutes.diff.title', { from: from.version, to: to.version });
  const unchanged = diff.summary.added + diff.summary.removed + diff.summary.changed === 0;
  return (
    <>
      <Breadcrumbs v={v} organisation={o} current={title} statutesLevel />
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      <p class="ds-paragraph">{unchanged ? t('statutes.diff.none') : t('statutes.diff.summary', diff.summary)}</p>
      <p class="ds-paragraph" data-size="sm">
        {t('statutes.diff.howToRead')}
      </p>
      <div class="ds-card statutes-diff" lang={to.language === from.language ? to.language : undefined}>
        {diff.blocks.map((block) => (
          <DiffBlockView v={v} block={block} />
        ))}
      </div>
      <CompareForm v={v} organisation={o} versions={props.versions.map((r) => r.version)} from={from.version} to={to.version} />
      <p class="ds-paragraph">
        <a class="ds-link" href={`${base(o)}/versjoner`}>
          {t('statutes.overview.versions')}
        </a>
      </p>
    </>
  );
}
