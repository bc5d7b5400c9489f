import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../core/errors.ts';
import { parseForm, translateIssues } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { claimWorkspace } from './claim-workspace.ts';
import { accessRequestFormSchema, birthDateFormSchema, orgnrParamSchema } from './organisation-profile.schema.ts';
import { AccessSentView, ClaimPageView, ProfilePageView, ProfileProblemView } from './organisation-profile.views.tsx';
import { readClaim } from './read-claim.ts';
import { readProfile } from './read-profile.ts';
import { readAccessRequestStatus, requestAccess } from './request-access.ts';
import { setBirthDate } from './set-birth-date.ts';

type OrgnrResult = { ok: true; orgnr: string } | { ok: false; response: Response | Promise<Response> };

/**
 * The :orgnr parameter: nine digits with a valid check digit, else a 400 page. A number written with spaces
 * or dots ("974 760 673") is sent to its canonical address on GET.
 */
function parseOrgnr(c: Context<AppEnv>): OrgnrResult {
  const raw = c.req.param('orgnr') ?? '';
  const parsed = orgnrParamSchema.safeParse(raw);
  const t = c.get('t');
  if (!parsed.success) {
    const message = Object.values(translateIssues(parsed.error, t))[0] ?? t('profile.error.invalid');
    return {
      ok: false,
      response: renderPage(c, {
        title: t('profile.invalid.title'),
        status: 400,
        body: (v) => <ProfileProblemView v={v} title={v.t('profile.invalid.title')} body={message} />,
      }),
    };
  }
  if (parsed.data !== raw && c.req.method === 'GET') {
    const rest = new URL(c.req.url).pathname.split('/').slice(3).join('/');
    return { ok: false, response: c.redirect(`/organisasjoner/${parsed.data}${rest ? `/${rest}` : ''}`, 301) };
  }
  return { ok: true, orgnr: parsed.data };
}

function notFoundPage(c: Context<AppEnv>, orgnr: string) {
  const t = c.get('t');
  return renderPage(c, {
    title: t('profile.notFound.title'),
    status: 404,
    body: (v) => <ProfileProblemView v={v} title={v.t('profile.notFound.title')} body={v.t('profile.notFound.body', { orgnr })} />,
  });
}

const isNotFound = (error: unknown) => error instanceof AppError && error.code === 'not_found';

/**
 * The public profile of an organisation (/organisasjoner/:orgnr) and "Is this your organisation?":
 * claiming the workspace as a board member, stating one's birth date (local sign-in), asking a leader for
 * access. The POSTs need sign-in and the CSRF token (middleware); handlers parse, call one domain function,
 * and redirect (303) or re-render with errors.
 */
export function organisationProfileRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/organisasjoner/:orgnr', async (c) => {
    const p = parseOrgnr(c);
    if (!p.ok) return p.response;
    try {
      const view = await readProfile(c.get('deps'), { user: c.get('user'), orgnr: p.orgnr });
      return renderPage(c, { title: view.profile.name, body: (v) => <ProfilePageView v={v} {...view} /> });
    } catch (error) {
      if (isNotFound(error)) return notFoundPage(c, p.orgnr);
      throw error;
    }
  });

  const renderClaim = async (
    c: Context<AppEnv>,
    orgnr: string,
    opts: { status?: 200 | 422; errors?: Record<string, string>; values?: Record<string, string> } = {},
  ) => {
    const claim = await readClaim(c.get('deps'), { user: c.get('user'), orgnr });
    return renderPage(c, {
      title: (v) => `${v.t('profile.claim.title')} ${claim.name}`,
      status: opts.status ?? 200,
      body: (v) => <ClaimPageView v={v} claim={claim} errors={opts.errors} values={opts.values} />,
    });
  };

  app.get('/organisasjoner/:orgnr/arbeidsrom', async (c) => {
    const p = parseOrgnr(c);
    if (!p.ok) return p.response;
    try {
      return await renderClaim(c, p.orgnr);
    } catch (error) {
      if (isNotFound(error)) return notFoundPage(c, p.orgnr);
      throw error;
    }
  });

  app.post('/organisasjoner/:orgnr/arbeidsrom', async (c) => {
    const p = parseOrgnr(c);
    if (!p.ok) return p.response;
    const result = await claimWorkspace(c.get('deps'), { user: c.get('user'), orgnr: p.orgnr });
    const t = c.get('t');
    const role = t(`role.${result.role}` as MessageKey);
    setFlash(c, {
      key: result.created ? 'profile.claim.created' : result.changed ? 'profile.claim.joined' : 'profile.claim.already',
      params: { name: result.organisationName, role },
      kind: 'success',
    });
    return redirectAfterPost(c, `/arbeidsrom/${result.organisationId}`);
  });

  app.post('/organisasjoner/:orgnr/fodselsdato', async (c) => {
    const p = parseOrgnr(c);
    if (!p.ok) return p.response;
    const form = await parseForm(c, birthDateFormSchema);
    if (!form.ok) return renderClaim(c, p.orgnr, { status: 422, errors: form.errors, values: form.values });
    try {
      await setBirthDate(c.get('deps'), { user: c.get('user'), birthDate: form.data.fodselsdato });
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') {
        return renderClaim(c, p.orgnr, {
          status: 422,
          errors: { fodselsdato: c.get('t')(error.messageKey as MessageKey) },
          values: form.values,
        });
      }
      throw error;
    }
    setFlash(c, { key: 'profile.birthDate.saved', kind: 'success' });
    return redirectAfterPost(c, `/organisasjoner/${p.orgnr}/arbeidsrom`);
  });

  app.post('/organisasjoner/:orgnr/tilgang', async (c) => {
    const p = parseOrgnr(c);
    if (!p.ok) return p.response;
    const form = await parseForm(c, accessRequestFormSchema);
    if (!form.ok) return renderClaim(c, p.orgnr, { status: 422, errors: form.errors, values: form.values });
    const result = await requestAccess(c.get('deps'), {
      user: c.get('user'),
      orgnr: p.orgnr,
      message: form.data.melding,
      lang: c.get('lang'),
    });
    return redirectAfterPost(c, `/organisasjoner/${p.orgnr}/tilgang${result.alreadyRequested ? '?allerede=1' : ''}`);
  });

  // The confirmation page after asking for access (POST–redirect–GET).
  app.get('/organisasjoner/:orgnr/tilgang', async (c) => {
    const p = parseOrgnr(c);
    if (!p.ok) return p.response;
    const status = await readAccessRequestStatus(c.get('deps'), { user: c.get('user'), orgnr: p.orgnr });
    if (!status.pending) return c.redirect(`/organisasjoner/${p.orgnr}/arbeidsrom`, 302);
    return renderPage(c, {
      title: (v) => v.t('profile.access.sent.title'),
      body: (v) => <AccessSentView v={v} orgnr={p.orgnr} name={status.organisationName} already={c.req.query('allerede') === '1'} />,
    });
  });

  return app;
}
