import { Input, Radios, Select, TextArea } from '../../core/form-fields.tsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import { CsrfField, ErrorSummary } from '../../core/layout.tsx';
import { Choices } from '../building-blocks/building-blocks.views.tsx';
import type { ProposalRow } from './marketplace.queries.ts';
import { Back, type Choice, type FormValues, HistoryList } from './marketplace.views.tsx';

/** Views of the marketplace's challenges and the proposals that answer them. */

interface ChallengeRow {
  id: string;
  title: string;
  needIds: string[];
  requirements: string;
  deadline: string;
  status: 'open' | 'closed';
}

const statusText = (v: ViewContext, c: { status: string }, open: boolean) =>
  c.status === 'closed' ? v.t('mkt.challenge.closed') : open ? v.t('mkt.challenge.open') : v.t('mkt.challenge.deadlinePassed');

export function ChallengesListView(props: { v: ViewContext; challenges: (ChallengeRow & { open: boolean })[]; coreGroup: boolean }) {
  const { v } = props;
  return (
    <>
      <Back v={v} href="/okosystem/markedsplass" label="mkt.back" />
      <h1 class="ds-heading" data-size="lg">
        {v.t('mkt.challenges.title')}
      </h1>
      <p class="ds-paragraph">{v.t('mkt.challenges.intro')}</p>
      {props.coreGroup ? (
        <p class="ds-paragraph">
          <a class="ds-link" href="/okosystem/utfordringer/ny">
            {v.t('mkt.challenges.new')}
          </a>
        </p>
      ) : null}
      {props.challenges.length === 0 ? (
        <p class="ds-paragraph">{v.t('mkt.challenges.none')}</p>
      ) : (
        <table class="ds-table">
          <caption>{v.t('mkt.challenges.caption', { count: props.challenges.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{v.t('mkt.field.title')}</th>
              <th scope="col">{v.t('mkt.field.deadline')}</th>
              <th scope="col">{v.t('mkt.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {props.challenges.map((c) => (
              <tr>
                <td>
                  <a class="ds-link" href={`/okosystem/utfordringer/${c.id}`}>
                    {c.title}
                  </a>
                </td>
                <td>{c.deadline}</td>
                <td>{statusText(v, c, c.open)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ChallengeFormView(props: {
  v: ViewContext;
  action: string;
  editing: boolean;
  needs: Choice[];
  values: FormValues;
  errors: Record<string, string>;
}) {
  const { v, errors } = props;
  const f = props.values.fields;
  return (
    <>
      <Back v={v} href="/okosystem/utfordringer" label="mkt.challenges.back" />
      <h1 class="ds-heading" data-size="lg">
        {v.t(props.editing ? 'mkt.challenge.edit' : 'mkt.challenges.new')}
      </h1>
      <form method="post" action={props.action} novalidate>
        <CsrfField v={v} />
        <ErrorSummary v={v} errors={errors} />
        <Input id="title" label={v.t('mkt.field.title')} value={f.title} error={errors.title} />
        <Choices
          id="needIds"
          legend={v.t('mkt.field.challengeNeeds')}
          type="checkbox"
          options={props.needs.map((n) => ({ value: n.id, label: n.name }))}
          selected={props.values.lists.needIds ?? []}
          error={errors.needIds}
        />
        <TextArea id="requirements" label={v.t('mkt.field.requirements')} value={f.requirements} error={errors.requirements} />
        <Input id="deadline" type="date" width="short" label={v.t('mkt.field.deadline')} value={f.deadline} error={errors.deadline} />
        <Radios
          id="status"
          legend={v.t('mkt.field.status')}
          small
          value={f.status ?? 'open'}
          options={[
            { value: 'open', label: v.t('mkt.challenge.open') },
            { value: 'closed', label: v.t('mkt.challenge.closed') },
          ]}
          error={errors.status}
        />
        <button class="ds-button" type="submit">
          {v.t('mkt.challenge.save')}
        </button>
      </form>
    </>
  );
}

function ProposalFields(props: { v: ViewContext; blocks: Choice[]; values: FormValues; errors: Record<string, string> }) {
  const { v, errors } = props;
  const f = props.values.fields;
  return (
    <>
      <TextArea id="summary" label={v.t('mkt.field.proposalSummary')} value={f.summary} error={errors.summary} rows={3} />
      <TextArea id="approach" label={v.t('mkt.field.approach')} value={f.approach} error={errors.approach} />
      <Choices
        id="blockIds"
        legend={v.t('mkt.field.blockIds')}
        type="checkbox"
        options={props.blocks.map((b) => ({ value: b.id, label: b.name }))}
        selected={props.values.lists.blockIds ?? []}
        error={errors.blockIds}
      />
      <Input id="priceIndication" label={v.t('mkt.field.priceIndication')} value={f.priceIndication} error={errors.priceIndication} />
    </>
  );
}

export interface ChallengePage {
  challenge: ChallengeRow;
  open: boolean;
  needs: Choice[];
  proposals: ProposalRow[];
  actors: { value: string; name: string }[];
  coreGroup: boolean;
  signedIn: boolean;
  blocks: Choice[];
  history: Parameters<typeof HistoryList>[0]['history'];
  names: Map<string, string>;
}

export function ChallengeView(props: { v: ViewContext; page: ChallengePage; values: FormValues; errors: Record<string, string> }) {
  const { v, page, errors } = props;
  const c = page.challenge;
  return (
    <>
      <Back v={v} href="/okosystem/utfordringer" label="mkt.challenges.back" />
      <h1 class="ds-heading" data-size="lg">
        {c.title}
      </h1>
      <ErrorSummary v={v} errors={errors} />
      <dl class="need-facts">
        <dt>{v.t('mkt.field.status')}</dt>
        <dd>{statusText(v, c, page.open)}</dd>
        <dt>{v.t('mkt.field.deadline')}</dt>
        <dd>{c.deadline}</dd>
      </dl>
      <h2 class="ds-heading" data-size="sm">
        {v.t('mkt.field.challengeNeeds')}
      </h2>
      <ul class="ds-list">
        {page.needs.map((n) => (
          <li>
            <a class="ds-link" href={`/okosystem/behov/${n.id}`}>
              {n.name}
            </a>
          </li>
        ))}
      </ul>
      <h2 class="ds-heading" data-size="sm">
        {v.t('mkt.field.requirements')}
      </h2>
      <p class="ds-paragraph">{c.requirements}</p>
      {page.coreGroup ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/okosystem/utfordringer/${c.id}/endre`}>
            {v.t('mkt.challenge.edit')}
          </a>
        </p>
      ) : null}
      <h2 class="ds-heading" data-size="sm">
        {v.t('mkt.proposals.heading')}
      </h2>
      {page.proposals.length === 0 ? (
        <p class="ds-paragraph">{v.t('mkt.proposals.none')}</p>
      ) : (
        <ul class="ds-list">
          {page.proposals.map((p) => (
            <li>
              <a class="ds-link" href={`/okosystem/utfordringer/forslag/${p.id}`}>
                {p.actorName}
              </a>
              {p.status === 'accepted' ? ` (${v.t('mkt.proposal.accepted')})` : ''}: {p.summary}
            </li>
          ))}
        </ul>
      )}
      {page.open && page.actors.length > 0 ? (
        <form method="post" action={`/okosystem/utfordringer/${c.id}/forslag`} novalidate>
          <h2 class="ds-heading" data-size="sm">
            {v.t('mkt.proposal.new')}
          </h2>
          <CsrfField v={v} />
          <Select
            id="actorId"
            label={v.t('mkt.field.actorId')}
            value={props.values.fields.actorId}
            options={page.actors.map((a) => ({ value: a.value, label: a.name }))}
            error={errors.actorId}
          />
          <ProposalFields v={v} blocks={page.blocks} values={props.values} errors={errors} />
          <button class="ds-button" type="submit">
            {v.t('mkt.proposal.submit')}
          </button>
        </form>
      ) : page.open ? (
        <p class="ds-paragraph">{v.t(page.signedIn ? 'mkt.proposal.needActor' : 'mkt.proposal.signIn')}</p>
      ) : null}
      <HistoryList v={v} history={page.history} names={page.names} />
    </>
  );
}

export interface ProposalPage {
  proposal: ProposalRow;
  challenge: { id: string; title: string };
  canEdit: boolean;
  coreGroup: boolean;
  blocks: { slug: string; name: string }[];
  history: Parameters<typeof HistoryList>[0]['history'];
  names: Map<string, string>;
}

export function ProposalView(props: { v: ViewContext; page: ProposalPage; errors: Record<string, string> }) {
  const { v, page } = props;
  const p = page.proposal;
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/okosystem/utfordringer/${page.challenge.id}`}>
          {page.challenge.title}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {v.t('mkt.proposal.title', { actor: p.actorName })}
      </h1>
      <ErrorSummary v={v} errors={props.errors} />
      <dl class="need-facts">
        <dt>{v.t('mkt.field.proposalSummary')}</dt>
        <dd>{p.summary}</dd>
        <dt>{v.t('mkt.field.approach')}</dt>
        <dd>{p.approach}</dd>
        <dt>{v.t('mkt.field.priceIndication')}</dt>
        <dd>{p.priceIndication || '–'}</dd>
        <dt>{v.t('mkt.field.status')}</dt>
        <dd>{v.t(p.status === 'accepted' ? 'mkt.proposal.accepted' : 'mkt.proposal.submitted')}</dd>
      </dl>
      {page.blocks.length > 0 ? (
        <>
          <h2 class="ds-heading" data-size="sm">
            {v.t('mkt.field.blockIds')}
          </h2>
          <ul class="ds-list">
            {page.blocks.map((b) => (
              <li>
                <a class="ds-link" href={`/okosystem/byggeklosser/${b.slug}`}>
                  {b.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {p.initiativeId ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/okosystem/portefolje/${p.initiativeId}`}>
            {v.t('mkt.proposal.initiative')}
          </a>
        </p>
      ) : null}
      {page.canEdit && p.status === 'submitted' ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/okosystem/utfordringer/forslag/${p.id}/endre`}>
            {v.t('mkt.proposal.edit')}
          </a>
        </p>
      ) : null}
      {page.coreGroup && p.status === 'submitted' ? (
        <form method="post" action={`/okosystem/utfordringer/forslag/${p.id}/til-portefoljen`}>
          <CsrfField v={v} />
          <button class="ds-button" type="submit">
            {v.t('mkt.proposal.accept')}
          </button>
        </form>
      ) : null}
      <HistoryList v={v} history={page.history} names={page.names} />
    </>
  );
}

export function ProposalFormView(props: {
  v: ViewContext;
  proposal: ProposalRow;
  blocks: Choice[];
  values: FormValues;
  errors: Record<string, string>;
}) {
  const { v, proposal } = props;
  return (
    <>
      <Back v={v} href={`/okosystem/utfordringer/forslag/${proposal.id}`} label="mkt.proposal.back" />
      <h1 class="ds-heading" data-size="lg">
        {v.t('mkt.proposal.edit')}
      </h1>
      <form method="post" action={`/okosystem/utfordringer/forslag/${proposal.id}`} novalidate>
        <CsrfField v={v} />
        <ErrorSummary v={v} errors={props.errors} />
        <ProposalFields v={v} blocks={props.blocks} values={props.values} errors={props.errors} />
        <button class="ds-button" type="submit">
          {v.t('mkt.proposal.save')}
        </button>
      </form>
    </>
  );
}
