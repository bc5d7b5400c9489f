import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireUser } from '../../core/auth/access.ts';
import { AppError } from '../../core/errors.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import { isCoreGroupMember, requireCoreGroup } from '../ecosystem/ecosystem-access.ts';
import { acceptProposal } from './accept-proposal.ts';
import {
  acceptsProposals,
  createChallenge,
  createProposal,
  editChallenge,
  editProposal,
  readChallenge,
  readChallenges,
  readProposal,
  requireProposalEditor,
} from './challenges.ts';
import { ChallengeFormView, ChallengesListView, ChallengeView, ProposalFormView, ProposalView } from './challenges.views.tsx';
import { choices, fieldError, parseFormWithLists } from './marketplace.forms.ts';
import { listHistory, type ProposalRow } from './marketplace.queries.ts';
import { challengeFormSchema, proposalFormSchema } from './marketplace.schema.ts';
import type { FormValues } from './marketplace.views.tsx';

/**
 * Challenges /okosystem/utfordringer (issue 5, item 6): the core group publishes needs that lack a good
 * solution; actors' people answer with proposals; the core group accepts a proposal into the portfolio.
 */

const names = (list: { id: string; name: string }[]) => new Map(list.map((x): [string, string] => [x.id, x.name]));

const proposalValues = (p: ProposalRow): FormValues => ({
  fields: { summary: p.summary, approach: p.approach, priceIndication: p.priceIndication },
  lists: { blockIds: p.blockIds },
});

