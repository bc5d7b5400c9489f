import { Hono } from 'hono';
import type { z } from 'zod';
import { renderDocumentHtml, renderDocumentPdf } from '../../core/documents/index.ts';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import type { MessageKey, Translate } from '../../core/i18n/catalogue.ts';
import { finaliseFoundingMeeting } from './finalise-founding.ts';
import { PAGES, type PageSlug } from './founding.data.ts';
import type { Problem } from './founding.rules.ts';
import { finaliseSchema, formInputSchema } from './founding.schema.ts';
import { CheckAnswersView, DoneView, FoundingOverviewView, foundingBase, pagePath, QuestionPageView } from './founding.views.tsx';
import {
  readCheckAnswers,
  readFoundingOverview,
  readFoundingPage,
  readFoundingPageForErrors,
  readFoundingProtocol,
} from './read-founding.ts';
import { reopenFoundingMeeting } from './reopen-founding.ts';
import { saveFoundingPage } from './save-founding-page.ts';

/**
 * The founding meeting (stiftelsesmøte) under /arbeidsrom/:orgId/stiftelsesmote: an overview, one GOV.UK
 * question page per part of the meeting, check answers, finalise, and the finalised protocol as HTML and
 * tagged PDF. Every route is organisation-scoped: each handler's domain function checks the role first.
 */
export function foundingRoutes() {
  const app = new Hono<AppEnv>();
  const base = '/arbeidsrom/:orgId/stiftelsesmote';

  app.get(base, async (c) => {
    const data = await readFoundingOverview(c.get('deps'), { user: c.get('user'), organisationId: c.req.param('orgId') });
    return renderPage(c, { title: (v) => v.t('founding.title'), body: (v) => <FoundingOverviewView v={v} data={data} /> });
  });

  for (const page of PAGES) {
    app.get(`${base}/${page}`, async (c) => {
      const organisationId = c.req.param('orgId');
      const view = await readFoundingPage(c.get('deps'), { user: c.get('user'), organisationId, page, uiLang: c.get('lang') });
      if (!view) {
        // A finalised protocol is read-only; the overview offers to reopen it as a new draft.
        setFlash(c, { key: 'founding.finalisedNoDraft', kind: 'warning' });
        return c.redirect(foundingBase(organisationId), 303);
      }
      return renderPage(c, {
        title: (v) => v.t(`founding.page.${page}`),
        body: (v) => <QuestionPageView v={v} view={view} returnToCheck={c.req.query('fra') === 'oppsummering'} />,
      });
    });

    app.post(`${base}/${page}`, async (c) => {
      const organisationId = c.req.param('orgId');
      const deps = c.get('deps');
      const form = await parseForm(c, formInputSchema);
      const input = form.ok ? form.data : {};
      const result = await saveFoundingPage(deps, { user: c.get('user'), organisationId, page, input, uiLang: c.get('lang') });
      const returnToCheck = c.req.query('fra') === 'oppsummering';
      if (result.ok) return redirectAfterPost(c, nextPath(organisationId, page, returnToCheck));
      const view = await readFoundingPageForErrors(deps, {
        user: c.get('user'),
        organisationId,
        page,
        uiLang: c.get('lang'),
        posted: form.values,
      });
      const errors = issuesToErrors(result.issues, c.get('t'));
      return renderPage(c, {
        title: (v) => v.t(`founding.page.${page}`),
        status: 422,
        body: (v) => <QuestionPageView v={v} view={view} errors={errors} returnToCheck={returnToCheck} />,
      });
    });
  }

  app.get(`${base}/oppsummering`, async (c) => {
    const organisationId = c.req.param('orgId');
    const data = await readCheckAnswers(c.get('deps'), { user: c.get('user'), organisationId });
    if (!data) return c.redirect(foundingBase(organisationId), 303);
    const t = c.get('t');
    return renderPage(c, {
      title: (v) => v.t('founding.check.title'),
      body: (v) => <CheckAnswersView v={v} data={data} problemText={(p) => problemText(t, p)} />,
    });
  });

  app.post(`${base}/fullfor`, async (c) => {
    const organisationId = c.req.param('orgId');
    const form = await parseForm(c, finaliseSchema);
    // A missing or garbled revision can never match the draft: it is handled as "changed meanwhile".
    const result = await finaliseFoundingMeeting(c.get('deps'), {
      user: c.get('user'),
      organisationId,
      revision: form.ok ? form.data.revision : 0,
    });
    if (result.ok) return redirectAfterPost(c, `${foundingBase(organisationId)}/ferdig?versjon=${result.version}`);
    if (result.reason === 'changed') setFlash(c, { key: 'founding.check.changed', kind: 'warning' });
    return redirectAfterPost(c, pagePath(organisationId, 'oppsummering'));
  });

  app.get(`${base}/ferdig`, async (c) => {
    const organisationId = c.req.param('orgId');
    const data = await readFoundingOverview(c.get('deps'), { user: c.get('user'), organisationId });
    const meeting = data.finalised;
    if (!meeting) throw new AppError('not_found', 'founding.error.noProtocol');
    return renderPage(c, {
      title: (v) => v.t('founding.done.title'),
      body: (v) => <DoneView v={v} organisation={data.organisation} meeting={meeting} />,
    });
  });

  app.post(`${base}/gjenapne`, async (c) => {
    const organisationId = c.req.param('orgId');
    const result = await reopenFoundingMeeting(c.get('deps'), { user: c.get('user'), organisationId });
    setFlash(
      c,
      result.created
        ? { key: 'founding.reopened', params: { version: result.version, from: result.fromVersion ?? '' }, kind: 'success' }
        : { key: 'founding.reopenExisting', params: { version: result.version }, kind: 'warning' },
    );
    return redirectAfterPost(c, foundingBase(organisationId));
  });

  app.get(`${base}/protokoll.html`, async (c) => {
    const protocol = await readFoundingProtocol(c.get('deps'), {
      user: c.get('user'),
      organisationId: c.req.param('orgId'),
      version: versionParam(c.req.query('versjon')),
    });
    c.header('content-disposition', `inline; filename="${protocol.fileName('html')}"`);
    return c.html(renderDocumentHtml(protocol.document));
  });

  app.get(`${base}/protokoll.pdf`, async (c) => {
    const protocol = await readFoundingProtocol(c.get('deps'), {
      user: c.get('user'),
      organisationId: c.req.param('orgId'),
      version: versionParam(c.req.query('versjon')),
    });
    const pdf = await renderDocumentPdf(protocol.document);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${protocol.fileName('pdf')}"`,
      'cache-control': 'private, no-store',
    });
  });

  return app;
}

/** GOV.UK flow: the next question, or back to check answers when the person came from there. */
function nextPath(organisationId: string, page: PageSlug, returnToCheck: boolean): string {
  const next = PAGES[PAGES.indexOf(page) + 1];
  return returnToCheck || !next ? pagePath(organisationId, 'oppsummering') : pagePath(organisationId, next);
}

/** ?versjon=N: a positive whole number, or (absent) the newest finalised protocol. Anything else finds nothing. */
function versionParam(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new AppError('not_found', 'founding.error.noProtocol');
  return Number(value);
}

/** Errors by field, in the person's language, with each issue's parameters (a name, a board size). */
export function issuesToErrors(issues: z.core.$ZodIssue[], t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    const params = 'params' in issue ? (issue.params as Record<string, string | number> | undefined) : undefined;
    errors[field] = t(issue.message as MessageKey, params);
  }
  return errors;
}

function problemText(t: Translate, problem: Problem): string {
  return t(problem.key, problem.params);
}
