import type { Child } from 'hono/jsx';
import { describedBy, FieldError, Hint, Select, TextArea } from '../../core/form-fields.tsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary, TextField } from '../../core/layout.tsx';
import { BOARD_ROLES, type FoundingMeeting, PAGES, type PageSlug, PROTOCOL_LANGUAGES } from './founding.data.ts';
import { longDate } from './founding.documents.ts';
import type { BoardRules, Problem } from './founding.rules.ts';
import type { FormInput } from './founding.schema.ts';
import type { PageView } from './read-founding.ts';

/** GOV.UK question pages, check answers and confirmation for the founding meeting (stiftelsesmøte). */

interface Org {
  id: string;
  name: string;
}

export const foundingBase = (orgId: string) => `/arbeidsrom/${orgId}/stiftelsesmote`;
export const pagePath = (orgId: string, page: PageSlug | 'oppsummering') => `${foundingBase(orgId)}/${page}`;

const pageTitle = (v: ViewContext, page: PageSlug) => v.t(`founding.page.${page}` as MessageKey);
const roleName = (v: ViewContext, role: string) => v.t(`founding.role.${role}` as MessageKey);
const uiDate = (v: ViewContext, iso: string) => longDate(iso, v.lang);
const uiDateTime = (v: ViewContext, d: Date) =>
  d.toLocaleString(v.lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });
const first = (values: FormInput, key: string): string => {
  const value = values[key];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

function Breadcrumbs(props: { v: ViewContext; organisation: Org; current?: string }) {
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
        {props.current ? (
          <li>
            <a class="ds-link" href={foundingBase(o.id)}>
              {t('founding.title')}
            </a>
          </li>
        ) : null}
        <li>
          <a class="ds-link" href={v.currentPath} aria-current="page">
            {props.current ?? t('founding.title')}
          </a>
        </li>
      </ol>
    </nav>
  );
}

// ---------- overview ----------

export interface OverviewData {
  organisation: Org;
  canEdit: boolean;
  draft: { version: number; answeredPages: string[]; updatedAt: Date; problems: Problem[] } | null;
  finalised: FoundingMeeting | null;
  finalisedByName: string | null;
  versions: { version: number; finalisedAt: Date | null; finalisedByName: string | null }[];
}

