import type { Child } from 'hono/jsx';
import { Hint, Input, type Option, Radios, Select, SummaryList, TextArea } from '../../core/form-fields.tsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary } from '../../core/layout.tsx';
import { kommuneName } from '../../core/validators/kommunenummer.ts';
import { formatKontonummer } from '../../core/validators/kontonummer.ts';
import { formatOrgnr } from '../../core/validators/orgnr.ts';
import { maskPersonnummer } from '../../core/validators/personnummer.ts';
import type { IntakeFailureKind } from './intake-client.ts';
import type { Issue } from './package-checks.ts';
import type { PackageState, PersonState } from './package-state.ts';
import type { OverviewData, SectionPageData, Viewer } from './read-package.ts';
import { BOARD_ROLES, CONTACT_KINDS, GRASROT_DECLARATIONS, type Section, SIGNATURE_RULES } from './registration.schema.ts';

/** Where each question page lives under /arbeidsrom/:orgId/registrering, in the order they are asked. */
export const SECTION_PATHS: Record<Section, string> = {
  organisation: 'organisasjon',
  address: 'adresse',
  board: 'styre',
  contact: 'kontaktperson',
  contactDetails: 'kontaktopplysninger',
  roles: 'roller',
  questions: 'sporsmal',
  frr: 'frivillighetsregisteret',
  grasrot: 'grasrotandel',
};
export const SECTION_ORDER = Object.keys(SECTION_PATHS) as Section[];

export const base = (orgId: string) => `/arbeidsrom/${orgId}/registrering`;
export const sectionHref = (orgId: string, section: Section) => `${base(orgId)}/${SECTION_PATHS[section]}`;

const k = (key: string) => key as MessageKey;

function date(v: ViewContext, d: Date | string) {
  const value = typeof d === 'string' ? new Date(`${d}T12:00:00Z`) : d;
  return value.toLocaleDateString(v.lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'long', timeZone: 'Europe/Oslo' });
}

function dateTime(v: ViewContext, d: Date) {
  return d.toLocaleString(v.lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });
}

const yesNoText = (v: ViewContext, b: boolean) => v.t(b ? 'reg.yes' : 'reg.no');

/** A fødselsnummer as the viewer may see it: masked, and only to editors and the person it belongs to. */
function fnrText(v: ViewContext, viewer: Viewer, p: PersonState, erased: boolean) {
  if (erased) return v.t('reg.fnr.erased');
  if (p.fnrUnreadable) return v.t('reg.fnr.unreadable');
  if (!p.fnr) return v.t('reg.fnr.missing');
  if (viewer.canEdit || viewer.personIds.includes(p.id)) return maskPersonnummer(p.fnr);
  return v.t('reg.fnr.given');
}

function Breadcrumbs(props: { v: ViewContext; organisation: { id: string; name: string }; current?: string }) {
  const { v, organisation: o } = props;
  return (
    <nav aria-label={v.t('layout.breadcrumbs')} class="ds-breadcrumbs">
      <ol>
        <li>
          <a class="ds-link" href="/arbeidsrom">
            {v.t('orgs.list.title')}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`/arbeidsrom/${o.id}`}>
            {o.name}
          </a>
        </li>
        {props.current ? (
          <li>
            <a class="ds-link" href={base(o.id)}>
              {v.t('reg.title')}
            </a>
          </li>
        ) : null}
        <li>
          <a class="ds-link" href={v.currentPath} aria-current="page">
            {props.current ?? v.t('reg.title')}
          </a>
        </li>
      </ol>
    </nav>
  );
}

function StatusTag(props: { v: ViewContext; state: 'not-started' | 'complete' | 'has-errors' }) {
  const color = props.state === 'complete' ? 'success' : props.state === 'has-errors' ? 'danger' : 'neutral';
  return (
    <span class="ds-tag reg-tag" data-color={color}>
      {props.v.t(k(`reg.task.${props.state}`))}
    </span>
  );
}

