import type { Context } from 'hono';
import { Hono } from 'hono';
import { renderDocumentHtml, renderDocumentPdf } from '../../core/documents/index.ts';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { adoptStatutes } from './adopt-statutes.ts';
import { discardStatutesDraft } from './discard-statutes-draft.ts';
import { readCheckAnswers, readDiff, readQuestionPage, readStatutesOverview, readVersion, readVersionList } from './read-statutes.ts';
import { saveStatutesPage } from './save-statutes-page.ts';
import { statutesDocument } from './statutes.documents.ts';
import { adoptSchema, PAGE_SCHEMAS, PAGE_SLUGS, type PageSlug } from './statutes.schema.ts';
import { CheckAnswersView, DiffView, OverviewView, QuestionPageView, VersionsView, VersionView } from './statutes.views.tsx';

/**
 * The statutes builder under /arbeidsrom/:orgId/vedtekter: an overview, one GOV.UK question page per
 * topic (each its own route, so the security test walks every one), check answers and adopt, the
 * versions, a diff between any two, and the statutes as an HTML page and a tagged PDF. Every domain
 * function checks the caller's role before it reads or validates anything.
 */
export function statutesRoutes() {
  const app = new Hono<AppEnv>();
  const base = (orgId: string) => `/arbeidsrom/${orgId}/vedtekter`;
  /** Question pages opened from "check answers" go back there after saving. */
  const returnTo = (c: Context<AppEnv>): 'sjekk' | null => (c.req.query('tilbake') === 'sjekk' ? 'sjekk' : null);
  const who = (c: Context<AppEnv>) => ({ user: c.get('user'), organisationId: c.req.param('orgId') ?? '' });

  app.get('/arbeidsrom/:orgId/vedtekter', async (c) => {
    const data = await readStatutesOverview(c.get('deps'), who(c));
    return renderPage(c, {
      title: (v) => `${v.t('statutes.title')} – ${data.organisation.name}`,
      body: (v) => <OverviewView v={v} {...data} />,
    });
  });

  const questionTitle = (page: PageSlug) => `statutes.q.${page}.title` as MessageKey;

  for (const page of PAGE_SLUGS) {
    const path = `/arbeidsrom/:orgId/vedtekter/${page}`;
    app.get(path, async (c) => {
      const { organisation, draft } = await readQuestionPage(c.get('deps'), { ...who(c), lang: c.get('lang') });
      return renderPage(c, {
        title: (v) => v.t(questionTitle(page)),
        body: (v) => <QuestionPageView v={v} organisation={organisation} page={page} draft={draft} returnTo={returnTo(c)} />,
      });
    });

    app.post(path, async (c) => {
      const deps = c.get('deps');
      const form = await parseForm(c, PAGE_SCHEMAS[page]);
      if (!form.ok) {
        // The access check comes first, so a stranger learns nothing, not even that the form was wrong.
        const { organisation, draft } = await readQuestionPage(deps, { ...who(c), lang: c.get('lang') });
        return renderPage(c, {
          title: (v) => `${v.t('form.errorSummary')}: ${v.t(questionTitle(page))}`,
          status: 422,
          body: (v) => (
            <QuestionPageView
              v={v}
              organisation={organisation}
              page={page}
              draft={draft}
              values={form.values}
              errors={form.errors}
              returnTo={returnTo(c)}
            />
          ),
        });
      }
      const { next } = await saveStatutesPage(deps, { ...who(c), page, patch: form.data, submitted: form.values, lang: c.get('lang') });
      return redirectAfterPost(c, `${base(who(c).organisationId)}/${returnTo(c) ?? next}`);
    });
  }

  app.get('/arbeidsrom/:orgId/vedtekter/sjekk', async (c) => {
    const data = await readCheckAnswers(c.get('deps'), { ...who(c), lang: c.get('lang') });
    return renderPage(c, { title: (v) => v.t('statutes.check.title'), body: (v) => <CheckAnswersView v={v} data={data} /> });
  });

  app.post('/arbeidsrom/:orgId/vedtekter/vedta', async (c) => {
    const deps = c.get('deps');
    const form = await parseForm(c, adoptSchema);
    try {
      const { version } = await adoptStatutes(deps, { ...who(c), revision: form.ok ? form.data.revision : null });
      setFlash(c, { key: 'statutes.overview.adoptedFlash', params: { version }, kind: 'success' });
      return redirectAfterPost(c, `${base(c.req.param('orgId'))}/versjon?nr=${version}`);
    } catch (error) {
      // A draft changed meanwhile, unanswered questions or failed checks: show the check page again, saying why.
      if (
        !(error instanceof AppError) ||
        (error.code !== 'conflict' && error.code !== 'validation') ||
        !error.messageKey.startsWith('statutes.')
      )
        throw error;
      const data = await readCheckAnswers(deps, { ...who(c), lang: c.get('lang') });
      return renderPage(c, {
        title: (v) => v.t('statutes.check.title'),
        status: error.code === 'conflict' ? 409 : 422,
        body: (v) => <CheckAnswersView v={v} data={data} problem={v.t(error.messageKey as MessageKey)} />,
      });
    }
  });

  app.post('/arbeidsrom/:orgId/vedtekter/forkast', async (c) => {
    await discardStatutesDraft(c.get('deps'), who(c));
    setFlash(c, { key: 'statutes.overview.discardedFlash', kind: 'success' });
    return redirectAfterPost(c, base(c.req.param('orgId')));
  });

  app.get('/arbeidsrom/:orgId/vedtekter/versjoner', async (c) => {
    const data = await readVersionList(c.get('deps'), who(c));
    return renderPage(c, { title: (v) => v.t('statutes.versions.title'), body: (v) => <VersionsView v={v} {...data} /> });
  });

  app.get('/arbeidsrom/:orgId/vedtekter/versjon', async (c) => {
    const data = await readVersion(c.get('deps'), { ...who(c), nr: c.req.query('nr') });
    return renderPage(c, {
      title: (v) => v.t('statutes.version.title', { version: data.version.version }),
      body: (v) => <VersionView v={v} {...data} />,
    });
  });

  app.get('/arbeidsrom/:orgId/vedtekter/endringer', async (c) => {
    const data = await readDiff(c.get('deps'), { ...who(c), from: c.req.query('fra'), to: c.req.query('til') });
    return renderPage(c, {
      title: (v) => v.t('statutes.diff.title', { from: data.from.version, to: data.to.version }),
      body: (v) => <DiffView v={v} {...data} />,
    });
  });

  // The statutes as a document: a standalone accessible HTML page, and a tagged PDF to download.
  const documentOf = async (c: Context<AppEnv>) => {
    const { version } = await readVersion(c.get('deps'), { ...who(c), nr: c.req.query('nr') });
    return {
      version,
      doc: statutesDocument(version.answers, version.language, { version: version.version, adoptedAt: version.adoptedAt }),
    };
  };

  app.get('/arbeidsrom/:orgId/vedtekter/vedtekter.html', async (c) => {
    const { version, doc } = await documentOf(c);
    c.header('content-disposition', `inline; filename="vedtekter-versjon-${version.version}.html"`);
    return c.html(renderDocumentHtml(doc));
  });

  app.get('/arbeidsrom/:orgId/vedtekter/vedtekter.pdf', async (c) => {
    const { version, doc } = await documentOf(c);
    const pdf = await renderDocumentPdf(doc);
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="vedtekter-versjon-${version.version}.pdf"`,
    });
  });

  return app;
}