export function challengeRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/okosystem/utfordringer', async (c) => {
    const deps = c.get('deps');
    const [rows, coreGroup] = await Promise.all([readChallenges(deps), isCoreGroupMember(deps, { user: c.get('user') })]);
    const challenges = rows.map((r) => ({ ...r, open: acceptsProposals(r, deps.now()) }));
    return renderPage(c, {
      title: (v) => v.t('mkt.challenges.title'),
      body: (v) => <ChallengesListView v={v} challenges={challenges} coreGroup={coreGroup} />,
    });
  });

  const challengeForm = async (
    c: Context<AppEnv>,
    opts: { action: string; editing: boolean; values: FormValues; errors: Record<string, string>; status?: 200 | 422 },
  ) => {
    const { needs } = await choices(c);
    return renderPage(c, {
      title: (v) => v.t(opts.editing ? 'mkt.challenge.edit' : 'mkt.challenges.new'),
      body: (v) => (
        <ChallengeFormView v={v} action={opts.action} editing={opts.editing} needs={needs} values={opts.values} errors={opts.errors} />
      ),
      status: opts.status,
    });
  };

  app.get('/okosystem/utfordringer/ny', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    return challengeForm(c, { action: '/okosystem/utfordringer', editing: false, values: { fields: {}, lists: {} }, errors: {} });
  });

  app.post('/okosystem/utfordringer', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const action = '/okosystem/utfordringer';
    const { form, values } = await parseFormWithLists(c, challengeFormSchema, ['needIds']);
    if (!form.ok) return challengeForm(c, { action, editing: false, values, errors: form.errors, status: 422 });
    let id: string;
    try {
      id = await createChallenge(c.get('deps'), { user: c.get('user'), input: form.data });
    } catch (err) {
      const errors = fieldError(c, err);
      if (errors) return challengeForm(c, { action, editing: false, values, errors, status: 422 });
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'mkt.flash.challengeCreated' });
    return redirectAfterPost(c, `/okosystem/utfordringer/${id}`);
  });

  // ---------- proposals (before /:id so "forslag" is not read as a challenge id) ----------

  const proposalPage = async (c: Context<AppEnv>, errors: Record<string, string> = {}, status: 200 | 409 | 422 = 200) => {
    const deps = c.get('deps');
    const found = await readProposal(deps, { user: c.get('user'), proposalId: c.req.param('pid') ?? '' });
    const [{ blocks }, history] = await Promise.all([choices(c), listHistory(deps.database.db, 'proposal', found.proposal.id)]);
    const page = { ...found, blocks: blocks.filter((b) => found.proposal.blockIds.includes(b.id)), history, names: names(blocks) };
    return renderPage(c, {
      title: (v) => v.t('mkt.proposal.title', { actor: found.proposal.actorName }),
      body: (v) => <ProposalView v={v} page={page} errors={errors} />,
      status,
    });
  };

  app.get('/okosystem/utfordringer/forslag/:pid', (c) => proposalPage(c));

  const proposalForm = async (
    c: Context<AppEnv>,
    proposal: ProposalRow,
    values: FormValues,
    errors: Record<string, string>,
    status: 200 | 409 | 422 = 200,
  ) => {
    const { blocks } = await choices(c);
    return renderPage(c, {
      title: (v) => v.t('mkt.proposal.edit'),
      body: (v) => <ProposalFormView v={v} proposal={proposal} blocks={blocks} values={values} errors={errors} />,
      status,
    });
  };

  app.get('/okosystem/utfordringer/forslag/:pid/endre', async (c) => {
    const proposal = await requireProposalEditor(c.get('deps'), { user: c.get('user'), proposalId: c.req.param('pid') });
    return proposalForm(c, proposal, proposalValues(proposal), {});
  });

  app.post('/okosystem/utfordringer/forslag/:pid', async (c) => {
    // The actor boundary first: a person of another actor gets 403 whatever the form holds.
    const proposal = await requireProposalEditor(c.get('deps'), { user: c.get('user'), proposalId: c.req.param('pid') });
    const { form, values } = await parseFormWithLists(c, proposalFormSchema.omit({ actorId: true }), ['blockIds']);
    if (!form.ok) return proposalForm(c, proposal, values, form.errors, 422);
    try {
      await editProposal(c.get('deps'), { user: c.get('user'), proposalId: proposal.id, input: form.data });
    } catch (err) {
      const errors = fieldError(c, err);
      if (errors) return proposalForm(c, proposal, values, errors, err instanceof AppError && err.code === 'conflict' ? 409 : 422);
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'mkt.flash.proposalEdited' });
    return redirectAfterPost(c, `/okosystem/utfordringer/forslag/${proposal.id}`);
  });

  app.post('/okosystem/utfordringer/forslag/:pid/til-portefoljen', async (c) => {
    try {
      await acceptProposal(c.get('deps'), { user: c.get('user'), proposalId: c.req.param('pid') });
    } catch (err) {
      const errors = fieldError(c, err);
      if (errors) return proposalPage(c, errors, 409);
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'mkt.flash.accepted' });
    return redirectAfterPost(c, `/okosystem/utfordringer/forslag/${c.req.param('pid')}`);
  });

  // ---------- a challenge ----------

  const challengePage = async (c: Context<AppEnv>, values: FormValues, errors: Record<string, string>, status: 200 | 409 | 422 = 200) => {
    const deps = c.get('deps');
    const user = c.get('user');
    const found = await readChallenge(deps, { user, challengeId: c.req.param('id') ?? '' });
    const [{ needs, blocks }, history] = await Promise.all([choices(c), listHistory(deps.database.db, 'challenge', found.challenge.id)]);
    const page = {
      ...found,
      open: acceptsProposals(found.challenge, deps.now()),
      needs: needs.filter((n) => found.challenge.needIds.includes(n.id)),
      signedIn: !!user,
      blocks,
      history,
      names: names(needs),
    };
    return renderPage(c, {
      title: found.challenge.title,
      body: (v) => <ChallengeView v={v} page={page} values={values} errors={errors} />,
      status,
    });
  };

  app.get('/okosystem/utfordringer/:id', (c) => challengePage(c, { fields: {}, lists: {} }, {}));

  app.get('/okosystem/utfordringer/:id/endre', async (c) => {
    const deps = c.get('deps');
    await requireCoreGroup(deps, { user: c.get('user') });
    const { challenge } = await readChallenge(deps, { user: c.get('user'), challengeId: c.req.param('id') });
    const { title, requirements, deadline, status, needIds } = challenge;
    return challengeForm(c, {
      action: `/okosystem/utfordringer/${challenge.id}`,
      editing: true,
      values: { fields: { title, requirements, deadline, status }, lists: { needIds } },
      errors: {},
    });
  });

  app.post('/okosystem/utfordringer/:id', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const action = `/okosystem/utfordringer/${c.req.param('id')}`;
    const { form, values } = await parseFormWithLists(c, challengeFormSchema, ['needIds']);
    if (!form.ok) return challengeForm(c, { action, editing: true, values, errors: form.errors, status: 422 });
    try {
      await editChallenge(c.get('deps'), { user: c.get('user'), challengeId: c.req.param('id'), input: form.data });
    } catch (err) {
      const errors = fieldError(c, err);
      if (errors) return challengeForm(c, { action, editing: true, values, errors, status: 422 });
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'mkt.flash.challengeEdited' });
    return redirectAfterPost(c, action);
  });

  app.post('/okosystem/utfordringer/:id/forslag', async (c) => {
    requireUser(c.get('user'));
    const { form, values } = await parseFormWithLists(c, proposalFormSchema, ['blockIds']);
    if (!form.ok) return challengePage(c, values, form.errors, 422);
    let id: string;
    try {
      id = await createProposal(c.get('deps'), { user: c.get('user'), challengeId: c.req.param('id'), input: form.data });
    } catch (err) {
      const errors = fieldError(c, err);
      if (errors) return challengePage(c, values, errors, err instanceof AppError && err.code === 'conflict' ? 409 : 422);
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'mkt.flash.proposalCreated' });
    return redirectAfterPost(c, `/okosystem/utfordringer/forslag/${id}`);
  });

  return app;
}
