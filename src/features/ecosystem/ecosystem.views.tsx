import { Select, TextArea } from '../../core/form-fields.tsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary, TextField } from '../../core/layout.tsx';
import type { ActorRow, DecisionRow, MeetingRow } from './ecosystem.queries.ts';
import { ACTOR_KINDS, ECOSYSTEM_ROLES } from './ecosystem-access.ts';
import { GAINS, gainText } from './gains.ts';

/** The eight elements (issue 5), each with its purpose in the project's words and the tool that serves it. */
const ELEMENTS: { key: string; href: string }[] = [
  { key: 'lifeEvent', href: '/livshendelse' },
  { key: 'mission', href: '/okosystem/oppdrag' },
  { key: 'collaboration', href: '/okosystem/aktorer' },
  { key: 'coreGroup', href: '/okosystem/kjernegruppe' },
  { key: 'buildingBlocks', href: '/okosystem/byggeklosser' },
  { key: 'portfolio', href: '/okosystem/portefolje' },
  { key: 'marketplace', href: '/okosystem/markedsplass' },
  { key: 'demonstrators', href: '/okosystem/demonstratorer' },
];

const k = (s: string) => s as MessageKey;

export function OverviewView(props: { v: ViewContext }) {
  const { t, lang } = props.v;
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {t('eco.title')}
      </h1>
      <p class="ds-paragraph" data-size="lg">
        {t('eco.lead')}
      </p>
      <h2 class="ds-heading" data-size="md">
        {t('eco.mission.heading')}
      </h2>
      <p class="ds-paragraph">{t('eco.mission.text')}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/veikart">
          {t('roadmap.link')}
        </a>
        : {t('roadmap.link.description')}
      </p>
      <h2 class="ds-heading" data-size="md">
        {t('eco.elements.heading')}
      </h2>
      <ol class="ds-list eco-elements">
        {ELEMENTS.map((el) => (
          <li>
            <h3 class="ds-heading" data-size="xs">
              <a class="ds-link" href={el.href}>
                {t(k(`eco.el.${el.key}`))}
              </a>
            </h3>
            <p class="ds-paragraph">
              <strong>{t('eco.element.purpose')}</strong> {t(k(`eco.el.${el.key}.purpose`))}
            </p>
          </li>
        ))}
      </ol>
      <h2 class="ds-heading" data-size="md">
        {t('eco.gains.heading')}
      </h2>
      <dl class="eco-gains">
        {GAINS.map((g) => (
          <>
            <dt>
              <strong>{gainText(g, 'name', lang)}</strong>
            </dt>
            <dd class="ds-paragraph">{gainText(g, 'definition', lang)}</dd>
          </>
        ))}
      </dl>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/gevinster">
          {t('gains.overviewLink')}
        </a>
      </p>
    </>
  );
}

