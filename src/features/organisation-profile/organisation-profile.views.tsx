import type { Child } from 'hono/jsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import { hasMessage, type MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary } from '../../core/layout.tsx';
import { formatOrgnr } from '../../core/validators/orgnr.ts';
import { formatDate, NlodAttribution, RegisterTags } from '../register-search/register-search.views.tsx';
import type { ClaimView } from './read-claim.ts';
import type { Address, Profile, ProfileView } from './read-profile.ts';

const roleName = (v: ViewContext, role: string) => v.t(`role.${role}` as MessageKey);

const dateTime = (v: ViewContext, d: Date) =>
  d.toLocaleString(v.lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Oslo' });

/** "www.brreg.no" → https://www.brreg.no; anything that does not look like a web address is shown as text only. */
function websiteHref(value: string): string | null {
  if (/^https?:\/\/[^\s"'<>]+$/i.test(value)) return value;
  if (/^[\p{L}\p{N}][\p{L}\p{N}.-]*\.[\p{L}]{2,}(\/[^\s"'<>]*)?$/u.test(value)) return `https://${value}`;
  return null;
}

function Breadcrumbs(props: { v: ViewContext; name: string; orgnr: string; current?: string }) {
  const { t } = props.v;
  return (
    <nav aria-label={t('profile.breadcrumb')} class="ds-breadcrumbs">
      <ol>
        <li>
          <a class="ds-link" href="/organisasjoner">
            {t('search.title')}
          </a>
        </li>
        {props.current ? (
          <li>
            <a class="ds-link" href={`/organisasjoner/${props.orgnr}`}>
              {props.name}
            </a>
          </li>
        ) : null}
        <li>
          <a class="ds-link" href={props.v.currentPath} aria-current="page">
            {props.current ?? props.name}
          </a>
        </li>
      </ol>
    </nav>
  );
}

function Fact(props: { label: string; children: Child }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function AddressText(props: { address: Address }) {
  const a = props.address;
  const place = [a.postnummer, a.poststed].filter(Boolean).join(' ');
  const lines = [...a.lines, place, a.land && a.land !== 'Norge' ? a.land : null].filter((l): l is string => Boolean(l));
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

function statusText(v: ViewContext, p: Profile): string[] {
  const { t } = v;
  const s = p.status;
  const out: string[] = [];
  if (s.slettedato) out.push(t('profile.status.slettet', { date: formatDate(s.slettedato) }));
  if (s.konkurs)
    out.push(s.konkursdato ? t('profile.status.konkurs', { date: formatDate(s.konkursdato) }) : t('profile.status.konkursNoDate'));
  if (s.underAvvikling) {
    out.push(
      s.underAvviklingDato
        ? t('profile.status.underAvvikling', { date: formatDate(s.underAvviklingDato) })
        : t('profile.status.underAvviklingNoDate'),
    );
  }
  if (s.tvangsavvikling) out.push(t('profile.status.tvangsavvikling'));
  if (out.length === 0) out.push(t('profile.status.active'));
  return out;
}

export function ProfilePageView(props: { v: ViewContext } & ProfileView) {
  const { v, profile: p, workspace } = props;
  const { t } = v;
  const registers = [
    p.registers.mva ? t('profile.register.mva') : null,
    p.registers.foretaksregisteret ? t('profile.register.foretak') : null,
    p.registers.stiftelsesregisteret ? t('profile.register.stiftelse') : null,
    p.registers.frivillighetsregisteret ? t('profile.register.frr') : null,
    p.registers.partiregisteret ? t('profile.register.parti') : null,
  ].filter((x): x is string => x !== null);
  const website = p.website ? websiteHref(p.website) : null;
  return (
    <>
      <Breadcrumbs v={v} name={p.name} orgnr={p.orgnr} />
      <h1 class="ds-heading" data-size="lg">
        {p.name}
      </h1>
      <p class="ds-paragraph">{t('search.hit.orgnr', { orgnr: formatOrgnr(p.orgnr) })}</p>
      <RegisterTags
        v={v}
        frr={p.registers.frivillighetsregisteret}
        grasrot={Boolean(p.frivillig && !p.frivillig.leftOn && p.frivillig.grasrotandel)}
        underAvvikling={p.status.underAvvikling}
        konkurs={p.status.konkurs}
        slettedato={p.status.slettedato}
      />

      <section aria-labelledby="register-heading" class="profile-section">
        <h2 class="ds-heading" data-size="md" id="register-heading">
          {t('profile.section.register')}
        </h2>
        <dl class="facts">
          <Fact label={t('profile.orgnr')}>{formatOrgnr(p.orgnr)}</Fact>
          <Fact label={t('profile.form')}>{p.form ? `${p.form.description ?? p.form.code} (${p.form.code})` : t('profile.notGiven')}</Fact>
          <Fact label={t('profile.status')}>
            {statusText(v, p).map((s, i) => (
              <>
                {i > 0 ? <br /> : null}
                {s}
              </>
            ))}
          </Fact>
          <Fact label={t('profile.founded')}>{p.founded ? formatDate(p.founded) : t('profile.notGiven')}</Fact>
          {p.registered ? <Fact label={t('profile.registered')}>{formatDate(p.registered)}</Fact> : null}
          {p.businessAddress ? (
            <Fact label={t('profile.businessAddress')}>
              <AddressText address={p.businessAddress} />
            </Fact>
          ) : null}
          {p.postalAddress ? (
            <Fact label={t('profile.postalAddress')}>
              <AddressText address={p.postalAddress} />
            </Fact>
          ) : null}
          {p.kommune ? <Fact label={t('profile.kommune')}>{`${p.kommune.name ?? ''} (${p.kommune.number})`.trim()}</Fact> : null}
          {p.purpose.length > 0 ? <Fact label={t('profile.purpose')}>{p.purpose.join(' ')}</Fact> : null}
          {p.activity.length > 0 ? <Fact label={t('profile.activity')}>{p.activity.join(' ')}</Fact> : null}
          {p.website ? (
            <Fact label={t('profile.website')}>
              {website ? (
                <a class="ds-link" href={website} rel="nofollow noopener">
                  {p.website}
                </a>
              ) : (
                p.website
              )}
            </Fact>
          ) : null}
          {p.email ? (
            <Fact label={t('profile.email')}>
              <a class="ds-link" href={`mailto:${p.email}`}>
                {p.email}
              </a>
            </Fact>
          ) : null}
          {p.phone ? <Fact label={t('profile.phone')}>{p.phone}</Fact> : null}
          {p.mobile ? <Fact label={t('profile.mobile')}>{p.mobile}</Fact> : null}
          {p.industryCodes.length > 0 ? (
            <Fact label={t('profile.industry')}>
              {p.industryCodes.map((c, i) => (
                <>
                  {i > 0 ? <br /> : null}
                  {`${c.code} ${c.description ?? ''}`.trim()}
                </>
              ))}
            </Fact>
          ) : null}
          {p.sectorCode ? <Fact label={t('profile.sector')}>{`${p.sectorCode.code} ${p.sectorCode.description ?? ''}`.trim()}</Fact> : null}
          <Fact label={t('profile.employees')}>{p.employees !== null ? String(p.employees) : t('profile.employeesUnknown')}</Fact>
          <Fact label={t('profile.registers')}>{registers.length > 0 ? registers.join(', ') : t('profile.registers.none')}</Fact>
          {p.lastAnnualAccounts ? <Fact label={t('profile.lastAccounts')}>{p.lastAnnualAccounts}</Fact> : null}
        </dl>
        <p class="ds-paragraph" data-size="sm">
          {t('profile.updated', { date: dateTime(v, p.dataUpdatedAt) })}
        </p>
      </section>

      <FrivilligSection v={v} profile={p} />
      <RolesSection v={v} profile={p} />
      <ChangesSection v={v} profile={p} />
      {p.status.slettedato ? null : <ClaimTeaser v={v} orgnr={p.orgnr} workspace={workspace} />}
      <NlodAttribution v={v} />
    </>
  );
}

function FrivilligSection(props: { v: ViewContext; profile: Profile }) {
  const { v, profile: p } = props;
  const { t } = v;
  const f = p.frivillig;
  return (
    <section aria-labelledby="frr-heading" class="profile-section">
      <h2 class="ds-heading" data-size="md" id="frr-heading">
        {t('profile.section.frr')}
      </h2>
      {!f ? (
        <p class="ds-paragraph">{t('profile.frr.none')}</p>
      ) : (
        <>
          {f.leftOn ? <p class="ds-paragraph">{t('profile.frr.left', { date: formatDate(f.leftOn) })}</p> : null}
          <dl class="facts">
            {f.categories.length > 0 ? (
              <Fact label={t('profile.frr.categories')}>
                <ol class="ds-list">
                  {f.categories.map((c, i) => (
                    <li>
                      {`${c.number} ${c.name ?? ''}`.trim()}
                      {i === 0 ? ` (${t('profile.frr.primary')})` : ''}
                    </li>
                  ))}
                </ol>
              </Fact>
            ) : null}
            <Fact label={t('profile.frr.grasrot')}>
              {f.grasrotandel ? t('profile.frr.grasrot.yes') : t('profile.frr.grasrot.no')}
              {f.excludedFromGrasrot ? (
                <>
                  <br />
                  {t('profile.frr.grasrot.excluded', {
                    from: formatDate(f.excludedFromGrasrot.from) || '–',
                    to: formatDate(f.excludedFromGrasrot.to) || '–',
                  })}
                </>
              ) : null}
            </Fact>
            {f.registeredSince ? <Fact label={t('profile.frr.registeredSince')}>{formatDate(f.registeredSince)}</Fact> : null}
            {f.firstRegistered ? <Fact label={t('profile.frr.firstRegistered')}>{formatDate(f.firstRegistered)}</Fact> : null}
            <Fact label={t('profile.frr.accounts')}>
              {f.accounts.reportsToRegnskapsregisteret ? t('profile.frr.accounts.reports') : t('profile.frr.accounts.noReport')}
              {f.accounts.lastYear ? (
                <>
                  <br />
                  {t('profile.frr.accounts.last', { year: f.accounts.lastYear, date: formatDate(f.accounts.lastRegistered) || '–' })}
                </>
              ) : null}
            </Fact>
            <Fact label={t('profile.frr.statutes')}>
              {f.statutes.registered
                ? f.statutes.lastUpdated
                  ? t('profile.frr.statutes.yes', { date: formatDate(f.statutes.lastUpdated) })
                  : t('profile.frr.statutes.yesNoDate')
                : t('profile.frr.statutes.no')}
            </Fact>
          </dl>
        </>
      )}
    </section>
  );
}

function RolesSection(props: { v: ViewContext; profile: Profile }) {
  const { v, profile: p } = props;
  const { t } = v;
  const groups = new Map<string, typeof p.roles>();
  for (const r of p.roles) groups.set(r.groupName, [...(groups.get(r.groupName) ?? []), r]);
  return (
    <section aria-labelledby="roles-heading" class="profile-section">
      <h2 class="ds-heading" data-size="md" id="roles-heading">
        {t('profile.section.roles')}
      </h2>
      {p.roles.length === 0 ? (
        <p class="ds-paragraph">{t('profile.roles.none')}</p>
      ) : (
        <>
          <p class="ds-paragraph" data-size="sm">
            {t('profile.roles.privacy')}
          </p>
          {[...groups].map(([groupName, roles], gi) => (
            <div class="table-scroll ds-focus" tabindex={0} role="region" aria-labelledby={`roles-caption-${gi}`}>
              <table class="ds-table" data-border>
                <caption id={`roles-caption-${gi}`}>{groupName}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('profile.roles.role')}</th>
                    <th scope="col">{t('profile.roles.name')}</th>
                  </tr>
                </thead>
                <tbody>
                  {roles.map((r) => (
                    <tr>
                      <td>{r.roleName}</td>
                      <td>
                        {r.personName ??
                          (r.organisation?.orgnr ? (
                            <a class="ds-link" href={`/organisasjoner/${r.organisation.orgnr}`}>
                              {r.organisation.name ?? formatOrgnr(r.organisation.orgnr)}
                            </a>
                          ) : (
                            (r.organisation?.name ?? '')
                          ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
          {p.rolesFetchedAt ? (
            <p class="ds-paragraph" data-size="sm">
              {t('profile.roles.fetched', { date: dateTime(v, p.rolesFetchedAt) })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function ChangesSection(props: { v: ViewContext; profile: Profile }) {
  const { v, profile: p } = props;
  const { t } = v;
  return (
    <section aria-labelledby="changes-heading" class="profile-section">
      <h2 class="ds-heading" data-size="md" id="changes-heading">
        {t('profile.section.changes')}
      </h2>
      {p.changes.length === 0 ? (
        <p class="ds-paragraph">{t('profile.changes.none')}</p>
      ) : (
        <div class="table-scroll ds-focus" tabindex={0} role="region" aria-labelledby="changes-caption">
          <table class="ds-table" data-border>
            <caption id="changes-caption">{t('profile.changes.lead')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.changes.when')}</th>
                <th scope="col">{t('profile.changes.type')}</th>
                <th scope="col">{t('profile.changes.fields')}</th>
              </tr>
            </thead>
            <tbody>
              {p.changes.map((c) => (
                <tr>
                  <td>{dateTime(v, c.at)}</td>
                  <td>{hasMessage(`profile.change.${c.type}`) ? t(`profile.change.${c.type}` as MessageKey) : c.type}</td>
                  <td>{c.fields.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ClaimTeaser(props: { v: ViewContext; orgnr: string; workspace: ProfileView['workspace'] }) {
  const { v, orgnr, workspace } = props;
  const { t } = v;
  const claimPath = `/organisasjoner/${orgnr}/arbeidsrom`;
  return (
    <section aria-labelledby="claim-heading" class="profile-section ds-card">
      <h2 class="ds-heading" data-size="md" id="claim-heading">
        {t('profile.section.claim')}
      </h2>
      {workspace?.yourRole ? (
        <>
          <p class="ds-paragraph">{t('profile.claim.member', { role: roleName(v, workspace.yourRole) })}</p>
          <p class="ds-paragraph">
            <a class="ds-link" href={`/arbeidsrom/${workspace.id}`}>
              {t('profile.claim.open')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="ds-paragraph">{t('profile.claim.lead')}</p>
          <p class="ds-paragraph">
            {v.user ? (
              <a class="ds-button" data-variant="secondary" href={claimPath}>
                {t('profile.claim.start')}
              </a>
            ) : (
              <a class="ds-button" data-variant="secondary" href={`/logg-inn?tilbake=${encodeURIComponent(claimPath)}`}>
                {t('profile.claim.signIn')}
              </a>
            )}
          </p>
        </>
      )}
    </section>
  );
}

export function ClaimPageView(props: {
  v: ViewContext;
  claim: ClaimView;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}) {
  const { v, claim } = props;
  const { t } = v;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const base = `/organisasjoner/${claim.orgnr}`;
  const ws = claim.workspace;
  const member = ws?.yourRole ?? null;
  return (
    <>
      <Breadcrumbs v={v} name={claim.name} orgnr={claim.orgnr} current={t('profile.claim.title')} />
      <h1 class="ds-heading" data-size="lg">
        {t('profile.claim.title')}
      </h1>
      <p class="ds-paragraph lead">
        <strong>{claim.name}</strong> · {t('search.hit.orgnr', { orgnr: formatOrgnr(claim.orgnr) })}
      </p>
      <ErrorSummary v={v} errors={errors} />
      {claim.deleted ? (
        <div class="ds-alert" data-color="warning">
          <p class="ds-paragraph">{t('profile.claim.deleted')}</p>
        </div>
      ) : member ? (
        <>
          <p class="ds-paragraph">{t('profile.claim.member', { role: roleName(v, member) })}</p>
          <p class="ds-paragraph">
            <a class="ds-link" href={`/arbeidsrom/${ws!.id}`}>
              {t('profile.claim.open')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="ds-paragraph">{t('profile.claim.intro')}</p>
          <section aria-labelledby="you-heading">
            <h2 class="ds-heading" data-size="sm" id="you-heading">
              {t('profile.claim.you')}
            </h2>
            <dl class="facts">
              <Fact label={t('profile.claim.yourName')}>{claim.person.name}</Fact>
              <Fact label={t('profile.claim.yourBirthDate')}>
                {claim.person.birthDate ? formatDate(claim.person.birthDate) : t('profile.claim.noBirthDate')}
              </Fact>
            </dl>
            {claim.person.canStateBirthDate ? (
              <form method="post" action={`${base}/fodselsdato`} class="stack" novalidate>
                <CsrfField v={v} />
                <div class="ds-field form-field">
                  <label class="ds-label" for="fodselsdato">
                    {t('profile.birthDate.label')}
                  </label>
                  <div class="ds-paragraph field-description" id="fodselsdato-desc" data-size="sm">
                    {t('profile.birthDate.hint')}
                  </div>
                  {errors.fodselsdato ? (
                    <div class="ds-validation-message" id="fodselsdato-error" data-color="danger">
                      {errors.fodselsdato}
                    </div>
                  ) : null}
                  <input
                    class="ds-input input-short"
                    id="fodselsdato"
                    name="fodselsdato"
                    type="text"
                    inputmode="numeric"
                    autocomplete="bday"
                    value={values.fodselsdato ?? (claim.person.birthDate ? formatDate(claim.person.birthDate) : '')}
                    aria-invalid={errors.fodselsdato ? 'true' : undefined}
                    aria-describedby={errors.fodselsdato ? 'fodselsdato-desc fodselsdato-error' : 'fodselsdato-desc'}
                  />
                </div>
                <button type="submit" class="ds-button" data-variant="secondary">
                  {t('profile.birthDate.save')}
                </button>
              </form>
            ) : claim.person.birthDate ? null : (
              <p class="ds-paragraph">{t('profile.birthDate.idPortenPending')}</p>
            )}
          </section>

          {claim.match ? (
            <section aria-labelledby="match-heading">
              <h2 class="ds-heading" data-size="sm" id="match-heading">
                {ws
                  ? t('profile.claim.join', { role: roleName(v, claim.match.role === 'LEDE' ? 'leader' : 'board_member') })
                  : t('profile.claim.create')}
              </h2>
              <p class="ds-paragraph">{t('profile.claim.match', { role: claim.match.roleName })}</p>
              <form method="post" action={`${base}/arbeidsrom`}>
                <CsrfField v={v} />
                <button type="submit" class="ds-button" data-variant="primary">
                  {ws
                    ? t('profile.claim.join', { role: roleName(v, claim.match.role === 'LEDE' ? 'leader' : 'board_member') })
                    : t('profile.claim.create')}
                </button>
              </form>
            </section>
          ) : claim.person.birthDate ? (
            <div class="ds-alert" data-color="info">
              <p class="ds-paragraph">{t('profile.claim.noMatch')}</p>
            </div>
          ) : null}

          {claim.match ? null : ws ? (
            <AccessRequestForm v={v} base={base} pending={ws.pendingRequest} errors={errors} values={values} />
          ) : (
            <p class="ds-paragraph">{t('profile.claim.noWorkspace')}</p>
          )}
        </>
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={base}>
          {t('profile.access.sent.back', { name: claim.name })}
        </a>
      </p>
    </>
  );
}

function AccessRequestForm(props: {
  v: ViewContext;
  base: string;
  pending: boolean;
  errors: Record<string, string>;
  values: Record<string, string>;
}) {
  const { v, errors } = props;
  const { t } = v;
  return (
    <section aria-labelledby="access-heading">
      <h2 class="ds-heading" data-size="sm" id="access-heading">
        {t('profile.access.title')}
      </h2>
      {props.pending ? (
        <p class="ds-paragraph">{t('profile.access.pending')}</p>
      ) : (
        <>
          <p class="ds-paragraph">{t('profile.access.lead')}</p>
          <form method="post" action={`${props.base}/tilgang`} class="stack" novalidate>
            <CsrfField v={v} />
            <div class="ds-field form-field">
              <label class="ds-label" for="melding">
                {t('profile.access.message')}
              </label>
              <div class="ds-paragraph field-description" id="melding-desc" data-size="sm">
                {t('profile.access.messageHint')}
              </div>
              {errors.melding ? (
                <div class="ds-validation-message" id="melding-error" data-color="danger">
                  {errors.melding}
                </div>
              ) : null}
              <textarea
                class="ds-input"
                id="melding"
                name="melding"
                rows={4}
                aria-invalid={errors.melding ? 'true' : undefined}
                aria-describedby={errors.melding ? 'melding-desc melding-error' : 'melding-desc'}
              >
                {props.values.melding ?? ''}
              </textarea>
            </div>
            <button type="submit" class="ds-button" data-variant="primary">
              {t('profile.access.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

export function AccessSentView(props: { v: ViewContext; orgnr: string; name: string; already: boolean }) {
  const { v } = props;
  const { t } = v;
  return (
    <>
      <Breadcrumbs v={v} name={props.name} orgnr={props.orgnr} current={t('profile.access.sent.title')} />
      <h1 class="ds-heading" data-size="lg">
        {t('profile.access.sent.title')}
      </h1>
      <div class="ds-alert" data-color="success" role="status">
        <p class="ds-paragraph">
          {props.already ? t('profile.access.sent.already', { name: props.name }) : t('profile.access.sent.body', { name: props.name })}
        </p>
      </div>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/organisasjoner/${props.orgnr}`}>
          {t('profile.access.sent.back', { name: props.name })}
        </a>
      </p>
    </>
  );
}

export function ProfileProblemView(props: { v: ViewContext; title: string; body: string }) {
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {props.title}
      </h1>
      <p class="ds-paragraph">{props.body}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href="/organisasjoner">
          {props.v.t('profile.backToSearch')}
        </a>
      </p>
    </>
  );
}
