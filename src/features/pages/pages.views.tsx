import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { PHASE_SLUGS } from '../life-event-map/life-event-map.content.ts';

export const PHASES = [1, 2, 3, 4, 5, 6] as const;

export function PhaseList(props: { v: ViewContext; current?: number }) {
  const { t } = props.v;
  return (
    <ol class="phase-list">
      {PHASES.map((n) => (
        <li class="phase-list__item" aria-current={props.current === n ? 'step' : undefined}>
          <span class="phase-list__number" aria-hidden="true">
            {n}
          </span>
          <div>
            <h3 class="ds-heading" data-size="xs">
              {/* Each phase links to its page on the life-event map (src/features/life-event-map). */}
              <a class="ds-link" href={`/livshendelse/${PHASE_SLUGS[n - 1]}`}>
                <span class="ds-sr-only">{t('phase.label', { n })}: </span>
                {t(`phase.${n}.title` as MessageKey)}
              </a>
            </h3>
            <p class="ds-paragraph">{t(`phase.${n}.body` as MessageKey)}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}

export function HomeView(props: { v: ViewContext }) {
  const { v } = props;
  const { t } = v;
  return (
    <>
      <h1 class="ds-heading" data-size="xl">
        {t('home.title')}
      </h1>
      <p class="ds-paragraph lead" data-size="lg">
        {t('home.lead')}
      </p>
      <p>
        <a class="ds-button" data-variant="primary" href={v.user ? '/arbeidsrom' : '/logg-inn?tilbake=%2Farbeidsrom'}>
          {v.user ? t('home.myOrganisations') : t('home.start')}
        </a>
      </p>
      <section aria-labelledby="phases-heading">
        <h2 class="ds-heading" data-size="md" id="phases-heading">
          {t('home.phasesTitle')}
        </h2>
        <p class="ds-paragraph">{t('home.phasesLead')}</p>
        <PhaseList v={v} />
        <ul class="ds-list--unstyled inline-list">
          <li>
            <a class="ds-link" href="/livshendelse">
              {t('lem.home.link')}
            </a>
          </li>
          <li>
            <a class="ds-link" href="/ide">
              {t('lem.startIdea')}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="gains-heading">
        <h2 class="ds-heading" data-size="md" id="gains-heading">
          {t('home.gainsTitle')}
        </h2>
        <ul class="ds-list">
          <li>{t('home.gain1')}</li>
          <li>{t('home.gain2')}</li>
          <li>{t('home.gain3')}</li>
        </ul>
      </section>
      <section aria-labelledby="insight-heading">
        <h2 class="ds-heading" data-size="md" id="insight-heading">
          {t('insight.home.heading')}
        </h2>
        <p class="ds-paragraph">{t('insight.home.body')}</p>
        <p class="ds-paragraph">
          <a class="ds-link" href="/innsikt">
            {t('insight.title')}
          </a>
        </p>
      </section>
    </>
  );
}

/** A plain content page: a heading and sections of (heading, paragraph) message keys. */
export function ContentPage(props: { v: ViewContext; title: MessageKey; intro: MessageKey[]; sections?: [MessageKey, MessageKey][] }) {
  const { t } = props.v;
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {t(props.title)}
      </h1>
      {props.intro.map((key) => (
        <p class="ds-paragraph">{t(key)}</p>
      ))}
      {(props.sections ?? []).map(([heading, body]) => (
        <section>
          <h2 class="ds-heading" data-size="sm">
            {t(heading)}
          </h2>
          <p class="ds-paragraph">{t(body)}</p>
        </section>
      ))}
    </>
  );
}