function IssueList(props: { v: ViewContext; orgId: string; issues: Issue[]; severity: 'error' | 'warning' }) {
  const items = props.issues.filter((i) => i.severity === props.severity && i.key !== 'reg.check.sectionMissing');
  if (items.length === 0) return null;
  return (
    <ul class="ds-list">
      {items.map((i) => (
        <li>
          {props.v.t(k(i.key), i.params)}{' '}
          {i.section !== 'attachments' ? (
            <a class="ds-link" href={`${sectionHref(props.orgId, i.section)}?fra=oppsummering`}>
              {props.v.t('reg.check.fix')}
              <span class="ds-sr-only">: {props.v.t(k(`reg.section.${i.section}`))}</span>
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

// ---------- the overview (task list, status, confirmations, sending, receipt) ----------

export function intakeMessageKey(lastErrorCode: string): MessageKey {
  const kind = lastErrorCode.split(':')[0] as IntakeFailureKind | 'internal';
  const map: Record<string, string> = {
    'server-error': 'reg.intake.serverError',
    'xml-invalid': 'reg.intake.xmlInvalid',
    'request-incomplete': 'reg.intake.requestIncomplete',
    'too-large': 'reg.intake.tooLarge',
    'unsupported-type': 'reg.intake.unsupportedType',
    unauthorized: 'reg.intake.unauthorized',
    token: 'reg.intake.token',
    unreachable: 'reg.intake.unreachable',
    'no-answer': 'reg.intake.noAnswer',
    unexpected: 'reg.intake.unexpected',
  };
  return k(map[kind] ?? 'reg.intake.internal');
}

function StatusPanel(props: { v: ViewContext; data: OverviewData }) {
  const { v } = props;
  const state = props.data.state!;
  const p = state.pkg;
  const t = v.t;
  if (p.status === 'received' || p.status === 'rejected') {
    return (
      <section aria-labelledby="receipt-heading" class="ds-card reg-receipt">
        <h2 class="ds-heading" data-size="sm" id="receipt-heading">
          {t(p.status === 'rejected' ? 'reg.receipt.rejectedTitle' : 'reg.receipt.title')}
        </h2>
        <SummaryList
          changeText=""
          rows={[
            { key: t('reg.receipt.mottakId'), value: p.mottakId ?? '' },
            { key: t('reg.receipt.receivedAt'), value: p.receivedAt ? dateTime(v, p.receivedAt) : (p.mottattTidspunkt ?? '') },
            { key: t('reg.receipt.attachments'), value: String(p.antallVedlegg ?? 0) },
            { key: t('reg.receipt.meldingId'), value: p.meldingId ?? '' },
          ]}
        />
        {p.fnrErasedAt ? <p class="ds-paragraph">{t('reg.receipt.fnrErased', { date: dateTime(v, p.fnrErasedAt) })}</p> : null}
        {p.replyAt ? (
          <>
            <h3 class="ds-heading" data-size="xs">
              {t('reg.reply.title')}
            </h3>
            <p class="ds-paragraph">{t('reg.reply.received', { date: dateTime(v, p.replyAt), handling: p.replyHandling ?? '' })}</p>
            {p.replyText ? <pre class="reg-reply">{p.replyText}</pre> : null}
          </>
        ) : (
          <p class="ds-paragraph">{t('reg.reply.waiting')}</p>
        )}
      </section>
    );
  }
  return null;
}

function BoardTable(props: { v: ViewContext; data: OverviewData }) {
  const { v, data } = props;
  const state = data.state!;
  const t = v.t;
  const orgId = data.organisation.id;
  const erased = Boolean(state.pkg.fnrErasedAt);
  const isLeader = data.viewer.role === 'leader';
  return (
    <div class="table-scroll ds-focus" tabindex={0} role="region" aria-labelledby="board-caption">
      <table class="ds-table" data-border>
        <caption id="board-caption">{t('reg.board.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reg.board.name')}</th>
            <th scope="col">{t('reg.board.role')}</th>
            <th scope="col">{t('reg.board.fnr')}</th>
            <th scope="col">{t('reg.board.account')}</th>
            <th scope="col">{t('reg.board.confirmation')}</th>
          </tr>
        </thead>
        <tbody>
          {state.board.map((p) => (
            <tr>
              <td>{p.name}</td>
              <td>{t(k(`reg.role.${p.boardRole}`))}</td>
              <td>{fnrText(v, data.viewer, p, erased)}</td>
              <td>
                {p.userId ? (
                  t('reg.account.member', { name: p.userName ?? p.name })
                ) : p.invitationState === 'pending' ? (
                  t('reg.account.invited', { email: p.email ?? '' })
                ) : (
                  <>
                    {t(p.invitationState === 'expired' ? 'reg.account.invitationExpired' : 'reg.account.none')}
                    {isLeader && p.email && state.pkg.status !== 'received' ? (
                      <form method="post" action={`${base(orgId)}/inviter`} class="inline-form">
                        <CsrfField v={v} />
                        <input type="hidden" name="personId" value={p.id} />
                        <button type="submit" class="ds-button" data-variant="secondary" data-size="sm">
                          {t('reg.account.invite', { name: p.name })}
                        </button>
                      </form>
                    ) : !p.email ? (
                      <span class="reg-note"> {t('reg.account.noEmail')}</span>
                    ) : null}
                  </>
                )}
              </td>
              <td>
                {p.confirmation?.valid
                  ? t('reg.confirm.done', { date: dateTime(v, p.confirmation.confirmedAt) })
                  : p.confirmation
                    ? t('reg.confirm.stale', { date: dateTime(v, p.confirmation.confirmedAt) })
                    : t('reg.confirm.missing')}
                {p.userId === data.viewer.userId &&
                !p.confirmation?.valid &&
                (state.pkg.status === 'awaiting-confirmation' || state.pkg.status === 'confirmed') ? (
                  <>
                    {' '}
                    <a class="ds-link" href={`${base(orgId)}/bekreft`}>
                      {t('reg.confirm.yourTurn')}
                    </a>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OverviewView(props: { v: ViewContext; data: OverviewData }) {
  const { v, data } = props;
  const { t } = v;
  const org = data.organisation;
  const state = data.state;
  const canEdit = data.viewer.canEdit;
  return (
    <>
      <Breadcrumbs v={v} organisation={org} />
      <h1 class="ds-heading" data-size="lg">
        {t('reg.title')}
      </h1>
      <p class="ds-paragraph lead">{t('reg.lead')}</p>
      {org.orgnr ? (
        <div class="ds-alert" data-color="info">
          <p class="ds-paragraph">{t('reg.alreadyRegistered', { orgnr: formatOrgnr(org.orgnr) })}</p>
        </div>
      ) : null}
      {!state ? (
        canEdit && !org.orgnr ? (
          <form method="post" action={`${base(org.id)}/start`}>
            <CsrfField v={v} />
            <p class="ds-paragraph">{t('reg.start.lead')}</p>
            <button type="submit" class="ds-button" data-variant="primary">
              {t('reg.start.button')}
            </button>
          </form>
        ) : (
          <p class="ds-paragraph">{t('reg.start.notStarted')}</p>
        )
      ) : (
        <PackageOverview v={v} data={data} />
      )}
    </>
  );
}

function PackageOverview(props: { v: ViewContext; data: OverviewData }) {
  const { v, data } = props;
  const { t } = v;
  const org = data.organisation;
  const state = data.state!;
  const p = state.pkg;
  const canEdit = data.viewer.canEdit;
  const editable = p.status === 'draft' || p.status === 'awaiting-confirmation' || p.status === 'confirmed';
  return (
    <>
      <p class="ds-paragraph">
        <strong>{t('reg.status.label')}</strong> {t(k(`reg.status.${p.status}`))}
      </p>
      {state.staleConfirmations.length > 0 && editable ? (
        <div class="ds-alert" data-color="warning">
          <p class="ds-paragraph">
            {t('reg.confirm.invalidatedBanner', { names: state.staleConfirmations.map((s) => s.name).join(', ') })}
          </p>
        </div>
      ) : null}
      {p.lastErrorCode && p.status === 'confirmed' ? (
        <div class="ds-alert" data-color="danger" role="alert">
          <h2 class="ds-heading" data-size="xs">
            {t('reg.send.failedTitle')}
          </h2>
          <p class="ds-paragraph">{t(intakeMessageKey(p.lastErrorCode))}</p>
          <p class="ds-paragraph" data-size="sm">
            {t('reg.send.failedReference', {
              code: p.lastErrorCode.split(':')[1] ?? p.lastErrorCode,
              id: p.lastErrorId ?? '—',
              date: p.lastErrorAt ? dateTime(v, p.lastErrorAt) : '',
            })}
          </p>
        </div>
      ) : null}
      <StatusPanel v={v} data={data} />

      {editable ? (
        <section aria-labelledby="tasks-heading">
          <h2 class="ds-heading" data-size="sm" id="tasks-heading">
            {t('reg.tasks.title')}
          </h2>
          <ol class="reg-tasks">
            {SECTION_ORDER.map((section) => (
              <li class="reg-tasks__item">
                {canEdit ? (
                  <a class="ds-link" href={sectionHref(org.id, section)} aria-describedby={`task-${section}-status`}>
                    {t(k(`reg.section.${section}`))}
                  </a>
                ) : (
                  <span>{t(k(`reg.section.${section}`))}</span>
                )}
                <span id={`task-${section}-status`}>
                  <StatusTag v={v} state={state.check.sections[section]} />
                </span>
              </li>
            ))}
          </ol>
          <Attachments v={v} state={state} orgId={org.id} />
          <p class="ds-paragraph">
            <a class="ds-link" href={`${base(org.id)}/oppsummering`}>
              {t(canEdit ? 'reg.summary.link' : 'reg.summary.readLink')}
            </a>
          </p>
        </section>
      ) : null}

      {p.status !== 'draft' ? (
        <section aria-labelledby="board-heading">
          <h2 class="ds-heading" data-size="sm" id="board-heading">
            {t('reg.confirm.title')}
          </h2>
          <p class="ds-paragraph">{t('reg.confirm.progress', { confirmed: state.confirmedCount, total: state.board.length })}</p>
          <BoardTable v={v} data={data} />
        </section>
      ) : null}

      {canEdit && (p.status === 'confirmed' || p.status === 'submitted') ? <SendPanel v={v} data={data} /> : null}

      {canEdit && !p.fnrErasedAt && state.check.ready ? (
        <section aria-labelledby="download-heading">
          <h2 class="ds-heading" data-size="sm" id="download-heading">
            {t('reg.download.title')}
          </h2>
          <p class="ds-paragraph">{t('reg.download.lead')}</p>
          <ul class="ds-list">
            <li>
              <a class="ds-link" href={`${base(org.id)}/pakke.zip`} download>
                {t('reg.download.zip')}
              </a>
            </li>
            <li>
              <a class="ds-link" href={`${base(org.id)}/melding.xml`} download>
                {t('reg.download.xml')}
              </a>
            </li>
          </ul>
        </section>
      ) : null}

      {canEdit && p.status !== 'submitted' && p.status !== 'received' && p.status !== 'rejected' ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`${base(org.id)}/forkast`}>
            {t('reg.discard.link')}
          </a>
        </p>
      ) : null}

      {canEdit && p.status === 'rejected' && !org.orgnr ? (
        <form method="post" action={`${base(org.id)}/start`}>
          <CsrfField v={v} />
          <p class="ds-paragraph">{t('reg.start.againLead')}</p>
          <button type="submit" class="ds-button" data-variant="primary">
            {t('reg.start.again')}
          </button>
        </form>
      ) : null}
    </>
  );
}

function Attachments(props: { v: ViewContext; state: PackageState; orgId: string }) {
  const { v, state } = props;
  const t = v.t;
  return (
    <>
      <h3 class="ds-heading" data-size="xs">
        {t('reg.attachments.title')}
      </h3>
      <ul class="ds-list">
        <li>
          {state.statutes
            ? t('reg.attachments.statutes', { version: state.statutes.version, date: date(v, state.statutes.adoptedAt) })
            : t('reg.attachments.statutesMissing')}{' '}
          <a class="ds-link" href={`/arbeidsrom/${props.orgId}/vedtekter`}>
            {t('reg.attachments.statutesLink')}
          </a>
        </li>
        <li>
          {state.founding?.finalised
            ? t('reg.attachments.protocol', { date: state.founding.meeting.heldOn ? date(v, state.founding.meeting.heldOn) : '' })
            : t('reg.attachments.protocolMissing')}{' '}
          <a class="ds-link" href={`/arbeidsrom/${props.orgId}/stiftelsesmote`}>
            {t('reg.attachments.protocolLink')}
          </a>
        </li>
      </ul>
    </>
  );
}

function SendPanel(props: { v: ViewContext; data: OverviewData }) {
  const { v, data } = props;
  const t = v.t;
  const p = data.state!.pkg;
  return (
    <section aria-labelledby="send-heading">
      <h2 class="ds-heading" data-size="sm" id="send-heading">
        {t('reg.send.title')}
      </h2>
      {data.pendingElsewhere ? (
        <div class="ds-alert" data-color="warning">
          <p class="ds-paragraph">
            {t('reg.error.otherPendingSince', {
              date: data.pendingElsewhere.receivedAt ? dateTime(v, data.pendingElsewhere.receivedAt) : '',
            })}
          </p>
        </div>
      ) : !data.submissionEnabled ? (
        <p class="ds-paragraph">{t('reg.send.notConfigured')}</p>
      ) : p.status === 'submitted' && !data.staleSend ? (
        <p class="ds-paragraph">{t('reg.send.inProgress')}</p>
      ) : (
        <form method="post" action={`${base(data.organisation.id)}/send`}>
          <CsrfField v={v} />
          <p class="ds-paragraph">{t('reg.send.lead')}</p>
          <button type="submit" class="ds-button" data-variant="primary">
            {t(p.lastErrorCode ? 'reg.send.again' : 'reg.send.button')}
          </button>
        </form>
      )}
    </section>
  );
}

// ---------- check answers (and the read-only summary the board confirms) ----------

function PersonSummary(props: { v: ViewContext; viewer: Viewer; p: PersonState; erased: boolean }) {
  const { v, p } = props;
  return (
    <>
      {p.name}
      <br />
      <span class="reg-note">
        {v.t('reg.fnr.label')}: {fnrText(v, props.viewer, p, props.erased)}
      </span>
    </>
  );
}

export function PackageSummary(props: { v: ViewContext; state: PackageState; viewer: Viewer; editable: boolean }) {
  const { v, state, viewer } = props;
  const { t } = v;
  const d = state.data;
  const orgId = state.organisation.id;
  const href = (s: Section) => (props.editable ? `${sectionHref(orgId, s)}?fra=oppsummering` : undefined);
  const erased = Boolean(state.pkg.fnrErasedAt);
  const none = t('reg.summary.notAnswered');
  const contact = d.contact ? state.persons.find((p) => p.id === d.contact!.personId) : undefined;
  const icnpoName = (code: string) => {
    const c = state.icnpo.find((i) => i.code === code);
    return c ? `${c.code} ${c.name}` : code;
  };
  const address = (a: { address: string; postnummer: string; poststed: string }) => `${a.address}, ${a.postnummer} ${a.poststed}`;
  const change = t('reg.summary.change');
  return (
    <>
      <h2 class="ds-heading" data-size="sm">
        {t('reg.section.organisation')}
      </h2>
      <SummaryList
        changeText={change}
        rows={[
          { key: t('reg.f.name'), value: d.organisation?.name ?? none, href: href('organisation') },
          { key: t('reg.f.organisasjonsform'), value: t('reg.fli') },
          { key: t('reg.f.foundedOn'), value: d.organisation ? date(v, d.organisation.foundedOn) : none, href: href('organisation') },
          { key: t('reg.f.purpose'), value: d.organisation?.purpose ?? none, href: href('organisation') },
          { key: t('reg.f.activity'), value: d.organisation?.activity ?? none, href: href('organisation') },
        ]}
      />
      <h2 class="ds-heading" data-size="sm">
        {t('reg.section.address')}
      </h2>
      <SummaryList
        changeText={change}
        rows={[
          { key: t('reg.f.businessAddress'), value: d.address ? address(d.address.business) : none, href: href('address') },
          {
            key: t('reg.f.kommune'),
            value: d.address ? `${d.address.business.kommunenummer} ${kommuneName(d.address.business.kommunenummer) ?? ''}` : none,
            href: href('address'),
          },
          {
            key: t('reg.f.postalAddress'),
            value: d.address ? (d.address.postal ? address(d.address.postal) : t('reg.summary.sameAsBusiness')) : none,
            href: href('address'),
          },
        ]}
      />
      <h2 class="ds-heading" data-size="sm">
        {t('reg.section.board')}
      </h2>
      <SummaryList
        changeText={change}
        rows={
          state.board.length === 0
            ? [{ key: t('reg.section.board'), value: none, href: href('board') }]
            : state.board.map((p) => ({
                key: t(k(`reg.role.${p.boardRole}`)),
                value: <PersonSummary v={v} viewer={viewer} p={p} erased={erased} />,
                href: props.editable ? `${base(orgId)}/styre/person?person=${p.id}&fra=oppsummering` : undefined,
              }))
        }
      />
      <h2 class="ds-heading" data-size="sm">
        {t('reg.section.contact')}
      </h2>
      <SummaryList
        changeText={change}
        rows={[
          {
            key: d.contact ? t(k(`reg.contactKind.${d.contact.kind}`)) : t('reg.section.contact'),
            value: contact ? <PersonSummary v={v} viewer={viewer} p={contact} erased={erased} /> : none,
            href: href('contact'),
          },
        ]}
      />
      <h2 class="ds-heading" data-size="sm">
        {t('reg.section.contactDetails')}
      </h2>
      <SummaryList
        changeText={change}
        rows={[
          { key: t('reg.f.email'), value: d.contactDetails?.email ?? none, href: href('contactDetails') },
          { key: t('reg.f.phone'), value: d.contactDetails?.phone ?? none, href: href('contactDetails') },
          {
            key: t('reg.f.maalform'),
            value: d.contactDetails ? t(k(`reg.maalform.${d.contactDetails.maalform}`)) : none,
            href: href('contactDetails'),
          },
        ]}
      />
      <h2 class="ds-heading" data-size="sm">
        {t('reg.section.roles')}
      </h2>
      <SummaryList
        changeText={change}
        rows={[
          {
            key: t('reg.f.revisor'),
            value: d.roles ? (d.roles.revisor ? `${d.roles.revisor.name} (${formatOrgnr(d.roles.revisor.orgnr)})` : t('reg.no')) : none,
            href: href('roles'),
          },
          {
            key: t('reg.f.regnskapsforer'),
            value: d.roles
              ? d.roles.regnskapsforer
                ? `${d.roles.regnskapsforer.name} (${formatOrgnr(d.roles.regnskapsforer.orgnr)})`
                : t('reg.no')
              : none,
            href: href('roles'),
          },
          { key: t('reg.f.signature'), value: d.roles ? t(k(`reg.signature.${d.roles.signature}`)) : none, href: href('roles') },
          { key: t('reg.f.prokura'), value: d.roles ? (d.roles.prokura ?? t('reg.no')) : none, href: href('roles') },
        ]}
      />
      <h2 class="ds-heading" data-size="sm">
        {t('reg.section.questions')}
      </h2>
      <SummaryList
        changeText={change}
        rows={[
          { key: t('reg.f.mva'), value: d.questions ? yesNoText(v, d.questions.mva) : none, href: href('questions') },
          {
            key: t('reg.f.employees'),
            value: d.questions ? (d.questions.employees > 0 ? String(d.questions.employees) : t('reg.no')) : none,
            href: href('questions'),
          },
          {
            key: t('reg.f.foretaksregisteret'),
            value: d.questions ? yesNoText(v, d.questions.foretaksregisteret) : none,
            href: href('questions'),
          },
        ]}
      />
      <h2 class="ds-heading" data-size="sm">
        {t('reg.section.frr')}
      </h2>
      <SummaryList
        changeText={change}
        rows={
          !d.frr
            ? [{ key: t('reg.f.frr'), value: none, href: href('frr') }]
            : !d.frr.register
              ? [{ key: t('reg.f.frr'), value: t('reg.no'), href: href('frr') }]
              : [
                  { key: t('reg.f.frr'), value: t('reg.yes'), href: href('frr') },
                  {
                    key: t('reg.f.icnpo'),
                    value: (
                      <ol class="reg-ranked">
                        {d.frr.icnpo.map((c) => (
                          <li>{icnpoName(c)}</li>
                        ))}
                      </ol>
                    ),
                    href: href('frr'),
                  },
                  { key: t('reg.f.vedtekter'), value: yesNoText(v, d.frr.vedtekter), href: href('frr') },
                  { key: t('reg.f.rapporteringsplikt'), value: yesNoText(v, d.frr.rapporteringsplikt), href: href('frr') },
                  {
                    key: t('reg.f.regnskapsperiodeSlutt'),
                    value: d.frr.regnskapsperiodeSlutt
                      ? `${d.frr.regnskapsperiodeSlutt.slice(5, 7)}.${d.frr.regnskapsperiodeSlutt.slice(2, 4)}.`
                      : t('reg.summary.calendarYear'),
                    href: href('frr'),
                  },
                  { key: t('reg.f.offentligFlertall'), value: yesNoText(v, d.frr.offentligFlertall), href: href('frr') },
                  { key: t('reg.f.utdelingFysiskePersoner'), value: yesNoText(v, d.frr.utdelingFysiskePersoner), href: href('frr') },
                ]
        }
      />
      {d.frr?.register ? (
        <>
          <h2 class="ds-heading" data-size="sm">
            {t('reg.section.grasrot')}
          </h2>
          <SummaryList
            changeText={change}
            rows={
              !d.grasrot
                ? [{ key: t('reg.f.deltarI'), value: none, href: href('grasrot') }]
                : [
                    { key: t('reg.f.deltarI'), value: yesNoText(v, d.grasrot.deltarI), href: href('grasrot') },
                    {
                      key: t('reg.f.kontonummer'),
                      value: d.grasrot.kontonummer ? formatKontonummer(d.grasrot.kontonummer) : t('reg.summary.noAccount'),
                      href: href('grasrot'),
                    },
                    ...Object.entries(d.grasrot.declarations ?? {}).map(([key, value]) => ({
                      key: t(k(`reg.grasrot.${key}`)),
                      value: yesNoText(v, value),
                      href: href('grasrot'),
                    })),
                  ]
            }
          />
        </>
      ) : null}
    </>
  );
}

export function SummaryView(props: { v: ViewContext; data: OverviewData }) {
  const { v, data } = props;
  const { t } = v;
  const state = data.state!;
  const editable =
    data.viewer.canEdit &&
    (state.pkg.status === 'draft' || state.pkg.status === 'awaiting-confirmation' || state.pkg.status === 'confirmed');
  const orgId = data.organisation.id;
  const errors = state.check.issues.filter((i) => i.severity === 'error');
  const missing = errors.filter((i) => i.key === 'reg.check.sectionMissing');
  return (
    <>
      <Breadcrumbs v={v} organisation={data.organisation} current={t('reg.summary.title')} />
      <h1 class="ds-heading" data-size="lg">
        {t('reg.summary.title')}
      </h1>
      {errors.length > 0 ? (
        <div class="ds-alert" data-color="danger">
          <h2 class="ds-heading" data-size="xs">
            {t('reg.summary.notReady')}
          </h2>
          {missing.length > 0 ? (
            <p class="ds-paragraph">
              {t('reg.summary.missingSections', { sections: missing.map((i) => t(k(`reg.section.${i.section}`))).join(', ') })}
            </p>
          ) : null}
          <IssueList v={v} orgId={orgId} issues={errors} severity="error" />
        </div>
      ) : null}
      {state.check.issues.some((i) => i.severity === 'warning') ? (
        <div class="ds-alert" data-color="warning">
          <h2 class="ds-heading" data-size="xs">
            {t('reg.summary.warnings')}
          </h2>
          <IssueList v={v} orgId={orgId} issues={state.check.issues} severity="warning" />
        </div>
      ) : null}
      <PackageSummary v={v} state={state} viewer={data.viewer} editable={editable} />
      <h2 class="ds-heading" data-size="sm">
        {t('reg.attachments.title')}
      </h2>
      <Attachments v={v} state={state} orgId={orgId} />
      {editable && state.pkg.status === 'draft' ? (
        state.check.ready ? (
          <form method="post" action={`${base(orgId)}/til-bekreftelse`} class="stack">
            <CsrfField v={v} />
            <h2 class="ds-heading" data-size="sm">
              {t('reg.summary.nextTitle')}
            </h2>
            <p class="ds-paragraph">{t('reg.summary.nextLead')}</p>
            <button type="submit" class="ds-button" data-variant="primary">
              {t('reg.summary.submit')}
            </button>
          </form>
        ) : (
          <p class="ds-paragraph">{t('reg.summary.fixFirst')}</p>
        )
      ) : null}
      <p class="ds-paragraph">
        <a class="ds-link" href={base(orgId)}>
          {t('reg.backToOverview')}
        </a>
      </p>
    </>
  );
}

// ---------- the board member's confirmation ----------

export function ConfirmView(props: { v: ViewContext; data: OverviewData }) {
  const { v, data } = props;
  const { t } = v;
  const state = data.state!;
  const me = state.board.find((p) => p.userId === data.viewer.userId);
  const open = state.pkg.status === 'awaiting-confirmation' || state.pkg.status === 'confirmed';
  return (
    <>
      <Breadcrumbs v={v} organisation={data.organisation} current={t('reg.confirm.pageTitle')} />
      <h1 class="ds-heading" data-size="lg">
        {t('reg.confirm.pageTitle')}
      </h1>
      {!me ? (
        <p class="ds-paragraph">{t('reg.error.notOnBoard')}</p>
      ) : !open ? (
        <p class="ds-paragraph">{t('reg.error.notAwaitingConfirmation')}</p>
      ) : me.confirmation?.valid ? (
        <div class="ds-alert" data-color="success">
          <p class="ds-paragraph">{t('reg.confirm.alreadyDone', { date: dateTime(v, me.confirmation.confirmedAt) })}</p>
        </div>
      ) : (
        <>
          {me.confirmation ? (
            <div class="ds-alert" data-color="warning">
              <p class="ds-paragraph">{t('reg.confirm.changedSince', { date: dateTime(v, me.confirmation.confirmedAt) })}</p>
            </div>
          ) : null}
          <p class="ds-paragraph">{t('reg.confirm.lead', { name: me.name, role: t(k(`reg.role.${me.boardRole}`)) })}</p>
        </>
      )}
      <PackageSummary v={v} state={state} viewer={data.viewer} editable={false} />
      <h2 class="ds-heading" data-size="sm">
        {t('reg.attachments.title')}
      </h2>
      <Attachments v={v} state={state} orgId={data.organisation.id} />
      {me && open && !me.confirmation?.valid ? (
        <form method="post" action={`${base(data.organisation.id)}/bekreft`} class="stack">
          <CsrfField v={v} />
          <input type="hidden" name="version" value={String(state.pkg.version)} />
          <h2 class="ds-heading" data-size="sm">
            {t('reg.confirm.declarationTitle')}
          </h2>
          <p class="ds-paragraph">{t('reg.confirm.declaration')}</p>
          <button type="submit" class="ds-button" data-variant="primary">
            {t('reg.confirm.button')}
          </button>
        </form>
      ) : null}
      <p class="ds-paragraph">
        <a class="ds-link" href={base(data.organisation.id)}>
          {t('reg.backToOverview')}
        </a>
      </p>
    </>
  );
}

export function DiscardView(props: { v: ViewContext; data: OverviewData }) {
  const { v, data } = props;
  const { t } = v;
  return (
    <>
      <Breadcrumbs v={v} organisation={data.organisation} current={t('reg.discard.title')} />
      <h1 class="ds-heading" data-size="lg">
        {t('reg.discard.title')}
      </h1>
      <p class="ds-paragraph">{t('reg.discard.lead')}</p>
      <form method="post" action={`${base(data.organisation.id)}/forkast`} class="stack">
        <CsrfField v={v} />
        <button type="submit" class="ds-button" data-variant="primary" data-color="danger">
          {t('reg.discard.button')}
        </button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={base(data.organisation.id)}>
          {t('reg.discard.cancel')}
        </a>
      </p>
    </>
  );
}

// ---------- question pages ----------

export function QuestionPage(props: {
  v: ViewContext;
  page: SectionPageData;
  section: Section;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  action: string;
  children: Child;
  lead?: string;
}) {
  const { v, page } = props;
  const { t } = v;
  const org = page.state.organisation;
  return (
    <>
      <Breadcrumbs v={v} organisation={org} current={t(k(`reg.section.${props.section}`))} />
      <h1 class="ds-heading" data-size="lg">
        {t(k(`reg.section.${props.section}`))}
      </h1>
      {props.lead ? <p class="ds-paragraph">{props.lead}</p> : null}
      {page.showingPrefill && !props.errors ? (
        <div class="ds-alert" data-color="info">
          <p class="ds-paragraph">{t('reg.prefill.banner', { sources: prefillSources(v, page) })}</p>
        </div>
      ) : null}
      {page.state.pkg.status !== 'draft' ? (
        <div class="ds-alert" data-color="warning">
          <p class="ds-paragraph">{t('reg.confirm.editWarning')}</p>
        </div>
      ) : null}
      <ErrorSummary v={v} errors={props.errors ?? {}} />
      <form method="post" action={props.action} class="stack" novalidate>
        <CsrfField v={v} />
        {props.children}
        <button type="submit" class="ds-button" data-variant="primary">
          {t('reg.saveContinue')}
        </button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={base(org.id)}>
          {t('reg.backToOverview')}
        </a>
      </p>
    </>
  );
}

function prefillSources(v: ViewContext, page: SectionPageData) {
  const sources = [...new Set(Object.values(page.prefilled).map((p) => p.source))];
  return sources.map((s) => v.t(k(`reg.source.${s}`))).join(', ');
}

/** "From the statutes" under a field whose value the platform filled in. */
function fromHint(v: ViewContext, page: SectionPageData, field: string, hint?: string | null) {
  const p = page.showingPrefill ? page.prefilled[field] : undefined;
  const from = p ? v.t('reg.prefill.from', { source: v.t(k(`reg.source.${p.source}`)) }) : null;
  return [hint, from].filter(Boolean).join(' ') || null;
}

const yesNoOptions = (v: ViewContext, reveal?: { yes?: string; no?: string }): Option[] => [
  { value: 'yes', label: v.t('reg.yes'), reveals: reveal?.yes },
  { value: 'no', label: v.t('reg.no'), reveals: reveal?.no },
];

type FieldsProps = { v: ViewContext; page: SectionPageData; values: Record<string, string>; errors: Record<string, string> };

export function OrganisationFields({ v, page, values, errors }: FieldsProps) {
  const t = v.t;
  return (
    <>
      <Input
        id="name"
        label={t('reg.f.name')}
        hint={fromHint(v, page, 'name', t('reg.h.name'))}
        value={values.name}
        error={errors.name}
        autocomplete="organization"
      />
      <Input
        id="foundedOn"
        type="date"
        label={t('reg.f.foundedOn')}
        hint={fromHint(v, page, 'foundedOn', t('reg.h.foundedOn'))}
        value={values.foundedOn}
        error={errors.foundedOn}
        width="medium"
      />
      <TextArea
        id="purpose"
        label={t('reg.f.purpose')}
        hint={fromHint(v, page, 'purpose', t('reg.h.purpose'))}
        value={values.purpose}
        error={errors.purpose}
      />
      <TextArea
        id="activity"
        label={t('reg.f.activity')}
        hint={t('reg.h.activity')}
        value={values.activity}
        error={errors.activity}
        rows={3}
      />
    </>
  );
}

export function AddressFields({ v, page, values, errors }: FieldsProps) {
  const t = v.t;
  return (
    <>
      <fieldset class="ds-fieldset reg-fieldset">
        <legend class="ds-label reg-legend">{t('reg.f.businessAddress')}</legend>
        <Hint id="business-hint">{t('reg.h.businessAddress')}</Hint>
        <Input
          id="businessAddress"
          label={t('reg.f.street')}
          value={values.businessAddress}
          error={errors.businessAddress}
          autocomplete="address-line1"
        />
        <Input
          id="businessPostnummer"
          label={t('reg.f.postnummer')}
          value={values.businessPostnummer}
          error={errors.businessPostnummer}
          inputmode="numeric"
          width="short"
          autocomplete="postal-code"
        />
        <Input
          id="businessPoststed"
          label={t('reg.f.poststed')}
          value={values.businessPoststed}
          error={errors.businessPoststed}
          autocomplete="address-level2"
        />
        <Input
          id="kommunenummer"
          label={t('reg.f.kommunenummer')}
          hint={fromHint(v, page, 'kommunenummer', t('reg.h.kommunenummer'))}
          value={values.kommunenummer}
          error={errors.kommunenummer}
          inputmode="numeric"
          width="short"
        />
      </fieldset>
      <Radios
        id="postalSame"
        legend={t('reg.f.postalSame')}
        options={yesNoOptions(v, { no: 'postal-fields' })}
        value={values.postalSame}
        error={errors.postalSame}
      />
      <div id="postal-fields">
        <fieldset class="ds-fieldset reg-fieldset">
          <legend class="ds-label reg-legend">{t('reg.f.postalAddress')}</legend>
          <Hint id="postal-hint">{t('reg.h.postalAddress')}</Hint>
          <Input id="postalAddress" label={t('reg.f.street')} value={values.postalAddress} error={errors.postalAddress} />
          <Input
            id="postalPostnummer"
            label={t('reg.f.postnummer')}
            value={values.postalPostnummer}
            error={errors.postalPostnummer}
            inputmode="numeric"
            width="short"
          />
          <Input id="postalPoststed" label={t('reg.f.poststed')} value={values.postalPoststed} error={errors.postalPoststed} />
        </fieldset>
      </div>
    </>
  );
}

export function ContactDetailsFields({ v, page, values, errors }: FieldsProps) {
  const t = v.t;
  return (
    <>
      <Input
        id="email"
        type="email"
        label={t('reg.f.email')}
        hint={fromHint(v, page, 'email', t('reg.h.email'))}
        value={values.email}
        error={errors.email}
        autocomplete="email"
      />
      <Input
        id="phone"
        type="tel"
        label={t('reg.f.phone')}
        hint={t('reg.h.phone')}
        value={values.phone}
        error={errors.phone}
        autocomplete="tel"
        width="medium"
      />
      <Radios
        id="maalform"
        legend={t('reg.f.maalform')}
        hint={fromHint(v, page, 'maalform', t('reg.h.maalform'))}
        options={[
          { value: 'nob', label: t('reg.maalform.nob') },
          { value: 'nno', label: t('reg.maalform.nno') },
        ]}
        value={values.maalform}
        error={errors.maalform}
      />
    </>
  );
}

export function RolesFields({ v, page, values, errors }: FieldsProps) {
  const t = v.t;
  return (
    <>
      <Radios
        id="revisor"
        legend={t('reg.f.revisorQuestion')}
        hint={fromHint(v, page, 'revisor', t('reg.h.revisor'))}
        options={yesNoOptions(v, { yes: 'revisor-fields' })}
        value={values.revisor}
        error={errors.revisor}
      />
      <div id="revisor-fields">
        <Input
          id="revisorOrgnr"
          label={t('reg.f.revisorOrgnr')}
          value={values.revisorOrgnr}
          error={errors.revisorOrgnr}
          inputmode="numeric"
          width="medium"
        />
        <Input id="revisorName" label={t('reg.f.revisorName')} value={values.revisorName} error={errors.revisorName} />
      </div>
      <Radios
        id="regnskapsforer"
        legend={t('reg.f.regnskapsforerQuestion')}
        hint={t('reg.h.regnskapsforer')}
        options={yesNoOptions(v, { yes: 'regnskapsforer-fields' })}
        value={values.regnskapsforer}
        error={errors.regnskapsforer}
      />
      <div id="regnskapsforer-fields">
        <Input
          id="regnskapsforerOrgnr"
          label={t('reg.f.regnskapsforerOrgnr')}
          value={values.regnskapsforerOrgnr}
          error={errors.regnskapsforerOrgnr}
          inputmode="numeric"
          width="medium"
        />
        <Input
          id="regnskapsforerName"
          label={t('reg.f.regnskapsforerName')}
          value={values.regnskapsforerName}
          error={errors.regnskapsforerName}
        />
      </div>
      <Radios
        id="signature"
        legend={t('reg.f.signature')}
        hint={fromHint(v, page, 'signature', t('reg.h.signature'))}
        options={SIGNATURE_RULES.map((r) => ({ value: r, label: t(k(`reg.signature.${r}`)) }))}
        value={values.signature}
        error={errors.signature}
      />
      <Radios
        id="prokura"
        legend={t('reg.f.prokuraQuestion')}
        hint={t('reg.h.prokura')}
        options={yesNoOptions(v, { yes: 'prokura-fields' })}
        value={values.prokura}
        error={errors.prokura}
      />
      <div id="prokura-fields">
        <TextArea id="prokuraText" label={t('reg.f.prokuraText')} value={values.prokuraText} error={errors.prokuraText} rows={2} />
      </div>
    </>
  );
}

export function QuestionsFields({ v, page, values, errors }: FieldsProps) {
  const t = v.t;
  return (
    <>
      <Radios
        id="mva"
        legend={t('reg.f.mvaQuestion')}
        hint={fromHint(v, page, 'mva', t('reg.h.mva'))}
        options={yesNoOptions(v)}
        value={values.mva}
        error={errors.mva}
      />
      <Radios
        id="employees"
        legend={t('reg.f.employeesQuestion')}
        hint={fromHint(v, page, 'employees', t('reg.h.employees'))}
        options={yesNoOptions(v, { yes: 'employee-count' })}
        value={values.employees}
        error={errors.employees}
      />
      <div id="employee-count">
        <Input
          id="employeeCount"
          label={t('reg.f.employeeCount')}
          value={values.employeeCount}
          error={errors.employeeCount}
          inputmode="numeric"
          width="short"
        />
      </div>
      <Radios
        id="foretaksregisteret"
        legend={t('reg.f.foretaksregisteretQuestion')}
        hint={t('reg.h.foretaksregisteret')}
        options={yesNoOptions(v)}
        value={values.foretaksregisteret}
        error={errors.foretaksregisteret}
      />
    </>
  );
}

export function FrrFields({ v, page, values, errors }: FieldsProps) {
  const t = v.t;
  const options = [
    { value: '', label: t('reg.f.icnpoNone') },
    ...page.icnpo.map((c) => ({ value: c.code, label: `${c.code} ${c.name} (${c.groupName})` })),
  ];
  return (
    <>
      <Radios
        id="frr"
        legend={t('reg.f.frrQuestion')}
        hint={fromHint(v, page, 'frr', t('reg.h.frr'))}
        options={yesNoOptions(v, { yes: 'frr-fields' })}
        value={values.frr}
        error={errors.frr}
      />
      <div id="frr-fields" class="stack">
        <fieldset class="ds-fieldset reg-fieldset">
          <legend class="ds-label reg-legend">{t('reg.f.icnpo')}</legend>
          <Hint id="icnpo-hint">{t('reg.h.icnpo')}</Hint>
          <Select id="icnpo1" label={t('reg.f.icnpo1')} value={values.icnpo1} options={options} error={errors.icnpo1} />
          <Select id="icnpo2" label={t('reg.f.icnpo2')} value={values.icnpo2} options={options} error={errors.icnpo2} />
          <Select id="icnpo3" label={t('reg.f.icnpo3')} value={values.icnpo3} options={options} error={errors.icnpo3} />
        </fieldset>
        <Radios
          id="vedtekter"
          legend={t('reg.f.vedtekterQuestion')}
          hint={fromHint(v, page, 'vedtekter', t('reg.h.vedtekter'))}
          options={yesNoOptions(v)}
          value={values.vedtekter}
          error={errors.vedtekter}
        />
        <Radios
          id="rapporteringsplikt"
          legend={t('reg.f.rapporteringspliktQuestion')}
          hint={t('reg.h.rapporteringsplikt')}
          options={yesNoOptions(v)}
          value={values.rapporteringsplikt}
          error={errors.rapporteringsplikt}
        />
        <Input
          id="regnskapsperiodeSlutt"
          label={t('reg.f.regnskapsperiodeSlutt')}
          hint={t('reg.h.regnskapsperiodeSlutt')}
          value={values.regnskapsperiodeSlutt}
          error={errors.regnskapsperiodeSlutt}
          width="short"
        />
        <Radios
          id="offentligFlertall"
          legend={t('reg.f.offentligFlertallQuestion')}
          hint={t('reg.h.offentligFlertall')}
          options={yesNoOptions(v)}
          value={values.offentligFlertall}
          error={errors.offentligFlertall}
        />
        <Radios
          id="utdelingFysiskePersoner"
          legend={t('reg.f.utdelingFysiskePersonerQuestion')}
          hint={t('reg.h.utdelingFysiskePersoner')}
          options={yesNoOptions(v)}
          value={values.utdelingFysiskePersoner}
          error={errors.utdelingFysiskePersoner}
        />
      </div>
    </>
  );
}

export function GrasrotFields({ v, page, values, errors }: FieldsProps) {
  const t = v.t;
  return (
    <>
      <Radios
        id="deltarI"
        legend={t('reg.f.deltarIQuestion')}
        hint={fromHint(v, page, 'deltarI', t('reg.h.deltarI'))}
        options={yesNoOptions(v, { yes: 'grasrot-fields' })}
        value={values.deltarI}
        error={errors.deltarI}
      />
      <Input
        id="kontonummer"
        label={t('reg.f.kontonummer')}
        hint={t('reg.h.kontonummer')}
        value={values.kontonummer}
        error={errors.kontonummer}
        inputmode="numeric"
        width="medium"
      />
      <div id="grasrot-fields" class="stack">
        <h2 class="ds-heading" data-size="xs">
          {t('reg.grasrot.declarationsTitle')}
        </h2>
        <p class="ds-paragraph">{t('reg.grasrot.declarationsLead')}</p>
        {GRASROT_DECLARATIONS.map((d) => (
          <Radios id={d} legend={t(k(`reg.grasrot.${d}`))} options={yesNoOptions(v)} value={values[d]} error={errors[d]} small />
        ))}
      </div>
    </>
  );
}

// ---------- the board (GOV.UK "add another") and one person ----------

export function BoardListView(props: { v: ViewContext; page: SectionPageData; fromSummary: boolean }) {
  const { v, page } = props;
  const { t } = v;
  const state = page.state;
  const org = state.organisation;
  const rule = state.statutes?.answers.board;
  const boardIssues = state.check.issues.filter((i) => i.section === 'board' && i.severity === 'error');
  return (
    <>
      <Breadcrumbs v={v} organisation={org} current={t('reg.section.board')} />
      <h1 class="ds-heading" data-size="lg">
        {t('reg.section.board')}
      </h1>
      <p class="ds-paragraph">{t('reg.board.lead')}</p>
      {rule ? <p class="ds-paragraph">{t('reg.board.rule', { min: rule.minMembers, max: rule.maxMembers })}</p> : null}
      {state.data.boardPrefill && Object.keys(state.data.boardPrefill).length > 0 ? (
        <div class="ds-alert" data-color="info">
          <p class="ds-paragraph">{t('reg.board.fromMeeting')}</p>
        </div>
      ) : null}
      {boardIssues.length > 0 ? (
        <div class="ds-alert" data-color="warning">
          <ul class="ds-list">
            {boardIssues.map((i) => (
              <li>{t(k(i.key), i.params)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.board.length === 0 ? (
        <p class="ds-paragraph">{t('reg.board.empty')}</p>
      ) : (
        <div class="table-scroll ds-focus" tabindex={0} role="region" aria-labelledby="board-list-caption">
          <table class="ds-table" data-border>
            <caption id="board-list-caption">{t('reg.board.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reg.board.name')}</th>
                <th scope="col">{t('reg.board.role')}</th>
                <th scope="col">{t('reg.board.fnr')}</th>
                <th scope="col">{t('reg.board.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {state.board.map((p) => (
                <tr>
                  <td>{p.name}</td>
                  <td>{t(k(`reg.role.${p.boardRole}`))}</td>
                  <td>{fnrText(v, page.viewer, p, false)}</td>
                  <td>
                    <a class="ds-link" href={`${base(org.id)}/styre/person?person=${p.id}`}>
                      {t('reg.board.edit', { name: p.name })}
                    </a>
                    <form method="post" action={`${base(org.id)}/styre/fjern`} class="inline-form">
                      <CsrfField v={v} />
                      <input type="hidden" name="personId" value={p.id} />
                      <button type="submit" class="ds-button" data-variant="tertiary" data-size="sm" data-color="danger">
                        {t('reg.board.remove', { name: p.name })}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="ds-paragraph">
        <a class="ds-button" data-variant="secondary" href={`${base(org.id)}/styre/person`}>
          {t('reg.board.add')}
        </a>
      </p>
      <p class="ds-paragraph">
        <a
          class="ds-button"
          data-variant="primary"
          href={props.fromSummary ? `${base(org.id)}/oppsummering` : sectionHref(org.id, 'contact')}
        >
          {t('reg.board.continue')}
        </a>
      </p>
      <p class="ds-paragraph">
        <a class="ds-link" href={base(org.id)}>
          {t('reg.backToOverview')}
        </a>
      </p>
    </>
  );
}

export function PersonFormView(props: {
  v: ViewContext;
  page: SectionPageData;
  person: PersonState | null;
  values: Record<string, string>;
  errors?: Record<string, string>;
  fromSummary: boolean;
}) {
  const { v, page, person } = props;
  const { t } = v;
  const errors = props.errors ?? {};
  const values = props.values;
  const org = page.state.organisation;
  const title = person ? t('reg.person.editTitle', { name: person.name }) : t('reg.person.addTitle');
  return (
    <>
      <Breadcrumbs v={v} organisation={org} current={title} />
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action={`${base(org.id)}/styre/person${props.fromSummary ? '?fra=oppsummering' : ''}`} class="stack" novalidate>
        <CsrfField v={v} />
        {person ? <input type="hidden" name="personId" value={person.id} /> : null}
        <Input id="name" label={t('reg.person.name')} value={values.name} error={errors.name} autocomplete="off" />
        <Radios
          id="boardRole"
          legend={t('reg.person.role')}
          options={BOARD_ROLES.map((r) => ({ value: r, label: t(k(`reg.role.${r}`)) }))}
          value={values.boardRole}
          error={errors.boardRole}
        />
        <Input
          id="fnr"
          label={t('reg.person.fnr')}
          hint={person?.fnr ? t('reg.person.fnrStored', { masked: maskPersonnummer(person.fnr) }) : t('reg.person.fnrHint')}
          error={errors.fnr}
          inputmode="numeric"
          width="medium"
          secret
        />
        <Select
          id="userId"
          label={t('reg.person.member')}
          hint={t('reg.person.memberHint')}
          value={values.userId ?? 'none'}
          options={[{ value: 'none', label: t('reg.person.noMember') }, ...page.members.map((m) => ({ value: m.userId, label: m.name }))]}
          error={errors.userId}
        />
        <Input
          id="email"
          type="email"
          label={t('reg.person.email')}
          hint={t('reg.person.emailHint')}
          value={values.email}
          error={errors.email}
          autocomplete="off"
        />
        <button type="submit" class="ds-button" data-variant="primary">
          {t('reg.person.save')}
        </button>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={`${base(org.id)}/styre`}>
          {t('reg.person.back')}
        </a>
      </p>
    </>
  );
}

export function ContactPersonFields(props: FieldsProps & { separate: PersonState | null }) {
  const { v, page, values, errors } = props;
  const t = v.t;
  return (
    <>
      <Radios
        id="contactKind"
        legend={t('reg.f.contactKind')}
        hint={t('reg.h.contactKind')}
        options={CONTACT_KINDS.map((c) => ({ value: c, label: t(k(`reg.contactKind.${c}`)) }))}
        value={values.contactKind}
        error={errors.contactKind}
      />
      <Radios
        id="contactPerson"
        legend={t('reg.f.contactPerson')}
        options={[
          ...page.state.board.map((p) => ({ value: p.id, label: `${p.name} (${t(k(`reg.role.${p.boardRole}`))})` })),
          { value: 'other', label: t('reg.f.contactOther'), reveals: 'contact-other' },
        ]}
        value={values.contactPerson}
        error={errors.contactPerson}
      />
      <div id="contact-other">
        <Input id="otherName" label={t('reg.f.otherName')} value={values.otherName} error={errors.otherName} autocomplete="off" />
        <Input
          id="otherFnr"
          label={t('reg.person.fnr')}
          hint={props.separate?.fnr ? t('reg.person.fnrStored', { masked: maskPersonnummer(props.separate.fnr) }) : t('reg.person.fnrHint')}
          error={errors.otherFnr}
          inputmode="numeric"
          width="medium"
          secret
        />
      </div>
    </>
  );
}
