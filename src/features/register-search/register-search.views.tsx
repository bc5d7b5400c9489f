import type { Child } from 'hono/jsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { ErrorSummary } from '../../core/layout.tsx';
import { formatOrgnr } from '../../core/validators/orgnr.ts';
import type { ReferenceData, SearchRow } from './register-search.queries.ts';
import { queryToParams, SEARCH_SORTS, SEARCH_STATUSES } from './register-search.schema.ts';
import type { SearchResult } from './search-organisations.ts';

/** "2024-03-05" → "05.03.2024", the Norwegian way; anything else is shown as it came. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** NLOD § 5 asks for attribution wherever Brønnøysund's data is shown (brief §7). */
export function NlodAttribution(props: { v: ViewContext }) {
  return (
    <p class="ds-paragraph nlod-attribution" data-size="sm">
      {props.v.t('register.nlod')}{' '}
      <a class="ds-link" href="https://data.norge.no/nlod/no/2.0" lang="no">
        {props.v.t('register.nlodLink')}
      </a>
    </p>
  );
}

/** Status shown as text in a tag, never by colour alone. */
export function RegisterTags(props: {
  v: ViewContext;
  frr: boolean;
  grasrot: boolean;
  underAvvikling: boolean;
  konkurs: boolean;
  slettedato: string | null;
}) {
  const { t } = props.v;
  const tags: { color: string; text: string }[] = [];
  if (props.slettedato) tags.push({ color: 'danger', text: t('register.tag.slettet', { date: formatDate(props.slettedato) }) });
  if (props.konkurs) tags.push({ color: 'danger', text: t('register.tag.konkurs') });
  if (props.underAvvikling) tags.push({ color: 'warning', text: t('register.tag.underAvvikling') });
  if (props.frr) tags.push({ color: 'success', text: t('register.tag.frr') });
  if (props.grasrot) tags.push({ color: 'info', text: t('register.tag.grasrot') });
  if (tags.length === 0) return null;
  return (
    <ul class="ds-list--unstyled inline-list register-tags">
      {tags.map((tag) => (
        <li>
          <span class="ds-tag" data-color={tag.color} data-size="sm">
            {tag.text}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A labelled <select> with its validation message (Designsystemet field pattern). */
export function SelectField(props: { id: string; label: string; description?: string; error?: string; children: Child }) {
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
      <select
        class="ds-input"
        id={props.id}
        name={props.id}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.children}
      </select>
    </div>
  );
}

/** <option>s for fylke, kommune (grouped by fylke), ICNPO (grouped by main category) and organisation form. */
export function FylkeOptions(props: { v: ViewContext; reference: ReferenceData; selected?: string }) {
  return (
    <>
      <option value="">{props.v.t('search.any')}</option>
      {props.reference.fylker.map((f) => (
        <option value={f.nummer} selected={f.nummer === props.selected}>
          {f.navn}
        </option>
      ))}
    </>
  );
}

export function KommuneOptions(props: { v: ViewContext; reference: ReferenceData; selected?: string }) {
  const { reference } = props;
  return (
    <>
      <option value="">{props.v.t('search.any')}</option>
      {reference.fylker.map((f) => (
        <optgroup label={f.navn}>
          {reference.kommuner
            .filter((k) => k.fylkesnummer === f.nummer)
            .sort((a, b) => a.navn.localeCompare(b.navn, 'nb'))
            .map((k) => (
              <option value={k.nummer} selected={k.nummer === props.selected}>
                {k.navn}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

export function IcnpoOptions(props: { v: ViewContext; reference: ReferenceData; selected?: string }) {
  const { reference, v } = props;
  const mains = reference.icnpo.filter((k) => k.erHovedkategori);
  return (
    <>
      <option value="">{v.t('search.any')}</option>
      {mains.map((m) => (
        <optgroup label={`${m.nummer} ${m.navn}`}>
          <option value={m.nummer} selected={m.nummer === props.selected}>
            {v.t('search.icnpo.all', { name: m.navn })}
          </option>
          {reference.icnpo
            .filter((k) => !k.erHovedkategori && k.hovedkategori === m.nummer)
            .map((k) => (
              <option value={k.nummer} selected={k.nummer === props.selected}>
                {`${k.nummer} ${k.navn}`}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

export function FormOptions(props: { v: ViewContext; reference: ReferenceData; selected?: string }) {
  // The forms voluntary organisations use come first (brief §3.1); the rest follow alphabetically.
  const first = ['FLI', 'STI', 'AS'];
  const sorted = [
    ...first.map((k) => props.reference.former.find((f) => f.kode === k)).filter((f) => f !== undefined),
    ...props.reference.former.filter((f) => !first.includes(f.kode)),
  ];
  return (
    <>
      <option value="">{props.v.t('search.any')}</option>
      {sorted.map((f) => (
        <option value={f.kode} selected={f.kode === props.selected}>
          {`${f.beskrivelse} (${f.kode})`}
        </option>
      ))}
    </>
  );
}

function YesNoOptions(props: { v: ViewContext; selected?: string }) {
  const s = props.selected === 'true' ? 'ja' : props.selected === 'false' ? 'nei' : props.selected;
  return (
    <>
      <option value="">{props.v.t('search.any')}</option>
      <option value="ja" selected={s === 'ja'}>
        {props.v.t('search.yes')}
      </option>
      <option value="nei" selected={s === 'nei'}>
        {props.v.t('search.no')}
      </option>
    </>
  );
}

function YearField(props: { id: string; label: string; hint: string; value?: string; error?: string }) {
  const describedBy = [`${props.id}-desc`, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class="ds-field form-field">
      <label class="ds-label" for={props.id}>
        {props.label}
      </label>
      <div class="ds-paragraph field-description" id={`${props.id}-desc`} data-size="sm">
        {props.hint}
      </div>
      {props.error ? (
        <div class="ds-validation-message" id={`${props.id}-error`} data-color="danger">
          {props.error}
        </div>
      ) : null}
      <input
        class="ds-input input-short"
        id={props.id}
        name={props.id}
        type="text"
        inputmode="numeric"
        maxlength={4}
        value={props.value ?? ''}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function SearchPageView(props: {
  v: ViewContext;
  /** The raw query string, to show what was typed even when it was invalid. */
  values: Record<string, string>;
  reference: ReferenceData;
  result: SearchResult | null;
  errors: Record<string, string>;
}) {
  const { v, values, reference, errors } = props;
  const { t } = v;
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {t('search.title')}
      </h1>
      <p class="ds-paragraph lead">{t('search.lead')}</p>
      <ErrorSummary v={v} errors={errors} />
      <form method="get" action="/organisasjoner" role="search" class="search-form" data-live-search novalidate>
        <div class="ds-field form-field search-form__q">
          <label class="ds-label" for="q">
            {t('search.q')}
          </label>
          <div class="ds-paragraph field-description" id="q-desc" data-size="sm">
            {t('search.q.hint')}
          </div>
          {errors.q ? (
            <div class="ds-validation-message" id="q-error" data-color="danger">
              {errors.q}
            </div>
          ) : null}
          <input
            class="ds-input"
            id="q"
            name="q"
            type="search"
            value={values.q ?? ''}
            autocomplete="off"
            spellcheck={false}
            aria-invalid={errors.q ? 'true' : undefined}
            aria-describedby={errors.q ? 'q-desc q-error' : 'q-desc'}
            aria-controls="search-results"
          />
        </div>
        <fieldset class="ds-fieldset search-form__filters">
          <legend class="ds-label">{t('search.filters')}</legend>
          <div class="filter-grid">
            <SelectField id="fylke" label={t('search.fylke')} error={errors.fylke}>
              <FylkeOptions v={v} reference={reference} selected={values.fylke} />
            </SelectField>
            <SelectField id="kommune" label={t('search.kommune')} error={errors.kommune}>
              <KommuneOptions v={v} reference={reference} selected={values.kommune} />
            </SelectField>
            <SelectField id="icnpo" label={t('search.icnpo')} description={t('search.icnpo.hint')} error={errors.icnpo}>
              <IcnpoOptions v={v} reference={reference} selected={values.icnpo} />
            </SelectField>
            <SelectField id="form" label={t('search.form')} error={errors.form}>
              <FormOptions v={v} reference={reference} selected={values.form} />
            </SelectField>
            <SelectField id="frivillighetsregisteret" label={t('search.frr')} error={errors.frivillighetsregisteret}>
              <YesNoOptions v={v} selected={values.frivillighetsregisteret} />
            </SelectField>
            <SelectField id="grasrotandel" label={t('search.grasrot')} error={errors.grasrotandel}>
              <YesNoOptions v={v} selected={values.grasrotandel} />
            </SelectField>
            <YearField
              id="stiftetFra"
              label={t('search.stiftetFra')}
              hint={t('search.year.hint')}
              value={values.stiftetFra}
              error={errors.stiftetFra}
            />
            <YearField
              id="stiftetTil"
              label={t('search.stiftetTil')}
              hint={t('search.year.hint')}
              value={values.stiftetTil}
              error={errors.stiftetTil}
            />
            <SelectField id="status" label={t('search.status')} error={errors.status}>
              {SEARCH_STATUSES.map((s) => (
                <option value={s} selected={(values.status || 'aktive') === s}>
                  {t(`search.status.${s}` as MessageKey)}
                </option>
              ))}
            </SelectField>
            <SelectField id="sorter" label={t('search.sort')} error={errors.sorter}>
              {SEARCH_SORTS.map((s) => (
                <option value={s} selected={(values.sorter || (values.q ? 'relevans' : 'navn')) === s}>
                  {t(`search.sort.${s}` as MessageKey)}
                </option>
              ))}
            </SelectField>
          </div>
        </fieldset>
        {values.antall ? <input type="hidden" name="antall" value={values.antall} /> : null}
        <button type="submit" class="ds-button" data-variant="primary">
          {t('search.submit')}
        </button>
      </form>
      {/* Screen readers hear the new hit count when search.js replaces the results (WCAG 4.1.3 status messages). */}
      <p class="ds-sr-only" id="search-live" aria-live="polite" />
      <ResultsRegion v={v} result={props.result} errors={{}} />
      <NlodAttribution v={v} />
      <script type="module" src="/static/search.js" />
    </>
  );
}

function summaryText(v: ViewContext, r: SearchResult): string {
  const { t } = v;
  if (r.total === 0) return t('search.summary.none');
  if (r.hits.length === 0) return t('search.summary.emptyPage', { page: r.page });
  if (r.capped) return t('search.summary.capped', { count: r.total.toLocaleString('nb-NO'), page: r.page, pages: r.pageCount });
  if (r.total === 1) return t('search.summary.one');
  return t('search.summary.count', { count: r.total.toLocaleString('nb-NO'), page: r.page, pages: r.pageCount });
}

/**
 * The part of the page search.js replaces while you type (it asks for it with the header
 * x-frivillig-fragment: search-results). Errors appear here too, so a live search shows them in place.
 */
export function ResultsRegion(props: { v: ViewContext; result: SearchResult | null; errors: Record<string, string> }) {
  const { v, result } = props;
  const { t } = v;
  const errorEntries = Object.entries(props.errors);
  return (
    <section id="search-results" aria-labelledby="search-results-heading" class="search-results">
      <h2 class="ds-heading" data-size="sm" id="search-results-heading">
        {t('search.results')}
      </h2>
      {errorEntries.length > 0 ? (
        <div class="ds-alert" data-color="danger">
          <p class="ds-paragraph" data-search-summary>
            {t('search.summary.error')}
          </p>
          <ul class="ds-list">
            {errorEntries.map(([field, message]) => (
              <li>
                <a class="ds-link" href={`#${field}`}>
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result ? (
        <>
          <p class="ds-paragraph" data-search-summary>
            {summaryText(v, result)}
            {result.total > 0 && result.hits.length === 0 ? (
              <>
                {' '}
                <a class="ds-link" href={`/organisasjoner?${queryToParams(result.query, { side: undefined }).toString()}`}>
                  {t('search.firstPage')}
                </a>
              </>
            ) : null}
          </p>
          {result.hits.length > 0 ? (
            <ol class="ds-list--unstyled search-hits" start={(result.page - 1) * result.pageSize + 1}>
              {result.hits.map((hit) => (
                <li>
                  <Hit v={v} hit={hit} />
                </li>
              ))}
            </ol>
          ) : null}
          <Pagination v={v} result={result} />
        </>
      ) : null}
    </section>
  );
}

function Hit(props: { v: ViewContext; hit: SearchRow }) {
  const { v, hit } = props;
  const { t } = v;
  const kommune = hit.kommuneNavn ?? (hit.kommunenummer ? hit.kommunenummer : t('search.hit.abroad'));
  return (
    <article class="ds-card search-hit">
      <h3 class="ds-heading" data-size="xs">
        <a class="ds-link" href={`/organisasjoner/${hit.orgnr}`}>
          {hit.navn}
        </a>
      </h3>
      <p class="ds-paragraph" data-size="sm">
        {t('search.hit.orgnr', { orgnr: formatOrgnr(hit.orgnr) })}
      </p>
      <dl class="hit-facts">
        <div>
          <dt>{t('search.hit.form')}</dt>
          <dd>{hit.formBeskrivelse ?? hit.organisasjonsform ?? t('search.hit.unknown')}</dd>
        </div>
        <div>
          <dt>{t('search.hit.kommune')}</dt>
          <dd>{kommune}</dd>
        </div>
        <div>
          <dt>{t('search.hit.founded')}</dt>
          <dd>{hit.stiftelsesdato ? formatDate(hit.stiftelsesdato) : t('search.hit.unknown')}</dd>
        </div>
        {hit.icnpo1Navn ? (
          <div>
            <dt>{t('search.hit.category')}</dt>
            <dd>{hit.icnpo1Navn}</dd>
          </div>
        ) : null}
      </dl>
      <RegisterTags
        v={v}
        frr={hit.frivillighetsregisteret}
        grasrot={hit.grasrotandel}
        underAvvikling={hit.underAvvikling}
        konkurs={hit.konkurs}
        slettedato={hit.slettedato}
      />
    </article>
  );
}

/** Page links: first, a window around the current page, last; previous/next as words, not arrows alone. */
function Pagination(props: { v: ViewContext; result: SearchResult }) {
  const { v, result } = props;
  const { t } = v;
  if (result.pageCount <= 1) return null;
  const href = (page: number) => `/organisasjoner?${queryToParams(result.query, { side: page > 1 ? String(page) : undefined }).toString()}`;
  const pages = new Set<number>([1, result.pageCount]);
  for (let p = result.page - 2; p <= result.page + 2; p++) if (p >= 1 && p <= result.pageCount) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) items.push('gap');
    items.push(p);
  });
  return (
    <nav class="ds-pagination search-pagination" aria-label={t('search.pagination')}>
      <ul class="ds-list--unstyled inline-list">
        {result.page > 1 ? (
          <li>
            <a class="ds-button" data-variant="tertiary" href={href(result.page - 1)} rel="prev">
              {t('search.previous')}
            </a>
          </li>
        ) : null}
        {items.map((item) =>
          item === 'gap' ? (
            <li aria-hidden="true">…</li>
          ) : (
            <li>
              <a
                class="ds-button"
                data-variant={item === result.page ? 'primary' : 'tertiary'}
                href={href(item)}
                aria-current={item === result.page ? 'page' : undefined}
                aria-label={t('search.pageN', { page: item })}
              >
                {String(item)}
              </a>
            </li>
          ),
        )}
        {result.page < result.pageCount ? (
          <li>
            <a class="ds-button" data-variant="tertiary" href={href(result.page + 1)} rel="next">
              {t('search.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
