import type { Child } from 'hono/jsx';
import type { ViewContext } from './http/view-context.ts';
import type { MessageKey } from './i18n/catalogue.ts';
import { LANGUAGES } from './i18n/i18n.ts';

/** Page shell: Designsystemet with the Brønnøysund theme, skip link, header, language switch, footer. */
export function Layout(props: { v: ViewContext; title: string; children?: Child; wide?: boolean }) {
  const { v } = props;
  const { t } = v;
  return (
    <html lang={v.lang === 'en' ? 'en' : v.lang} data-color-scheme="light">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${t('service.name')}`}</title>
        <link rel="stylesheet" href="/static/fonts/400.css" />
        <link rel="stylesheet" href="/static/fonts/600.css" />
        <link rel="stylesheet" href="/static/theme/brreg.css" />
        <link rel="stylesheet" href="/static/ds/index.css" />
        <link rel="stylesheet" href="/static/app.css" />
        <script type="module" src="/static/app.js" />
      </head>
      <body>
        <a class="ds-skip-link" href="#main">
          {t('layout.skipLink')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-header__brand ds-link" href="/">
              <span class="site-header__name">{t('service.name')}</span>
              <span class="site-header__tagline">{t('service.tagline')}</span>
            </a>
            <nav aria-label={t('layout.mainNav')} class="site-header__nav">
              <ul class="ds-list--unstyled inline-list">
                {/* The life-event map is public: everyone gets the way to it (src/features/life-event-map). */}
                <li>
                  <a class="ds-link" href="/livshendelse">
                    {t('lem.nav')}
                  </a>
                </li>
                {/* The ecosystem (issue 5) is public too: its overview links every element's tool (src/features/ecosystem). */}
                <li>
                  <a class="ds-link" href="/okosystem">
                    {t('eco.nav')}
                  </a>
                </li>
                {v.user ? (
                  <>
                    <li>
                      <a class="ds-link" href="/arbeidsrom">
                        {t('layout.myOrganisations')}
                      </a>
                    </li>
                    {/* Sector insight is open to all, but it is the public officials' tool: their header links it. */}
                    {v.user.platformRoles.some((r) => r === 'public_official' || r === 'orchestrator' || r === 'administrator') ? (
                      <li>
                        <a class="ds-link" href="/innsikt">
                          {t('insight.nav')}
                        </a>
                      </li>
                    ) : null}
                    {v.user.platformRoles.includes('administrator') ? (
                      <li>
                        <a class="ds-link" href="/admin/brukere">
                          {t('admin.nav')}
                        </a>
                      </li>
                    ) : null}
                    <li>
                      <form method="post" action="/logg-ut" class="inline-form">
                        <input type="hidden" name="_csrf" value={v.csrfToken} />
                        <button type="submit" class="ds-button" data-variant="tertiary" data-size="sm">
                          {t('layout.signOut')}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <li>
                    <a class="ds-link" href={`/logg-inn?tilbake=${encodeURIComponent(v.currentPath)}`}>
                      {t('layout.signIn')}
                    </a>
                  </li>
                )}
              </ul>
            </nav>
            <nav aria-label={t('layout.languageSwitch')} class="site-header__lang">
              <ul class="ds-list--unstyled inline-list">
                {LANGUAGES.map((lang) => (
                  <li>
                    {lang === v.lang ? (
                      <span aria-current="true" class="lang-current" lang={lang}>
                        {t(`lang.${lang}` as MessageKey)}
                      </span>
                    ) : (
                      <a
                        class="ds-link"
                        lang={lang}
                        hreflang={lang}
                        href={`/sprak?lang=${lang}&tilbake=${encodeURIComponent(v.currentPath)}`}
                      >
                        {t(`lang.${lang}` as MessageKey)}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          {v.user ? (
            <p class="site-header__user ds-paragraph" data-size="sm">
              {t('layout.signedInAs', { name: v.user.name })}
            </p>
          ) : null}
        </header>
        <main id="main" tabindex={-1} class={props.wide ? 'site-main site-main--wide' : 'site-main'}>
          {props.children}
        </main>
        <footer class="site-footer">
          <ul class="ds-list--unstyled inline-list">
            <li>
              <a class="ds-link" href="/om">
                {t('layout.footer.about')}
              </a>
            </li>
            <li>
              <a class="ds-link" href="/personvern">
                {t('layout.footer.privacy')}
              </a>
            </li>
            <li>
              <a class="ds-link" href="/tilgjengelighet">
                {t('layout.footer.accessibility')}
              </a>
            </li>
            <li>
              <a class="ds-link" href="/api/v1/openapi.json">
                {t('layout.footer.api')}
              </a>
            </li>
          </ul>
          <p class="ds-paragraph" data-size="sm">
            {t('layout.footer.openSource')}
          </p>
        </footer>
      </body>
    </html>
  );
}

/** GOV.UK-style error summary: links to each field, focused by app.js, announced by screen readers. */
export function ErrorSummary(props: { v: ViewContext; errors: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="ds-error-summary" data-color="danger" tabindex={-1} data-error-summary>
      <h2 class="ds-heading" data-size="xs">
        {props.v.t('form.errorSummary')}
      </h2>
      <ul class="ds-list">
        {entries.map(([field, message]) => (
          <li>
            <a class="ds-link" href={`#${field}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled text input with its validation message, per Designsystemet's field pattern. */
export function TextField(props: {
  id: string;
  name?: string;
  label: string;
  description?: string;
  value?: string | null;
  error?: string;
  type?: string;
  autocomplete?: string;
  inputmode?: 'numeric' | 'email' | 'tel' | 'text';
  required?: boolean;
  width?: 'short' | 'full';
}) {
  const describedBy = [props.description ? `${props.id}-desc` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class="ds-field form-field">
      <label class="ds-label" for={props.id}>
        {props.label}
      </label>
      {props.description ? (
        <div class="ds-paragraph field-description" id={`${props.id}-desc`} data-size="sm">
          {props.description}
        </div>
      ) : null}
      {props.error ? (
        <div class="ds-validation-message" id={`${props.id}-error`} data-color="danger">
          {props.error}
        </div>
      ) : null}
      <input
        class={props.width === 'short' ? 'ds-input input-short' : 'ds-input'}
        id={props.id}
        name={props.name ?? props.id}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

export function CsrfField(props: { v: ViewContext }) {
  return <input type="hidden" name="_csrf" value={props.v.csrfToken} />;
}
