import type { ViewContext } from '../../core/http/view-context.ts';
import { CsrfField, ErrorSummary, TextField } from '../../core/layout.tsx';

export function SignInView(props: {
  v: ViewContext;
  returnTo: string;
  oidcName: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const { v } = props;
  const { t } = v;
  const errors = props.errors ?? {};
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {t('auth.signIn.title')}
      </h1>
      <ErrorSummary v={v} errors={errors} />
      {v.oidcEnabled ? (
        <section>
          <p class="ds-paragraph">{t('auth.signIn.oidcLead', { provider: props.oidcName })}</p>
          <p>
            <a class="ds-button" data-variant="primary" href={`/logg-inn/oidc?tilbake=${encodeURIComponent(props.returnTo)}`}>
              {t('auth.signIn.oidcButton', { provider: props.oidcName })}
            </a>
          </p>
        </section>
      ) : null}
      {v.localSignInEnabled ? (
        <section aria-labelledby="local-heading">
          <h2 class="ds-heading" data-size="sm" id="local-heading">
            {t('auth.local.heading')}
          </h2>
          <div class="ds-alert" data-color="warning">
            <p class="ds-paragraph">{t('auth.local.warning')}</p>
          </div>
          <form method="post" action="/logg-inn" class="stack" novalidate>
            <CsrfField v={v} />
            <input type="hidden" name="tilbake" value={props.returnTo} />
            <TextField
              id="email"
              type="email"
              label={t('auth.local.email')}
              autocomplete="username"
              value={props.values?.email}
              error={errors.email}
            />
            <TextField
              id="password"
              type="password"
              label={t('auth.local.password')}
              autocomplete="current-password"
              error={errors.password}
            />
            <button type="submit" class="ds-button" data-variant="primary">
              {t('auth.local.submit')}
            </button>
          </form>
          <p class="ds-paragraph">
            {t('auth.local.noAccount')}{' '}
            <a class="ds-link" href={`/registrer?tilbake=${encodeURIComponent(props.returnTo)}`}>
              {t('auth.local.register')}
            </a>
          </p>
          <p class="ds-paragraph" data-size="sm">
            {t('auth.local.demoHint')}
          </p>
        </section>
      ) : null}
    </>
  );
}

export function RegisterView(props: {
  v: ViewContext;
  returnTo: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const { v } = props;
  const { t } = v;
  const errors = props.errors ?? {};
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {t('auth.register.title')}
      </h1>
      <div class="ds-alert" data-color="warning">
        <p class="ds-paragraph">{t('auth.local.warning')}</p>
      </div>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action="/registrer" class="stack" novalidate>
        <CsrfField v={v} />
        <input type="hidden" name="tilbake" value={props.returnTo} />
        <TextField id="name" label={t('auth.register.name')} autocomplete="name" value={props.values?.name} error={errors.name} />
        <TextField
          id="email"
          type="email"
          label={t('auth.local.email')}
          autocomplete="email"
          value={props.values?.email}
          error={errors.email}
        />
        <TextField
          id="password"
          type="password"
          label={t('auth.local.password')}
          description={t('auth.register.passwordHint')}
          autocomplete="new-password"
          error={errors.password}
        />
        <button type="submit" class="ds-button" data-variant="primary">
          {t('auth.register.submit')}
        </button>
      </form>
    </>
  );
}