export function ActorsListView(props: { v: ViewContext; actors: ActorRow[]; filter: { type?: string; rolle?: string }; canEdit: boolean }) {
  const { t } = props.v;
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem">
          {t('eco.nav')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {t('eco.actors.title')}
      </h1>
      <p class="ds-paragraph">{t('eco.actors.lead')}</p>
      {props.canEdit ? (
        <p class="ds-paragraph">
          <a class="ds-button" data-variant="primary" href="/okosystem/aktorer/ny">
            {t('eco.actors.new')}
          </a>
        </p>
      ) : null}
      <form method="get" action="/okosystem/aktorer" class="eco-filter">
        <fieldset class="ds-fieldset">
          <legend class="ds-label">{t('eco.actors.filter')}</legend>
          <Select
            id="type"
            label={t('eco.actors.filter.kind')}
            value={props.filter.type}
            options={[
              { value: '', label: t('eco.actors.filter.all') },
              ...ACTOR_KINDS.map((kd) => ({ value: kd, label: t(k(`eco.kind.${kd}`)) })),
            ]}
          />
          <Select
            id="rolle"
            label={t('eco.actors.filter.role')}
            value={props.filter.rolle}
            options={[
              { value: '', label: t('eco.actors.filter.all') },
              ...ECOSYSTEM_ROLES.map((r) => ({ value: r, label: t(k(`eco.role.${r}`)) })),
            ]}
          />
          <button type="submit" class="ds-button" data-variant="secondary">
            {t('eco.actors.filter.submit')}
          </button>
        </fieldset>
      </form>
      {props.actors.length === 0 ? (
        <p class="ds-paragraph">{t('eco.actors.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="ds-table">
            <caption>{t('eco.actors.caption', { count: props.actors.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('eco.col.name')}</th>
                <th scope="col">{t('eco.col.kind')}</th>
                <th scope="col">{t('eco.col.role')}</th>
              </tr>
            </thead>
            <tbody>
              {props.actors.map((a) => (
                <tr>
                  <td>
                    <a class="ds-link" href={`/okosystem/aktorer/${a.id}`}>
                      {a.name}
                    </a>
                  </td>
                  <td>{t(k(`eco.kind.${a.kind}`))}</td>
                  <td>{t(k(`eco.role.${a.ecosystemRole}`))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ActorView(props: {
  v: ViewContext;
  actor: ActorRow;
  people: { userId: string; name: string; title: string }[];
  canEdit: boolean;
  personErrors?: Record<string, string>;
  personValues?: Record<string, string>;
}) {
  const { t } = props.v;
  const a = props.actor;
  const none = <span>{t('eco.actor.none')}</span>;
  const errors = props.personErrors ?? {};
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/aktorer">
          {t('eco.actor.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {a.name}
      </h1>
      <dl class="eco-facts">
        <dt>{t('eco.col.kind')}</dt>
        <dd>
          {t(k(`eco.kind.${a.kind}`))}
          {a.supplierSector ? ` (${t(k(`eco.sector.${a.supplierSector}`))})` : ''}
        </dd>
        <dt>{t('eco.col.role')}</dt>
        <dd>{t(k(`eco.role.${a.ecosystemRole}`))}</dd>
        <dt>{t('eco.actor.orgnr')}</dt>
        <dd>{a.orgnr ?? none}</dd>
      </dl>
      <h2 class="ds-heading" data-size="sm">
        {t('eco.actor.contact')}
      </h2>
      <dl class="eco-facts">
        <dt>{t('eco.actor.email')}</dt>
        <dd>
          {a.contactEmail ? (
            <a class="ds-link" href={`mailto:${a.contactEmail}`}>
              {a.contactEmail}
            </a>
          ) : (
            none
          )}
        </dd>
        <dt>{t('eco.actor.phone')}</dt>
        <dd>{a.contactPhone ?? none}</dd>
        <dt>{t('eco.actor.url')}</dt>
        <dd>
          {a.contactUrl ? (
            <a class="ds-link" href={a.contactUrl} rel="noopener noreferrer">
              {a.contactUrl}
            </a>
          ) : (
            none
          )}
        </dd>
      </dl>
      <h2 class="ds-heading" data-size="sm">
        {t('eco.actor.mandate')}
      </h2>
      <p class="ds-paragraph history-note">{a.mandate || t('eco.actor.none')}</p>
      <h2 class="ds-heading" data-size="sm">
        {t('eco.actor.agreements')}
      </h2>
      <p class="ds-paragraph history-note">{a.agreements || t('eco.actor.none')}</p>
      <h2 class="ds-heading" data-size="sm">
        {t('eco.actor.people')}
      </h2>
      {props.people.length === 0 ? (
        <p class="ds-paragraph">{t('eco.actor.people.none')}</p>
      ) : (
        <ul class="ds-list">
          {props.people.map((p) => (
            <li>
              {p.name}
              {p.title ? `, ${p.title}` : ''}
              {props.canEdit ? (
                <form method="post" action={`/okosystem/aktorer/${a.id}/personer/${p.userId}/fjern`} class="inline-form">
                  <CsrfField v={props.v} />{' '}
                  <button type="submit" class="ds-button" data-variant="tertiary" data-size="sm">
                    {t('eco.person.remove', { name: p.name })}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {props.canEdit ? (
        <>
          <p class="ds-paragraph">
            <a class="ds-link" href={`/okosystem/aktorer/${a.id}/endre`}>
              {t('eco.actor.edit')}
            </a>
          </p>
          <h2 class="ds-heading" data-size="sm" id="legg-til-person">
            {t('eco.person.add')}
          </h2>
          <ErrorSummary v={props.v} errors={errors} />
          <form method="post" action={`/okosystem/aktorer/${a.id}/personer`} novalidate>
            <CsrfField v={props.v} />
            <TextField id="email" type="email" label={t('eco.person.email')} value={props.personValues?.email} error={errors.email} />
            <TextField id="title" label={t('eco.person.title')} value={props.personValues?.title} error={errors.title} />
            <button type="submit" class="ds-button" data-variant="primary">
              {t('eco.person.add')}
            </button>
          </form>
        </>
      ) : null}
    </>
  );
}

export function ActorFormView(props: {
  v: ViewContext;
  action: string;
  heading: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { t } = props.v;
  const { values, errors } = props;
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/aktorer">
          {t('eco.actor.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {props.heading}
      </h1>
      <ErrorSummary v={props.v} errors={errors} />
      <form method="post" action={props.action} novalidate>
        <CsrfField v={props.v} />
        <TextField id="name" label={t('eco.col.name')} value={values.name} error={errors.name} required />
        <Select
          id="kind"
          label={t('eco.col.kind')}
          value={values.kind}
          error={errors.kind}
          options={[{ value: '', label: '' }, ...ACTOR_KINDS.map((kd) => ({ value: kd, label: t(k(`eco.kind.${kd}`)) }))]}
        />
        <Select
          id="ecosystemRole"
          label={t('eco.col.role')}
          value={values.ecosystemRole}
          error={errors.ecosystemRole}
          options={[{ value: '', label: '' }, ...ECOSYSTEM_ROLES.map((r) => ({ value: r, label: t(k(`eco.role.${r}`)) }))]}
        />
        <Select
          id="supplierSector"
          label={t('eco.actor.sector')}
          value={values.supplierSector}
          error={errors.supplierSector}
          options={[
            { value: '', label: t('eco.actor.sector.none') },
            ...(['private', 'public', 'voluntary'] as const).map((s) => ({ value: s, label: t(k(`eco.sector.${s}`)) })),
          ]}
        />
        <TextField id="orgnr" label={t('eco.actor.orgnr')} value={values.orgnr} error={errors.orgnr} inputmode="numeric" width="short" />
        <TextField id="contactEmail" type="email" label={t('eco.actor.email')} value={values.contactEmail} error={errors.contactEmail} />
        <TextField id="contactPhone" type="tel" label={t('eco.actor.phone')} value={values.contactPhone} error={errors.contactPhone} />
        <TextField id="contactUrl" type="url" label={t('eco.actor.url')} value={values.contactUrl} error={errors.contactUrl} />
        <TextArea id="mandate" label={t('eco.actor.mandate')} value={values.mandate} error={errors.mandate} />
        <TextArea id="agreements" label={t('eco.actor.agreements')} value={values.agreements} error={errors.agreements} />
        <button type="submit" class="ds-button" data-variant="primary">
          {t('eco.actor.save')}
        </button>
      </form>
    </>
  );
}

export function actorToValues(a: ActorRow): Record<string, string> {
  return {
    name: a.name,
    kind: a.kind,
    ecosystemRole: a.ecosystemRole,
    supplierSector: a.supplierSector ?? '',
    orgnr: a.orgnr ?? '',
    contactEmail: a.contactEmail ?? '',
    contactPhone: a.contactPhone ?? '',
    contactUrl: a.contactUrl ?? '',
    mandate: a.mandate,
    agreements: a.agreements,
  };
}

export interface CoreGroupData {
  members: { id: string; name: string; ecosystemRole: string }[];
  meetings: MeetingRow[];
  decisions: { decision: DecisionRow; meetingTitle: string | null; meetingDate: string | null }[];
  history: { id: string; entity: string; action: string; actorName: string; createdAt: Date }[];
}

export function CoreGroupView(props: {
  v: ViewContext;
  data: CoreGroupData;
  canEdit: boolean;
  meetingForm?: { values: Record<string, string>; errors: Record<string, string> };
  decisionForm?: { values: Record<string, string>; errors: Record<string, string> };
}) {
  const { t, lang } = props.v;
  const { data } = props;
  const mf = props.meetingForm ?? { values: {}, errors: {} };
  const df = props.decisionForm ?? { values: {}, errors: {} };
  const fmt = (d: Date) =>
    d.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' });
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem">
          {t('eco.nav')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {t('eco.core.title')}
      </h1>
      <p class="ds-paragraph">{t('eco.core.lead')}</p>
      <h2 class="ds-heading" data-size="md">
        {t('eco.core.members')}
      </h2>
      <ul class="ds-list">
        {data.members.map((m) => (
          <li>
            <a class="ds-link" href={`/okosystem/aktorer/${m.id}`}>
              {m.name}
            </a>{' '}
            ({t(k(`eco.role.${m.ecosystemRole}`))})
          </li>
        ))}
      </ul>
      <h2 class="ds-heading" data-size="md" id="beslutninger">
        {t('eco.core.decisions')}
      </h2>
      {data.decisions.length === 0 ? (
        <p class="ds-paragraph">{t('eco.core.decisions.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="ds-table">
            <caption>{t('eco.core.decisions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('eco.core.decision.when')}</th>
                <th scope="col">{t('eco.core.decision.what')}</th>
                <th scope="col">{t('eco.core.decision.why')}</th>
                <th scope="col">{t('eco.core.decision.who')}</th>
                <th scope="col">{t('eco.core.decision.meeting')}</th>
              </tr>
            </thead>
            <tbody>
              {data.decisions.map((d) => (
                <tr>
                  <td>{d.decision.decidedOn}</td>
                  <td>
                    {d.decision.what}
                    {props.canEdit ? (
                      <>
                        {' '}
                        <a class="ds-link" href={`/okosystem/kjernegruppe/beslutninger/${d.decision.id}/endre`}>
                          {t('eco.core.decision.edit', { date: d.decision.decidedOn })}
                        </a>
                      </>
                    ) : null}
                  </td>
                  <td>{d.decision.why}</td>
                  <td>{d.decision.decidedBy}</td>
                  <td>
                    {d.decision.meetingId && d.meetingTitle ? (
                      <a class="ds-link" href={`#mote-${d.decision.meetingId}`}>
                        {d.meetingDate} {d.meetingTitle}
                      </a>
                    ) : (
                      t('eco.core.decision.noMeeting')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="ds-heading" data-size="md" id="moter">
        {t('eco.core.meetings')}
      </h2>
      {data.meetings.length === 0 ? <p class="ds-paragraph">{t('eco.core.meetings.none')}</p> : null}
      {data.meetings.map((m) => (
        <section class="ds-card eco-meeting" id={`mote-${m.id}`} aria-labelledby={`mote-${m.id}-h`}>
          <h3 class="ds-heading" data-size="xs" id={`mote-${m.id}-h`}>
            {m.meetingDate}: {m.title}
          </h3>
          <h4 class="ds-heading" data-size="2xs">
            {t('eco.core.meeting.agenda')}
          </h4>
          <p class="ds-paragraph history-note">{m.agenda || t('eco.actor.none')}</p>
          <h4 class="ds-heading" data-size="2xs">
            {t('eco.core.meeting.minutes')}
          </h4>
          <p class="ds-paragraph history-note">{m.minutes || t('eco.actor.none')}</p>
          {props.canEdit ? (
            <p class="ds-paragraph">
              <a class="ds-link" href={`/okosystem/kjernegruppe/moter/${m.id}/endre`}>
                {t('eco.core.meeting.edit', { date: m.meetingDate })}
              </a>
            </p>
          ) : null}
        </section>
      ))}
      {props.canEdit ? (
        <>
          <h2 class="ds-heading" data-size="md" id="ny-beslutning">
            {t('eco.core.decision.add')}
          </h2>
          <DecisionFormFields
            v={props.v}
            action="/okosystem/kjernegruppe/beslutninger"
            values={df.values}
            errors={df.errors}
            meetings={data.meetings}
            submit={t('eco.core.decision.add')}
          />
          <h2 class="ds-heading" data-size="md" id="nytt-mote">
            {t('eco.core.meeting.add')}
          </h2>
          <MeetingFormFields
            v={props.v}
            action="/okosystem/kjernegruppe/moter"
            values={mf.values}
            errors={mf.errors}
            submit={t('eco.core.meeting.add')}
          />
        </>
      ) : null}
      {data.history.length > 0 ? (
        <>
          <h2 class="ds-heading" data-size="md">
            {t('eco.core.history')}
          </h2>
          <div class="table-scroll">
            <table class="ds-table">
              <caption>{t('eco.core.history.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('eco.core.decision.when')}</th>
                  <th scope="col">{t('eco.core.history.who')}</th>
                  <th scope="col">{t('eco.core.history.what')}</th>
                </tr>
              </thead>
              <tbody>
                {data.history.map((h) => (
                  <tr>
                    <td>{fmt(h.createdAt)}</td>
                    <td>{h.actorName}</td>
                    <td>
                      {t(k(`eco.history.${h.entity}`))} {t(k(`eco.history.${h.action}`))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}

type FormState = { values: Record<string, string>; errors: Record<string, string> };

function DecisionFormFields(props: FormState & { v: ViewContext; action: string; meetings: MeetingRow[]; submit: string }) {
  const { t } = props.v;
  return (
    <>
      <ErrorSummary v={props.v} errors={props.errors} />
      <form method="post" action={props.action} novalidate>
        <CsrfField v={props.v} />
        <TextField
          id="decidedOn"
          type="date"
          label={t('eco.core.decision.when')}
          value={props.values.decidedOn}
          error={props.errors.decidedOn}
          width="short"
        />
        <TextArea id="what" label={t('eco.core.decision.what')} value={props.values.what} error={props.errors.what} rows={2} />
        <TextArea id="why" label={t('eco.core.decision.why')} value={props.values.why} error={props.errors.why} rows={3} />
        <TextField id="decidedBy" label={t('eco.core.decision.who')} value={props.values.decidedBy} error={props.errors.decidedBy} />
        <Select
          id="meetingId"
          label={t('eco.core.decision.meeting')}
          value={props.values.meetingId}
          error={props.errors.meetingId}
          options={[
            { value: '', label: t('eco.core.decision.noMeeting') },
            ...props.meetings.map((m) => ({ value: m.id, label: `${m.meetingDate} ${m.title}` })),
          ]}
        />
        <button type="submit" class="ds-button" data-variant="primary">
          {props.submit}
        </button>
      </form>
    </>
  );
}

function MeetingFormFields(props: FormState & { v: ViewContext; action: string; submit: string }) {
  const { t } = props.v;
  return (
    <>
      <ErrorSummary v={props.v} errors={props.errors} />
      <form method="post" action={props.action} novalidate>
        <CsrfField v={props.v} />
        <TextField
          id="meetingDate"
          type="date"
          label={t('eco.core.meeting.date')}
          value={props.values.meetingDate}
          error={props.errors.meetingDate}
          width="short"
        />
        <TextField id="title" label={t('eco.core.meeting.title')} value={props.values.title} error={props.errors.title} />
        <TextArea id="agenda" label={t('eco.core.meeting.agenda')} value={props.values.agenda} error={props.errors.agenda} />
        <TextArea id="minutes" label={t('eco.core.meeting.minutes')} value={props.values.minutes} error={props.errors.minutes} rows={6} />
        <button type="submit" class="ds-button" data-variant="primary">
          {props.submit}
        </button>
      </form>
    </>
  );
}

/** The edit page of one decision or meeting (core group). */
export function EditRecordView(props: FormState & { v: ViewContext; kind: 'decision' | 'meeting'; id: string; meetings: MeetingRow[] }) {
  const { t } = props.v;
  const isDecision = props.kind === 'decision';
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/kjernegruppe">
          {t('eco.core.title')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {isDecision ? t('eco.core.decision.editTitle') : t('eco.core.meeting.editTitle')}
      </h1>
      {isDecision ? (
        <DecisionFormFields
          v={props.v}
          action={`/okosystem/kjernegruppe/beslutninger/${props.id}/endre`}
          values={props.values}
          errors={props.errors}
          meetings={props.meetings}
          submit={t('eco.actor.save')}
        />
      ) : (
        <MeetingFormFields
          v={props.v}
          action={`/okosystem/kjernegruppe/moter/${props.id}/endre`}
          values={props.values}
          errors={props.errors}
          submit={t('eco.actor.save')}
        />
      )}
    </>
  );
}
