import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary, TextField } from '../../core/layout.tsx';
import type { NeedSummary } from '../needs/needs.domain.ts';
import { phaseName } from '../needs/needs.views.tsx';
import type { BlockSummary } from './building-blocks.domain.ts';
import { BLOCK_STATUSES, REALISATIONS } from './building-blocks.schema.ts';
import type { ApiDocument, ApiEndpoint } from './openapi-document.ts';

/** Views of the building blocks catalogue and the API reference (server-rendered, no JavaScript). */

const realisationName = (v: ViewContext, r: string) => v.t(`blocks.realisation.${r}` as MessageKey);
const statusName = (v: ViewContext, s: string) => v.t(`blocks.status.${s}` as MessageKey);
const phaseList = (v: ViewContext, phases: number[]) => phases.map((p) => phaseName(v, p)).join(', ');

export function CatalogueView(props: { v: ViewContext; blocks: BlockSummary[]; canEdit: boolean }) {
  const { v } = props;
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {v.t('blocks.title')}
      </h1>
      <p class="ds-paragraph">{v.t('blocks.intro')}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/api">
          {v.t('api.title')}
        </a>
        {props.canEdit ? (
          <>
            {' · '}
            <a class="ds-link" href="/okosystem/byggeklosser/ny">
              {v.t('blocks.new')}
            </a>
          </>
        ) : null}
      </p>
      {props.blocks.length === 0 ? (
        <p class="ds-paragraph">{v.t('blocks.none')}</p>
      ) : (
        <table class="ds-table">
          <caption>{v.t('blocks.table.caption', { count: props.blocks.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{v.t('blocks.table.name')}</th>
              <th scope="col">{v.t('blocks.table.realisation')}</th>
              <th scope="col">{v.t('blocks.table.phases')}</th>
              <th scope="col">{v.t('blocks.table.owner')}</th>
              <th scope="col">{v.t('blocks.table.status')}</th>
              <th scope="col">{v.t('blocks.table.needs')}</th>
            </tr>
          </thead>
          <tbody>
            {props.blocks.map((b) => (
              <tr>
                <td>
                  <a class="ds-link" href={`/okosystem/byggeklosser/${b.slug}`}>
                    {b.name}
                  </a>
                </td>
                <td>{realisationName(v, b.realisation)}</td>
                <td>{phaseList(v, b.phases)}</td>
                <td>{b.ownerName ?? v.t('blocks.noOwner')}</td>
                <td>{statusName(v, b.status)}</td>
                <td>
                  {b.needs.length === 0 ? (
                    '–'
                  ) : (
                    <ul class="ds-list">
                      {b.needs.map((n) => (
                        <li>
                          <a class="ds-link" href={`/okosystem/behov/${n.id}`}>
                            {n.title}
                          </a>{' '}
                          ({v.t('blocks.page.needCount', { count: n.count })})
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function EndpointList(props: { v: ViewContext; endpoints: ApiEndpoint[] }) {
  return (
    <ul class="ds-list api-endpoints">
      {props.endpoints.map((e) => (
        <li>
          <code>
            {e.method} {e.path}
          </code>{' '}
          – {e.summary}
        </li>
      ))}
    </ul>
  );
}

export function BlockView(props: { v: ViewContext; block: BlockSummary; canEdit: boolean; api: ApiDocument | null }) {
  const { v, block } = props;
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/byggeklosser">
          {v.t('blocks.title')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {block.name}
      </h1>
      <p class="ds-paragraph">{block.description}</p>
      <dl class="need-facts">
        <dt>{v.t('blocks.table.realisation')}</dt>
        <dd>{realisationName(v, block.realisation)}</dd>
        <dt>{v.t('blocks.table.phases')}</dt>
        <dd>{phaseList(v, block.phases) || '–'}</dd>
        <dt>{v.t('blocks.table.owner')}</dt>
        <dd>{block.ownerName ?? v.t('blocks.noOwner')}</dd>
        <dt>{v.t('blocks.table.status')}</dt>
        <dd>{statusName(v, block.status)}</dd>
        {block.documentationUrl ? (
          <>
            <dt>{v.t('blocks.page.documentation')}</dt>
            <dd>
              <a class="ds-link" href={block.documentationUrl}>
                {block.documentationUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {block.apiDescription ? (
        <>
          <h2 class="ds-heading" data-size="sm">
            {v.t('blocks.page.api')}
          </h2>
          <p class="ds-paragraph">{block.apiDescription}</p>
        </>
      ) : null}
      {props.api ? (
        <>
          <h2 class="ds-heading" data-size="sm">
            {v.t('blocks.page.endpoints')}
          </h2>
          <p class="ds-paragraph">{v.t('blocks.page.endpointsIntro')}</p>
          <EndpointList v={v} endpoints={props.api.endpoints} />
          <p class="ds-paragraph">
            <a class="ds-link" href="/okosystem/api">
              {v.t('blocks.page.reference')}
            </a>
          </p>
        </>
      ) : null}
      <h2 class="ds-heading" data-size="sm">
        {v.t('blocks.page.needs')}
      </h2>
      {block.needs.length === 0 ? (
        <p class="ds-paragraph">{v.t('blocks.page.noNeeds')}</p>
      ) : (
        <ul class="ds-list">
          {block.needs.map((n) => (
            <li>
              <a class="ds-link" href={`/okosystem/behov/${n.id}`}>
                {n.title}
              </a>{' '}
              ({v.t('blocks.page.needCount', { count: n.count })})
            </li>
          ))}
        </ul>
      )}
      {props.canEdit ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/okosystem/byggeklosser/${block.slug}/rediger`}>
            {v.t('blocks.edit')}
          </a>
        </p>
      ) : null}
    </>
  );
}

export function Choices(props: {
  id: string;
  legend: string;
  type: 'radio' | 'checkbox';
  options: { value: string; label: string }[];
  selected: string[];
  error?: string;
}) {
  return (
    <fieldset class="ds-fieldset form-field" aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <legend class="ds-label" id={props.id}>
        {props.legend}
      </legend>
      {props.error ? (
        <div class="ds-validation-message" id={`${props.id}-error`} data-color="danger">
          {props.error}
        </div>
      ) : null}
      {props.options.map((o, i) => (
        <div class="ds-field">
          <input
            class="ds-input"
            type={props.type}
            id={`${props.id}-${i}`}
            name={props.id}
            value={o.value}
            checked={props.selected.includes(o.value)}
          />
          <label class="ds-label" for={`${props.id}-${i}`}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export interface BlockFormValues {
  fields: Record<string, string>;
  phases: string[];
  needIds: string[];
}

export function BlockFormView(props: {
  v: ViewContext;
  action: string;
  values: BlockFormValues;
  errors: Record<string, string>;
  actors: { id: string; name: string }[];
  needs: NeedSummary[];
}) {
  const { v, values, errors } = props;
  const f = values.fields;
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/byggeklosser">
          {v.t('blocks.title')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {f.slug && props.action !== '/okosystem/byggeklosser' ? v.t('blocks.edit') : v.t('blocks.new')}
      </h1>
      <form method="post" action={props.action} novalidate>
        <CsrfField v={v} />
        <ErrorSummary v={v} errors={errors} />
        <TextField id="name" label={v.t('blocks.field.name')} value={f.name} error={errors.name} required />
        <TextField id="slug" label={v.t('blocks.field.slug')} value={f.slug} error={errors.slug} required />
        <div class="ds-field form-field">
          <label class="ds-label" for="description">
            {v.t('blocks.field.description')}
          </label>
          {errors.description ? (
            <div class="ds-validation-message" id="description-error" data-color="danger">
              {errors.description}
            </div>
          ) : null}
          <textarea class="ds-input" id="description" name="description" rows={4} aria-invalid={errors.description ? 'true' : undefined}>
            {f.description ?? ''}
          </textarea>
        </div>
        <Choices
          id="realisation"
          legend={v.t('blocks.field.realisation')}
          type="radio"
          options={REALISATIONS.map((r) => ({ value: r, label: realisationName(v, r) }))}
          selected={[f.realisation ?? '']}
          error={errors.realisation}
        />
        <Choices
          id="status"
          legend={v.t('blocks.field.status')}
          type="radio"
          options={BLOCK_STATUSES.map((s) => ({ value: s, label: statusName(v, s) }))}
          selected={[f.status ?? '']}
          error={errors.status}
        />
        <Choices
          id="phases"
          legend={v.t('blocks.field.phases')}
          type="checkbox"
          options={[1, 2, 3, 4, 5, 6].map((p) => ({ value: String(p), label: phaseName(v, p) }))}
          selected={values.phases}
          error={errors.phases}
        />
        <div class="ds-field form-field">
          <label class="ds-label" for="ownerActorId">
            {v.t('blocks.field.owner')}
          </label>
          {errors.ownerActorId ? (
            <div class="ds-validation-message" id="ownerActorId-error" data-color="danger">
              {errors.ownerActorId}
            </div>
          ) : null}
          <select class="ds-input" id="ownerActorId" name="ownerActorId">
            <option value="">{v.t('blocks.noOwner')}</option>
            {props.actors.map((a) => (
              <option value={a.id} selected={f.ownerActorId === a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="documentationUrl"
          type="url"
          label={v.t('blocks.field.documentationUrl')}
          value={f.documentationUrl}
          error={errors.documentationUrl}
        />
        <div class="ds-field form-field">
          <label class="ds-label" for="apiDescription">
            {v.t('blocks.field.apiDescription')}
          </label>
          {errors.apiDescription ? (
            <div class="ds-validation-message" id="apiDescription-error" data-color="danger">
              {errors.apiDescription}
            </div>
          ) : null}
          <textarea class="ds-input" id="apiDescription" name="apiDescription" rows={3}>
            {f.apiDescription ?? ''}
          </textarea>
        </div>
        <Choices
          id="needIds"
          legend={v.t('blocks.field.needs')}
          type="checkbox"
          options={props.needs.map((n) => ({ value: n.id, label: n.title }))}
          selected={values.needIds}
          error={errors.needIds}
        />
        <div class="ds-field form-field">
          <input class="ds-input" type="checkbox" id="listsOwnApi" name="listsOwnApi" value="on" checked={f.listsOwnApi === 'on'} />
          <label class="ds-label" for="listsOwnApi">
            {v.t('blocks.field.listsOwnApi')}
          </label>
        </div>
        <button class="ds-button" type="submit">
          {v.t('blocks.save')}
        </button>
      </form>
    </>
  );
}

export function ApiReferenceView(props: { v: ViewContext; api: ApiDocument }) {
  const { v, api } = props;
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {v.t('api.title')}
      </h1>
      <p class="ds-paragraph">{v.t('api.intro')}</p>
      <p class="ds-paragraph" lang="en">
        {api.title} {api.version}: {api.description}
      </p>
      <p class="ds-paragraph">
        <a class="ds-link" href="/api/v1/openapi.json">
          {v.t('api.document')}
        </a>
      </p>
      {api.endpoints.map((e) => (
        <section class="api-endpoint" aria-labelledby={`ep-${e.method}-${e.path}`.replace(/[^a-zA-Z0-9-]/g, '-')}>
          <h2 class="ds-heading" data-size="sm" id={`ep-${e.method}-${e.path}`.replace(/[^a-zA-Z0-9-]/g, '-')}>
            <code>
              {e.method} {e.path}
            </code>
          </h2>
          <p class="ds-paragraph" lang="en">
            {e.summary}
          </p>
          {e.description ? (
            <p class="ds-paragraph" lang="en">
              {e.description}
            </p>
          ) : null}
          {e.parameters.length > 0 ? (
            <table class="ds-table">
              <caption>{v.t('api.parameters.caption', { endpoint: `${e.method} ${e.path}` })}</caption>
              <thead>
                <tr>
                  <th scope="col">{v.t('api.parameter.name')}</th>
                  <th scope="col">{v.t('api.parameter.in')}</th>
                  <th scope="col">{v.t('api.parameter.type')}</th>
                  <th scope="col">{v.t('api.parameter.required')}</th>
                  <th scope="col">{v.t('api.parameter.description')}</th>
                </tr>
              </thead>
              <tbody>
                {e.parameters.map((p) => (
                  <tr>
                    <td>
                      <code>{p.name}</code>
                    </td>
                    <td>{p.in}</td>
                    <td>{p.type}</td>
                    <td>{p.required ? v.t('api.yes') : v.t('api.no')}</td>
                    <td lang="en">{p.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <h3 class="ds-heading" data-size="xs">
            {v.t('api.responses')}
          </h3>
          <ul class="ds-list">
            {e.responses.map((r) => (
              <li>
                <code>{r.status}</code> <span lang="en">{r.description}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