export function FoundingOverviewView(props: { v: ViewContext; data: OverviewData }) {
  const { v, data } = props;
  const { t } = v;
  const o = data.organisation;
  const f = data.finalised;
  return (
    <>
      <Breadcrumbs v={v} organisation={o} />
      <h1 class="ds-heading" data-size="lg">
        {t('founding.title')}
      </h1>
      <p class="ds-paragraph lead">{t('founding.lead')}</p>
      {data.canEdit ? null : <p class="ds-paragraph">{t('founding.readOnly')}</p>}

      {f ? (
        <section aria-labelledby="final-heading">
          <h2 class="ds-heading" data-size="md" id="final-heading">
            {t('founding.finalHeading')}
          </h2>
          <p class="ds-paragraph">
            {t('founding.finalSummary', {
              version: f.version,
              date: f.finalisedAt ? uiDateTime(v, f.finalisedAt) : '',
              name: data.finalisedByName ?? '',
              heldOn: f.heldOn ? uiDate(v, f.heldOn) : '',
            })}
          </p>
          <ul class="ds-list">
            <li>
              <a class="ds-link" href={`${foundingBase(o.id)}/protokoll.html`}>
                {t('founding.viewHtml')}
              </a>
            </li>
            <li>
              <a class="ds-link" href={`${foundingBase(o.id)}/protokoll.pdf`} download>
                {t('founding.downloadPdf')}
              </a>
            </li>
          </ul>
          <p class="ds-paragraph" data-size="sm">
            {t('founding.pdfNote')}
          </p>
          {data.canEdit && !data.draft ? (
            <section aria-labelledby="reopen-heading">
              <h3 class="ds-heading" data-size="sm" id="reopen-heading">
                {t('founding.reopenHeading')}
              </h3>
              <p class="ds-paragraph">{t('founding.reopenText', { version: f.version + 1, current: f.version })}</p>
              <form method="post" action={`${foundingBase(o.id)}/gjenapne`}>
                <CsrfField v={v} />
                <button type="submit" class="ds-button" data-variant="secondary">
                  {t('founding.reopenButton')}
                </button>
              </form>
            </section>
          ) : null}
        </section>
      ) : null}

      {data.canEdit && data.draft ? <DraftTasks v={v} organisation={o} draft={data.draft} replaces={f?.version ?? null} /> : null}

      {data.canEdit && !data.draft && !f ? (
        <>
          <p class="ds-paragraph">{t('founding.notStarted')}</p>
          <p>
            <a class="ds-button" data-variant="primary" href={pagePath(o.id, 'mote')}>
              {t('founding.start')}
            </a>
          </p>
        </>
      ) : null}

      {data.versions.length > 1 ? (
        <div class="table-scroll ds-focus" tabindex={0} role="region" aria-labelledby="versions-caption">
          <table class="ds-table" data-border>
            <caption id="versions-caption">{t('founding.versionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('founding.versionsVersion')}</th>
                <th scope="col">{t('founding.versionsFinalised')}</th>
                <th scope="col">{t('founding.versionsBy')}</th>
                <th scope="col">{t('founding.versionsDocuments')}</th>
              </tr>
            </thead>
            <tbody>
              {data.versions.map((row) => (
                <tr>
                  <td>{row.version}</td>
                  <td>{row.finalisedAt ? uiDateTime(v, row.finalisedAt) : ''}</td>
                  <td>{row.finalisedByName ?? ''}</td>
                  <td>
                    <a class="ds-link" href={`${foundingBase(o.id)}/protokoll.pdf?versjon=${row.version}`} download>
                      {t('founding.versionPdf', { version: row.version })}
                    </a>
                    {' · '}
                    <a class="ds-link" href={`${foundingBase(o.id)}/protokoll.html?versjon=${row.version}`}>
                      {t('founding.versionHtml', { version: row.version })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

/** GOV.UK task list: each question page with its status in words. */
function DraftTasks(props: { v: ViewContext; organisation: Org; draft: NonNullable<OverviewData['draft']>; replaces: number | null }) {
  const { v, organisation: o, draft } = props;
  const { t } = v;
  return (
    <section aria-labelledby="draft-heading">
      <h2 class="ds-heading" data-size="md" id="draft-heading">
        {t('founding.draftHeading', { version: draft.version })}
      </h2>
      <p class="ds-paragraph" data-size="sm">
        {t('founding.draftUpdated', { date: uiDateTime(v, draft.updatedAt) })}
        {props.replaces ? ` ${t('founding.draftBesideFinal', { version: props.replaces })}` : ''}
      </p>
      <h3 class="ds-heading" data-size="xs" id="tasks-heading">
        {t('founding.tasksHeading')}
      </h3>
      <ul class="ds-list--unstyled task-list" aria-labelledby="tasks-heading">
        {PAGES.map((page) => {
          const done = draft.answeredPages.includes(page);
          return (
            <li class="task-list__item">
              <a class="ds-link" href={pagePath(o.id, page)} aria-describedby={`task-${page}-status`}>
                {pageTitle(v, page)}
              </a>
              <span class="ds-tag" data-color={done ? 'success' : 'neutral'} id={`task-${page}-status`}>
                {done ? t('founding.taskDone') : t('founding.taskNotStarted')}
              </span>
            </li>
          );
        })}
      </ul>
      <p>
        <a class="ds-button" data-variant="primary" href={pagePath(o.id, 'oppsummering')}>
          {t('founding.checkLink')}
        </a>
      </p>
    </section>
  );
}

// ---------- question pages ----------

export function QuestionPageView(props: { v: ViewContext; view: PageView; errors?: Record<string, string>; returnToCheck: boolean }) {
  const { v, view } = props;
  const { t } = v;
  const errors = props.errors ?? {};
  const o = view.organisation;
  const index = PAGES.indexOf(view.page);
  const back = props.returnToCheck ? pagePath(o.id, 'oppsummering') : index > 0 ? pagePath(o.id, PAGES[index - 1]!) : foundingBase(o.id);
  return (
    <>
      <Breadcrumbs v={v} organisation={o} current={pageTitle(v, view.page)} />
      <p class="back-link">
        <a class="ds-link" href={back}>
          {t('founding.back')}
        </a>
      </p>
      <p class="ds-paragraph question-caption" data-size="sm">
        {t('founding.caption')}
      </p>
      <h1 class="ds-heading" data-size="lg">
        {pageTitle(v, view.page)}
      </h1>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action={`${pagePath(o.id, view.page)}${props.returnToCheck ? '?fra=oppsummering' : ''}`} class="stack" novalidate>
        <CsrfField v={v} />
        <PageFields v={v} view={view} errors={errors} />
        <button type="submit" class="ds-button" data-variant="primary">
          {t('founding.saveContinue')}
        </button>
      </form>
    </>
  );
}

function PageFields(props: { v: ViewContext; view: PageView; errors: Record<string, string> }) {
  switch (props.view.page) {
    case 'mote':
      return <MeetingFields {...props} />;
    case 'sakliste':
      return <AgendaFields {...props} />;
    case 'deltakere':
      return <AttendeesFields {...props} />;
    case 'moteleder':
      return <LeadershipFields {...props} />;
    case 'styre':
      return <BoardFields {...props} />;
    case 'underskrivere':
      return <SignersFields {...props} />;
    case 'vedtak':
      return <DecisionsFields {...props} />;
  }
}

type FieldsProps = { v: ViewContext; view: PageView; errors: Record<string, string> };

function PrefillNote(props: { v: ViewContext; source: string | undefined }) {
  if (!props.source) return null;
  const key = props.source === 'statutes' ? 'founding.prefilledFrom.statutes' : 'founding.prefilledFrom.workspace';
  return <span>{props.v.t(key)}</span>;
}

function MeetingFields({ v, view, errors }: FieldsProps) {
  const { t } = v;
  const values = view.values;
  const language = first(values, 'language');
  return (
    <>
      <TextField
        id="heldOn"
        label={t('founding.heldOn')}
        description={t('founding.heldOnHint')}
        value={first(values, 'heldOn')}
        error={errors.heldOn}
        width="short"
      />
      <TextField
        id="place"
        label={t('founding.place')}
        description={t('founding.placeHint')}
        value={first(values, 'place')}
        error={errors.place}
      />
      <TextArea
        id="purpose"
        label={t('founding.purpose')}
        hint={
          <>
            {t('founding.purposeHint')} <PrefillNote v={v} source={view.prefilled.purpose} />
          </>
        }
        value={first(values, 'purpose')}
        error={errors.purpose}
        rows={5}
      />
      <fieldset class="ds-fieldset" aria-describedby={errors.language ? 'language-error' : undefined}>
        <legend class="ds-label">{t('founding.language')}</legend>
        <FieldError id="language" error={errors.language} />
        {PROTOCOL_LANGUAGES.map((lang, i) => (
          <div class="ds-field">
            <input
              class="ds-input"
              type="radio"
              name="language"
              id={i === 0 ? 'language' : `language-${lang}`}
              value={lang}
              checked={language === lang}
            />
            <label class="ds-label" for={i === 0 ? 'language' : `language-${lang}`} data-weight="regular">
              {t(`founding.lang.${lang}`)}
            </label>
          </div>
        ))}
      </fieldset>
    </>
  );
}

function AgendaFields({ v, view, errors }: FieldsProps) {
  const { t } = v;
  const o = view.organisation;
  const statutesIndex = view.agenda.findIndex((item) => item.key === 'statutes');
  return (
    <>
      <p class="ds-paragraph" id="agenda-lead">
        {t('founding.agendaLead')}
      </p>
      <p class="ds-paragraph prefill-note">
        {view.rules.statutesVersion ? (
          <a class="ds-link" href={`/arbeidsrom/${o.id}/vedtekter`}>
            {t('founding.agendaStatutesLink', { version: view.rules.statutesVersion })}
          </a>
        ) : (
          <>
            {t('founding.agendaNoStatutes')}{' '}
            <a class="ds-link" href={`/arbeidsrom/${o.id}/vedtekter`}>
              {t('founding.agendaStatutesMake')}
            </a>
          </>
        )}
      </p>
      {Array.from({ length: view.agendaRows }, (_, i) => (
        <TextField
          id={`item-${i}`}
          label={t('founding.agendaItem', { n: i + 1 })}
          value={first(view.values, `item-${i}`)}
          error={errors[`item-${i}`]}
          description={
            i === statutesIndex && view.rules.statutesVersion
              ? t('founding.agendaStatutesLink', { version: view.rules.statutesVersion })
              : undefined
          }
        />
      ))}
    </>
  );
}

function AttendeesFields({ v, view, errors }: FieldsProps) {
  const { t } = v;
  return (
    <>
      {view.members.length > 0 ? (
        <fieldset class="ds-fieldset" aria-describedby="members-hint">
          <legend class="ds-label">{t('founding.membersLegend')}</legend>
          <Hint id="members-hint">{t('founding.membersHint')}</Hint>
          {view.members.map((m) => (
            <div class="ds-field">
              <input
                class="ds-input"
                type="checkbox"
                name={`member-${m.userId}`}
                id={`member-${m.userId}`}
                value="yes"
                checked={first(view.values, `member-${m.userId}`) === 'yes'}
              />
              <label class="ds-label" for={`member-${m.userId}`} data-weight="regular">
                {m.name}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <TextArea
        id="others"
        label={t('founding.others')}
        hint={t('founding.othersHint')}
        value={first(view.values, 'others')}
        error={errors.others}
        rows={6}
      />
    </>
  );
}

function NeedAttendees(props: { v: ViewContext; view: PageView }) {
  const { v, view } = props;
  if (view.attendees.length > 0) return null;
  return (
    <p class="ds-paragraph prefill-note">
      <a class="ds-link" href={pagePath(view.organisation.id, 'deltakere')}>
        {pageTitle(v, 'deltakere')}
      </a>
    </p>
  );
}

const attendeeOptions = (view: PageView) => view.attendees.map((name) => ({ value: name, label: name }));

function LeadershipFields({ v, view, errors }: FieldsProps) {
  const { t } = v;
  return (
    <>
      <p class="ds-paragraph">{t('founding.leadershipHint')}</p>
      <NeedAttendees v={v} view={view} />
      <Select
        id="chair"
        label={t('founding.chair')}
        value={first(view.values, 'chair')}
        options={attendeeOptions(view)}
        placeholder={t('founding.chooseAttendee')}
        error={errors.chair}
      />
      <Select
        id="minuteTaker"
        label={t('founding.minuteTaker')}
        value={first(view.values, 'minuteTaker')}
        options={attendeeOptions(view)}
        placeholder={t('founding.chooseAttendee')}
        error={errors.minuteTaker}
      />
    </>
  );
}

function SignersFields({ v, view, errors }: FieldsProps) {
  const { t } = v;
  return (
    <>
      <p class="ds-paragraph">{t('founding.signersHint')}</p>
      <NeedAttendees v={v} view={view} />
      <Select
        id="signer1"
        label={t('founding.signer1')}
        value={first(view.values, 'signer1')}
        options={attendeeOptions(view)}
        placeholder={t('founding.chooseAttendee')}
        error={errors.signer1}
      />
      <Select
        id="signer2"
        label={t('founding.signer2')}
        value={first(view.values, 'signer2')}
        options={attendeeOptions(view)}
        placeholder={t('founding.chooseAttendee')}
        error={errors.signer2}
      />
    </>
  );
}

function boardLead(v: ViewContext, rules: BoardRules, hasStatutes: boolean) {
  const params = { min: rules.minMembers, max: rules.maxMembers };
  return hasStatutes ? v.t('founding.boardLead', params) : v.t('founding.boardLeadDefault', params);
}

function BoardFields({ v, view, errors }: FieldsProps) {
  const { t } = v;
  const prefilled = Object.keys(view.prefilled).some((k) => k.startsWith('name-'));
  return (
    <>
      <p class="ds-paragraph">{boardLead(v, view.rules, view.hasStatutes)}</p>
      {prefilled ? <p class="ds-paragraph prefill-note">{t('founding.boardPrefilled')}</p> : null}
      <p class="ds-paragraph">{t('founding.boardEmptyRows')}</p>
      {Array.from({ length: view.boardRows }, (_, row) => (
        <fieldset class="ds-fieldset board-row">
          <legend class="ds-label">{t('founding.boardPerson', { n: row + 1 })}</legend>
          <TextField
            id={`name-${row}`}
            label={t('founding.boardName')}
            value={first(view.values, `name-${row}`)}
            error={errors[`name-${row}`]}
          />
          <Select
            id={`role-${row}`}
            label={t('founding.boardRole')}
            value={first(view.values, `role-${row}`)}
            options={BOARD_ROLES.map((role) => ({ value: role, label: roleName(v, role) }))}
            placeholder={t('founding.boardRoleChoose')}
            error={errors[`role-${row}`]}
          />
          <TextField
            id={`birthDate-${row}`}
            label={t('founding.birthDate')}
            description={t('founding.birthDateHint')}
            value={first(view.values, `birthDate-${row}`)}
            error={errors[`birthDate-${row}`]}
            width="short"
          />
        </fieldset>
      ))}
    </>
  );
}

function DecisionsFields({ v, view, errors }: FieldsProps) {
  const { t } = v;
  return (
    <>
      <p class="ds-paragraph">{t('founding.decisionsLead')}</p>
      {view.agenda.map((item, i) => (
        <TextArea
          id={`decision-${i}`}
          label={t('founding.decisionFor', { n: i + 1, title: item.title })}
          hint={item.key === 'fee' ? t('founding.decisionFeeHint') : undefined}
          value={first(view.values, `decision-${i}`)}
          error={errors[`decision-${i}`]}
          rows={3}
        />
      ))}
    </>
  );
}

// ---------- check answers ----------

export interface CheckData {
  organisation: Org;
  meeting: FoundingMeeting;
  answeredPages: string[];
  revision: number;
  problems: Problem[];
  protocolName: string;
  statutesVersion: number | null;
  previousVersion: number | null;
}

function SummaryRow(props: { v: ViewContext; orgId: string; label: string; page?: PageSlug; answered?: boolean; children: Child }) {
  const { v } = props;
  return (
    <div class="summary-list__row">
      <dt>{props.label}</dt>
      <dd>{props.answered === false ? <span class="summary-list__missing">{v.t('founding.check.notAnswered')}</span> : props.children}</dd>
      {props.page ? (
        <dd>
          <a class="ds-link" href={`${pagePath(props.orgId, props.page)}?fra=oppsummering`}>
            {v.t('founding.check.change')}
            <span class="ds-sr-only"> {props.label}</span>
          </a>
        </dd>
      ) : (
        <dd />
      )}
    </div>
  );
}

export function CheckAnswersView(props: { v: ViewContext; data: CheckData; problemText: (p: Problem) => string }) {
  const { v, data } = props;
  const { t } = v;
  const o = data.organisation;
  const m = data.meeting;
  const answered = (page: PageSlug) => data.answeredPages.includes(page);
  const lines = (items: string[]) => (
    <ul class="ds-list">
      {items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  );
  return (
    <>
      <Breadcrumbs v={v} organisation={o} current={t('founding.check.title')} />
      <h1 class="ds-heading" data-size="lg">
        {t('founding.check.title')}
      </h1>
      {data.previousVersion ? <p class="ds-paragraph">{t('founding.check.previous', { version: data.previousVersion })}</p> : null}
      {data.problems.length > 0 ? (
        <div class="ds-alert" data-color="warning">
          <h2 class="ds-heading" data-size="xs">
            {t('founding.check.problemsHeading')}
          </h2>
          <ul class="ds-list">
            {data.problems.map((p) => (
              <li>
                <a class="ds-link" href={`${pagePath(o.id, p.page)}?fra=oppsummering#${p.field}`}>
                  {pageTitle(v, p.page)}: {props.problemText(p)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl class="summary-list">
        <SummaryRow v={v} orgId={o.id} label={t('founding.check.organisation')}>
          {data.protocolName}
        </SummaryRow>
        <SummaryRow v={v} orgId={o.id} label={t('founding.heldOn')} page="mote" answered={answered('mote')}>
          {m.heldOn ? uiDate(v, m.heldOn) : ''}
        </SummaryRow>
        <SummaryRow v={v} orgId={o.id} label={t('founding.place')} page="mote" answered={answered('mote')}>
          {m.place}
        </SummaryRow>
        <SummaryRow v={v} orgId={o.id} label={t('founding.purpose')} page="mote" answered={answered('mote')}>
          {m.purpose}
        </SummaryRow>
        <SummaryRow v={v} orgId={o.id} label={t('founding.language')} page="mote" answered={answered('mote')}>
          {t(`founding.lang.${m.language}`)}
        </SummaryRow>
        <SummaryRow v={v} orgId={o.id} label={pageTitle(v, 'sakliste')} page="sakliste" answered={answered('sakliste')}>
          <ol class="ds-list">
            {m.agenda.map((item) => (
              <li>{item.title}</li>
            ))}
          </ol>
        </SummaryRow>
        <SummaryRow v={v} orgId={o.id} label={pageTitle(v, 'deltakere')} page="deltakere" answered={answered('deltakere')}>
          <p class="ds-paragraph">{t('founding.check.attendeeCount', { count: m.attendees.length })}</p>
          {lines(m.attendees.map((a) => a.name))}
        </SummaryRow>
        <SummaryRow v={v} orgId={o.id} label={t('founding.chair')} page="moteleder" answered={answered('moteleder')}>
          {m.chair}
        </SummaryRow>
        <SummaryRow v={v} orgId={o.id} label={t('founding.minuteTaker')} page="moteleder" answered={answered('moteleder')}>
          {m.minuteTaker}
        </SummaryRow>
        <SummaryRow v={v} orgId={o.id} label={pageTitle(v, 'styre')} page="styre" answered={answered('styre')}>
          {lines(m.boardElected.map((b) => `${b.name} – ${roleName(v, b.role)}${b.birthDate ? ` (${uiDate(v, b.birthDate)})` : ''}`))}
        </SummaryRow>
        <SummaryRow v={v} orgId={o.id} label={pageTitle(v, 'underskrivere')} page="underskrivere" answered={answered('underskrivere')}>
          {lines(m.signers.filter(Boolean))}
        </SummaryRow>
        <SummaryRow v={v} orgId={o.id} label={pageTitle(v, 'vedtak')} page="vedtak" answered={answered('vedtak')}>
          <ol class="ds-list">
            {m.agenda.map((item) => (
              <li>
                <strong>{item.title}:</strong> {item.decision}
              </li>
            ))}
          </ol>
        </SummaryRow>
        <SummaryRow v={v} orgId={o.id} label={t('founding.check.statutes')}>
          {data.statutesVersion ? t('founding.check.statutesVersion', { version: data.statutesVersion }) : t('founding.check.statutesNone')}
        </SummaryRow>
      </dl>
      {data.problems.length === 0 ? (
        <section aria-labelledby="finalise-heading">
          <h2 class="ds-heading" data-size="md" id="finalise-heading">
            {t('founding.check.finaliseHeading')}
          </h2>
          <p class="ds-paragraph">{t('founding.check.finaliseText')}</p>
          <form method="post" action={`${foundingBase(o.id)}/fullfor`}>
            <CsrfField v={v} />
            <input type="hidden" name="revision" value={String(data.revision)} />
            <button type="submit" class="ds-button" data-variant="primary">
              {t('founding.check.finalise')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

// ---------- confirmation ----------

export function DoneView(props: { v: ViewContext; organisation: Org; meeting: FoundingMeeting }) {
  const { v, organisation: o, meeting } = props;
  const { t } = v;
  return (
    <>
      <Breadcrumbs v={v} organisation={o} current={t('founding.done.title')} />
      <div class="ds-alert confirmation-panel" data-color="success">
        <h1 class="ds-heading" data-size="lg">
          {t('founding.done.title')}
        </h1>
        <p class="ds-paragraph">{t('founding.done.version', { version: meeting.version })}</p>
      </div>
      <ul class="ds-list">
        <li>
          <a class="ds-link" href={`${foundingBase(o.id)}/protokoll.html?versjon=${meeting.version}`}>
            {t('founding.viewHtml')}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`${foundingBase(o.id)}/protokoll.pdf?versjon=${meeting.version}`} download>
            {t('founding.downloadPdf')}
          </a>
        </li>
      </ul>
      <h2 class="ds-heading" data-size="md">
        {t('founding.done.next')}
      </h2>
      <ol class="ds-list">
        <li>{t('founding.done.sign', { first: meeting.signers[0], second: meeting.signers[1] })}</li>
        <li>{t('founding.done.register')}</li>
      </ol>
      <p class="ds-paragraph">
        <a class="ds-link" href={foundingBase(o.id)}>
          {t('founding.done.back')}
        </a>
      </p>
    </>
  );
}
