import type { PlatformRole } from '../../core/auth/current-user.ts';
import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField } from '../../core/layout.tsx';
import { PLATFORM_ROLES } from './manage-platform-roles.ts';

const roleName = (v: ViewContext, role: string) => v.t(`platformRole.${role}` as MessageKey);

export function UsersView(props: {
  v: ViewContext;
  query: string;
  users: { id: string; name: string; email: string | null; roles: PlatformRole[] }[];
}) {
  const { v } = props;
  const { t } = v;
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {t('admin.users.title')}
      </h1>
      <p class="ds-paragraph">{t('admin.users.lead')}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href="/admin/logg">
          {t('admin.log.title')}
        </a>
        {' · '}
        <a class="ds-link" href="/admin/registersynk">
          {t('registerSync.title')}
        </a>
      </p>
      <form method="get" action="/admin/brukere" class="inline-form" role="search">
        <label class="ds-label" for="q">
          {t('admin.users.search')}
        </label>
        <input class="ds-input" id="q" name="q" type="search" value={props.query} />
        <button type="submit" class="ds-button" data-variant="secondary">
          {t('admin.users.searchButton')}
        </button>
      </form>
      {props.users.length === 0 ? <p class="ds-paragraph">{t('admin.users.none')}</p> : null}
      <ul class="ds-list--unstyled card-list">
        {props.users.map((u) => (
          <li>
            <div class="ds-card">
              <h2 class="ds-heading" data-size="xs">
                {u.name}
              </h2>
              {u.email ? (
                <p class="ds-paragraph" data-size="sm">
                  {u.email}
                </p>
              ) : null}
              <form method="post" action={`/admin/brukere/${u.id}/roller`} class="stack">
                <CsrfField v={v} />
                <fieldset class="ds-fieldset">
                  <legend class="ds-label">{t('admin.users.rolesFor', { name: u.name })}</legend>
                  {PLATFORM_ROLES.map((role) => (
                    <div class="ds-field">
                      <input
                        class="ds-input"
                        type="checkbox"
                        name="roles"
                        value={role}
                        id={`r-${u.id}-${role}`}
                        checked={u.roles.includes(role)}
                      />
                      <label class="ds-label" for={`r-${u.id}-${role}`} data-weight="regular">
                        {roleName(v, role)}
                      </label>
                    </div>
                  ))}
                </fieldset>
                <button type="submit" class="ds-button" data-variant="secondary" data-size="sm">
                  {t('admin.users.save', { name: u.name })}
                </button>
              </form>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

export function PlatformLogView(props: {
  v: ViewContext;
  events: { id: string; details: Record<string, unknown>; createdAt: Date; actorName: string | null }[];
}) {
  const { v } = props;
  const { t } = v;
  const fmt = (d: Date) =>
    d.toLocaleString(v.lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' });
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {t('admin.log.title')}
      </h1>
      <p class="ds-paragraph">{t('admin.log.lead')}</p>
      {props.events.length === 0 ? (
        <p class="ds-paragraph">{t('orgs.audit.empty')}</p>
      ) : (
        <div class="table-scroll ds-focus" tabindex={0} role="region" aria-labelledby="admin-log-caption">
          <table class="ds-table" data-border>
            <caption class="ds-sr-only" id="admin-log-caption">
              {t('admin.log.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('orgs.audit.when')}</th>
                <th scope="col">{t('orgs.audit.who')}</th>
                <th scope="col">{t('orgs.audit.what')}</th>
              </tr>
            </thead>
            <tbody>
              {props.events.map((e) => {
                const after = Array.isArray(e.details.after) ? (e.details.after as string[]) : [];
                return (
                  <tr>
                    <td>
                      <time datetime={e.createdAt.toISOString()}>{fmt(e.createdAt)}</time>
                    </td>
                    <td>{e.actorName ?? t('orgs.audit.unknownActor')}</td>
                    <td>
                      {t('audit.platform.roles_changed', {
                        name: String(e.details.name ?? ''),
                        roles: after.length ? after.map((r) => roleName(v, r)).join(', ') : '–',
                      })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
