import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { isCoreGroupMember, requireCoreGroup } from '../ecosystem/ecosystem-access.ts';
import { type BlockSummary, readCatalogue, saveBlock } from './building-blocks.domain.ts';
import { listActorChoices } from './building-blocks.queries.ts';
import { blockFormSchema } from './building-blocks.schema.ts';
import { ApiReferenceView, type BlockFormValues, BlockFormView, BlockView, CatalogueView } from './building-blocks.views.tsx';
import { readOwnApiDocument } from './openapi-document.ts';

/**
 * The building blocks catalogue /okosystem/byggeklosser (public; the orchestrator and the core group edit)
 * and the API reference /okosystem/api rendered from Frivillig's own OpenAPI document (issue 5, item 4).
 */
export function buildingBlocksRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/okosystem/byggeklosser', async (c) => {
    const { blocks } = await readCatalogue(c.get('deps'));
    const canEdit = await isCoreGroupMember(c.get('deps'), { user: c.get('user') });
    return renderPage(c, {
      title: (v) => v.t('blocks.title'),
      body: (v) => <CatalogueView v={v} blocks={blocks} canEdit={canEdit} />,
      wide: true,
    });
  });

  app.get('/okosystem/api', async (c) => {
    const api = await readOwnApiDocument();
    return renderPage(c, { title: (v) => v.t('api.title'), body: (v) => <ApiReferenceView v={v} api={api} /> });
  });

  const toValues = (b: BlockSummary | undefined): BlockFormValues => ({
    fields: b
      ? {
          name: b.name,
          slug: b.slug,
          description: b.description,
          realisation: b.realisation,
          status: b.status,
          ownerActorId: b.ownerActorId ?? '',
          documentationUrl: b.documentationUrl ?? '',
          apiDescription: b.apiDescription,
          listsOwnApi: b.listsOwnApi ? 'on' : '',
        }
      : {},
    phases: b ? b.phases.map(String) : [],
    needIds: b ? b.needs.map((n) => n.id) : [],
  });

  const formPage = async (
    c: Context<AppEnv>,
    opts: { action: string; values: BlockFormValues; errors: Record<string, string>; status?: 200 | 409 | 422 },
  ) => {
    const deps = c.get('deps');
    await requireCoreGroup(deps, { user: c.get('user') });
    const [{ allNeeds }, actors] = await Promise.all([readCatalogue(deps), listActorChoices(deps.database.db)]);
    return renderPage(c, {
      title: (v) => v.t(opts.action === '/okosystem/byggeklosser' ? 'blocks.new' : 'blocks.edit'),
      body: (v) => <BlockFormView v={v} action={opts.action} values={opts.values} errors={opts.errors} actors={actors} needs={allNeeds} />,
      status: opts.status,
    });
  };

  const findBlock = async (c: Context<AppEnv>) => {
    const { blocks } = await readCatalogue(c.get('deps'));
    const block = blocks.find((b) => b.slug === c.req.param('slug'));
    if (!block) throw new AppError('not_found', 'error.notFound.body');
    return block;
  };

  /** Parses the form, saves through one domain function, and re-renders with the person's input on errors. */
  const save = async (c: Context<AppEnv>, slug: string | undefined) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const action = slug ? `/okosystem/byggeklosser/${slug}` : '/okosystem/byggeklosser';
    const body = await c.req.parseBody({ all: true });
    const list = (k: string) => ([] as unknown[]).concat(body[k] ?? []).filter((x): x is string => typeof x === 'string');
    const form = await parseForm(c, blockFormSchema);
    const values: BlockFormValues = { fields: form.values, phases: list('phases'), needIds: list('needIds') };
    if (!form.ok) return formPage(c, { action, values, errors: form.errors, status: 422 });
    try {
      const newSlug = await saveBlock(c.get('deps'), { user: c.get('user'), slug, input: form.data });
      setFlash(c, { kind: 'success', key: 'blocks.saved' });
      return redirectAfterPost(c, `/okosystem/byggeklosser/${newSlug}`);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict') && typeof err.details?.field === 'string') {
        const errors = { [err.details.field]: c.get('t')(err.messageKey as MessageKey) };
        return formPage(c, { action, values, errors, status: err.code === 'conflict' ? 409 : 422 });
      }
      throw err;
    }
  };

  app.get('/okosystem/byggeklosser/ny', (c) => formPage(c, { action: '/okosystem/byggeklosser', values: toValues(undefined), errors: {} }));
  app.post('/okosystem/byggeklosser', (c) => save(c, undefined));

  app.get('/okosystem/byggeklosser/:slug', async (c) => {
    const block = await findBlock(c);
    const canEdit = await isCoreGroupMember(c.get('deps'), { user: c.get('user') });
    const api = block.listsOwnApi ? await readOwnApiDocument() : null;
    return renderPage(c, { title: block.name, body: (v) => <BlockView v={v} block={block} canEdit={canEdit} api={api} /> });
  });

  app.get('/okosystem/byggeklosser/:slug/rediger', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const block = await findBlock(c);
    return formPage(c, { action: `/okosystem/byggeklosser/${block.slug}`, values: toValues(block), errors: {} });
  });
  app.post('/okosystem/byggeklosser/:slug', (c) => save(c, c.req.param('slug')));

  return app;
}
