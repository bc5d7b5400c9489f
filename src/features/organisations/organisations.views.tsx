import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary, TextField } from '../../core/layout.tsx';
import { PrefillGainPanel } from '../../core/prefill/prefill.views.tsx';
import type { ProvenanceSummary } from '../../core/prefill/provenance.ts';
import { formatOrgnr } from '../../core/validators/orgnr.ts';
import { PhaseList } from '../pages/pages.views.tsx';
import { PlanWorkspaceLinks } from '../plan/plan.views.tsx';
import { ORG_ROLES, type OrgRole } from './organisations.schema.ts';

const roleName = (v: ViewContext, role: string) => v.t(`role.${role}` as MessageKey);

const dateTime = (v: ViewContext, d: Date) =>
  d.toLocaleString(v.lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' });

interface OrgSummary {
  id: string;
  name: string;
  orgnr: string | null;
  phase: number;
}

export function OrganisationListView(props: { v: ViewContext; organisations: (OrgSummary & { role: string })[] }) {
  const { v } = props;
  const { t } = v;
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {t('orgs.list.title')}
      </h1>
      {props.organisations.length === 0 ? <p class="ds-paragraph">{t('orgs.list.empty')}</p> : null}
      <ul class="ds-list--unstyled card-list">
        {props.organisations.map((o) => (
          <li>
            <div class="ds-card">
              <h2 class="ds-heading" data-size="sm">
                <a class="ds-link" href={`/arbeidsrom/${o.id}`}>
                  {o.name}
                </a>
              </h2>
              <p class="ds-paragraph" data-size="sm">
                {o.orgnr ? t('orgs.orgnrValue', { orgnr: formatOrgnr(o.orgnr) }) : t('orgs.list.notRegistered')} ·{' '}
                {t('phase.label', { n: o.phase })}: {t(`phase.${o.phase}.title` as MessageKey)}
              </p>
              <p class="ds-paragraph" data-size="sm">
                {t('orgs.list.yourRole', { role: roleName(v, o.role) })}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <p>
        <a class="ds-button" data-variant="primary" href="/arbeidsrom/ny">
          {t('orgs.list.create')}
        </a>
      </p>
    </>
  );
}

export function CreateOrganisationView(props: { v: ViewContext; values?: Record<string, string>; errors?: Record<string, string> }) {
  const { v } = props;
  const { t } = v;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {t('orgs.create.title')}
      </h1>
      <p class="ds-paragraph">{t('orgs.create.lead')}</p>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action="/arbeidsrom/ny" class="stack" novalidate>
        <CsrfField v={v} />
        <TextField
          id="name"
          label={t('orgs.create.name')}
          description={t('orgs.create.nameHint')}
          value={values.name}
          error={errors.name}
          autocomplete="organization"
        />
        <fieldset class="ds-fieldset" aria-describedby={errors.registered ? 'registered-error' : undefined}>
          <legend class="ds-label">{t('orgs.create.registeredLegend')}</legend>
          {errors.registered ? (
            <div class="ds-validation-message" id="registered-error" data-color="danger">
              {errors.registered}
            </div>
          ) : null}
          <div class="ds-field">
            <input class="ds-input" type="radio" name="registered" id="registered" value="no" checked={values.registered === 'no'} />
            <label class="ds-label" for="registered" data-weight="regular">
              {t('orgs.create.registeredNo')}
            </label>
          </div>
          <div class="ds-field">
            <input
              class="ds-input"
              type="radio"
              name="registered"
              id="registered-yes"
              value="yes"
              checked={values.registered === 'yes'}
              data-reveals="orgnr-field"
            />
            <label class="ds-label" for="registered-yes" data-weight="regular">
              {t('orgs.create.registeredYes')}
            </label>
          </div>
        </fieldset>
        <div id="orgnr-field">
          <TextField
            id="orgnr"
            label={t('orgs.orgnr')}
            description={t('orgs.create.orgnrHint')}
            value={values.orgnr}
            error={errors.orgnr}
            inputmode="numeric"
            width="short"
          />
        </div>
        <button type="submit" class="ds-button" data-variant="primary">
          {t('orgs.create.submit')}
        </button>
      </form>
    </>
  );
}

function WorkspaceHeading(props: { v: ViewContext; organisation: OrgSummary; sub?: string }) {
  const { t } = props.v;
  return (
    <>
      <nav aria-label={t('layout.breadcrumbs')} class="ds-breadcrumbs">
        <ol>
          <li>
            <a class="ds-link" href="/arbeidsrom">
              {t('orgs.list.title')}
            </a>
          </li>
          {props.sub ? (
            <li>
              <a class="ds-link" href={`/arbeidsrom/${props.organisation.id}`}>
                {props.organisation.name}
              </a>
            </li>
          ) : null}
          {/* Designsystemet's pattern: the trail ends with the current page, marked aria-current. */}
          <li>
            <a class="ds-link" href={props.v.currentPath} aria-current="page">
              {props.sub ?? props.organisation.name}
            </a>
          </li>
        </ol>
      </nav>
      <h1 class="ds-heading" data-size="lg">
        {props.sub ?? props.organisation.name}
      </h1>
    </>
  );
}

export function WorkspaceView(props: { v: ViewContext; organisation: OrgSummary; role: OrgRole; prefillGain: ProvenanceSummary }) {
  const { v, organisation: o, role } = props;
  const { t } = v;
  return (
    <>
      <WorkspaceHeading v={v} organisation={o} />
      <p class="ds-paragraph">{o.orgnr ? t('orgs.orgnrValue', { orgnr: formatOrgnr(o.orgnr) }) : t('orgs.list.notRegistered')}</p>
      <p class="ds-paragraph">{t('orgs.workspace.yourRole', { role: roleName(v, role) })}</p>
      <section aria-labelledby="manage-heading">
        <h2 class="ds-heading" data-size="sm" id="manage-heading">
          {t('orgs.workspace.manage')}
        </h2>
        <ul class="ds-list">
          <li>
            <a class="ds-link" href={`/arbeidsrom/${o.id}/medlemmer`}>
              {t('orgs.workspace.members')}
            </a>
          </li>
          <PlanWorkspaceLinks v={v} organisationId={o.id} />
          <li>
            <a class="ds-link" href={`/arbeidsrom/${o.id}/markedsplass`}>
              {t('mkt.suggest.workspaceLink')}
            </a>
          </li>
          <li>
            <a class="ds-link" href={`/arbeidsrom/${o.id}/arshjul`}>
              {t('calendar.workspaceLink')}
            </a>
          </li>
          <li>
            <a class="ds-link" href={`/arbeidsrom/${o.id}/vedtekter`}>
              {t('statutes.workspaceLink')}
            </a>
          </li>
          <li>
            <a class="ds-link" href={`/arbeidsrom/${o.id}/stiftelsesmote`}>
              {t('founding.workspaceLink')}
            </a>
          </li>
          <li>
            <a class="ds-link" href={`/arbeidsrom/${o.id}/registrering`}>
              {t('reg.workspaceLink')}
            </a>
          </li>
          <li>
            <a class="ds-link" href={`/arbeidsrom/${o.id}/demonstratorer`}>
              {t('demo.workspaceLink')}
            </a>
          </li>
          {role === 'leader' ? (
            <>
              <li>
                <a class="ds-link" href={`/arbeidsrom/${o.id}/invitasjoner/ny`}>
                  {t('orgs.workspace.invite')}
                </a>
              </li>
              <li>
                <a class="ds-link" href={`/arbeidsrom/${o.id}/logg`}>
                  {t('orgs.workspace.audit')}
                </a>
              </li>
            </>
          ) : null}
        </ul>
      </section>
      <PrefillGainPanel v={v} summary={props.prefillGain} />
      <section aria-labelledby="phase-heading">
        <h2 class="ds-heading" data-size="sm" id="phase-heading">
          {t('orgs.workspace.phaseTitle')}
        </h2>
        <p class="ds-paragraph">{t('orgs.workspace.phaseNow', { n: o.phase, phase: t(`phase.${o.phase}.title` as MessageKey) })}</p>
        <PhaseList v={v} current={o.phase} />
      </section>
      <section aria-labelledby="leave-heading">
        <h2 class="ds-heading" data-size="sm" id="leave-heading">
          {t('orgs.workspace.leave')}
        </h2>
        <form method="post" action={`/arbeidsrom/${o.id}/forlat`}>
          <CsrfField v={v} />
          <button type="submit" class="ds-button" data-variant="secondary" data-color="danger">
            {t('orgs.workspace.leaveConfirm')}
          </button>
        </form>
      </section>
    </>
  );
}

export function MembersView(props: {
  v: ViewContext;
  organisation: OrgSummary;
  role: OrgRole;
  members: { userId: string; name: string; email: string | null; role: string }[];
  invitations: { id: string; email: string; role: string; expiresAt: Date }[];
}) {
  const { v, organisation: o } = props;
  const { t } = v;
  const isLeader = props.role === 'leader';
  return (
    <>
      <WorkspaceHeading v={v} organisation={o} sub={t('orgs.members.title')} />
      {/* A focusable, named region so keyboard users can scroll the table sideways on a narrow screen. */}
      <div class="table-scroll ds-focus" tabindex={0} role="region" aria-labelledby="members-caption">
        <table class="ds-table" data-border>
          <caption class="ds-sr-only" id="members-caption">
            {t('orgs.members.title')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('orgs.members.name')}</th>
              <th scope="col">{t('orgs.members.role')}</th>
              {isLeader ? <th scope="col">{t('orgs.members.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.members.map((m) => (
              <tr>
                <td>
                  {m.name} {m.userId === v.user?.id ? t('orgs.members.you') : ''}
                </td>
                <td>{roleName(v, m.role)}</td>
                {isLeader ? (
                  <td>
                    <form method="post" action={`/arbeidsrom/${o.id}/medlemmer/${m.userId}/rolle`} class="inline-form">
                      <CsrfField v={v} />
                      <label class="ds-label ds-sr-only" for={`role-${m.userId}`}>
                        {t('orgs.members.newRoleFor', { name: m.name })}
                      </label>
                      <select class="ds-input" id={`role-${m.userId}`} name="role">
                        {ORG_ROLES.map((r) => (
                          <option value={r} selected={r === m.role}>
                            {roleName(v, r)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" class="ds-button" data-variant="secondary" data-size="sm">
                        {t('orgs.members.save')}
                      </button>
                    </form>
                    {m.userId !== v.user?.id ? (
                      <form method="post" action={`/arbeidsrom/${o.id}/medlemmer/${m.userId}/fjern`} class="inline-form">
                        <CsrfField v={v} />
                        <button type="submit" class="ds-button" data-variant="tertiary" data-color="danger" data-size="sm">
                          {t('orgs.members.remove', { name: m.name })}
                        </button>
                      </form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isLeader ? (
        <section aria-labelledby="pending-heading">
          <h2 class="ds-heading" data-size="sm" id="pending-heading">
            {t('orgs.members.pending')}
          </h2>
          {props.invitations.length === 0 ? <p class="ds-paragraph">{t('orgs.members.noPending')}</p> : null}
          <ul class="ds-list">
            {props.invitations.map((i) => (
              <li>
                {i.email} – {roleName(v, i.role)} – {t('orgs.members.expires')} {dateTime(v, i.expiresAt)}
                <form method="post" action={`/arbeidsrom/${o.id}/invitasjoner/${i.id}/trekk-tilbake`} class="inline-form">
                  <CsrfField v={v} />
                  <button type="submit" class="ds-button" data-variant="tertiary" data-size="sm">
                    {t('orgs.members.revoke', { email: i.email })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
          <p>
            <a class="ds-button" data-variant="secondary" href={`/arbeidsrom/${o.id}/invitasjoner/ny`}>
              {t('orgs.workspace.invite')}
            </a>
          </p>
        </section>
      ) : null}
    </>
  );
}

export function InviteView(props: {
  v: ViewContext;
  organisation: OrgSummary;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const { v, organisation: o } = props;
  const { t } = v;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  return (
    <>
      <WorkspaceHeading v={v} organisation={o} sub={t('orgs.invite.title', { name: o.name })} />
      <p class="ds-paragraph">{t('orgs.invite.hint')}</p>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action={`/arbeidsrom/${o.id}/invitasjoner`} class="stack" novalidate>
        <CsrfField v={v} />
        <TextField id="email" type="email" label={t('orgs.invite.email')} value={values.email} error={errors.email} autocomplete="off" />
        <div class="ds-field">
          <label class="ds-label" for="role">
            {t('orgs.invite.role')}
          </label>
          {errors.role ? (
            <div class="ds-validation-message" id="role-error" data-color="danger">
              {errors.role}
            </div>
          ) : null}
          <select class="ds-input" id="role" name="role" aria-describedby={errors.role ? 'role-error' : undefined}>
            {ORG_ROLES.map((r) => (
              <option value={r} selected={(values.role ?? 'member') === r}>
                {roleName(v, r)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="ds-button" data-variant="primary">
          {t('orgs.invite.submit')}
        </button>
      </form>
    </>
  );
}

export function AcceptInvitationView(props: { v: ViewContext; token: string; organisationName: string; role: string }) {
  const { v } = props;
  const { t } = v;
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {t('orgs.accept.title', { name: props.organisationName })}
      </h1>
      <p class="ds-paragraph">{t('orgs.accept.lead', { name: props.organisationName, role: roleName(v, props.role) })}</p>
      <form method="post" action={`/invitasjon/${props.token}`}>
        <CsrfField v={v} />
        <button type="submit" class="ds-button" data-variant="primary">
          {t('orgs.accept.submit')}
        </button>
      </form>
    </>
  );
}

export function AuditLogView(props: {
  v: ViewContext;
  organisation: OrgSummary;
  events: { id: string; action: string; details: Record<string, unknown>; createdAt: Date; actorName: string | null }[];
}) {
  const { v, organisation: o } = props;
  const { t } = v;
  const describe = (e: { action: string; details: Record<string, unknown> }) => {
    const d = e.details;
    const params: Record<string, string> = {};
    for (const [k, val] of Object.entries(d)) if (typeof val === 'string') params[k] = val;
    for (const k of ['role', 'from', 'to'] as const) if (typeof d[k] === 'string') params[k] = roleName(v, d[k] as string);
    return t(`audit.${e.action}` as MessageKey, params);
  };
  return (
    <>
      <WorkspaceHeading v={v} organisation={o} sub={t('orgs.audit.title', { name: o.name })} />
      <p class="ds-paragraph">{t('orgs.audit.lead')}</p>
      {props.events.length === 0 ? (
        <p class="ds-paragraph">{t('orgs.audit.empty')}</p>
      ) : (
        <div class="table-scroll ds-focus" tabindex={0} role="region" aria-labelledby="audit-caption">
          <table class="ds-table" data-border>
            <caption class="ds-sr-only" id="audit-caption">
              {t('orgs.audit.title', { name: o.name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('orgs.audit.when')}</th>
                <th scope="col">{t('orgs.audit.who')}</th>
                <th scope="col">{t('orgs.audit.what')}</th>
              </tr>
            </thead>
            <tbody>
              {props.events.map((e) => (
                <tr>
                  <td>
                    <time datetime={e.createdAt.toISOString()}>{dateTime(v, e.createdAt)}</time>
                  </td>
                  <td>{e.actorName ?? t('orgs.audit.unknownActor')}</td>
                  <td>{describe(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
