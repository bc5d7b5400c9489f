import type { ViewContext } from '../../core/http/view-context.ts';
import { GAINS, gainText } from '../ecosystem/gains.ts';
import { BarChart } from '../insight/insight.charts.tsx';
import { formatPercent } from '../insight/insight.tables.ts';
import { formatComputedAt } from '../insight/insight.views.tsx';
import { figureText, indicatorTexts, monthLabel, totalFigure } from './gains.present.ts';
import type { GainsResult, IndicatorResult } from './read-gains.ts';

export const GAINS_PATH = '/okosystem/gevinster';
export const GAINS_API_PATH = '/api/v1/gevinster';

/** One indicator: its number, its definition beside it, and its last 12 months as a chart and a data table. */
function IndicatorSection(props: { v: ViewContext; ind: IndicatorResult }) {
  const { v, ind } = props;
  const { t } = v;
  const text = indicatorTexts(ind.id, t);
  const id = `gevinst-${ind.id}`;
  const total = totalFigure(ind);
  const headline =
    ind.kind === 'snapshot'
      ? t('gains.total.snapshot', { month: ind.asOf ? monthLabel(ind.asOf, v.lang) : '', value: figureText(total, t) })
      : t('gains.total.history', { value: figureText(total, t) });
  return (
    <section aria-labelledby={`${id}-heading`} class="insight-section gains-indicator" id={id}>
      <h3 class="ds-heading" data-size="sm" id={`${id}-heading`}>
        {text.name}
      </h3>
      {ind.hasData ? (
        <p class="ds-paragraph" data-size="lg">
          <strong>{headline}</strong>
        </p>
      ) : (
        <p class="ds-paragraph">{t('gains.noData')}</p>
      )}
      {ind.share !== null ? <p class="ds-paragraph">{t('gains.share', { share: formatPercent(ind.share) })}</p> : null}
      <dl class="need-facts">
        <dt>{t('gains.def.counts')}</dt>
        <dd>{text.counts}</dd>
        <dt>{t('gains.def.source')}</dt>
        <dd>{text.source}</dd>
        <dt>{t('gains.def.excludes')}</dt>
        <dd>{text.excludes}</dd>
        <dt>{t('gains.def.monthly')}</dt>
        <dd>{text.monthly}</dd>
      </dl>
      {ind.hasData ? (
        <div class="insight-figure">
          <div class="insight-figure__chart">
            <BarChart
              id={`${id}-chart`}
              title={t('gains.chart.title', { name: text.name })}
              description={t('gains.chart.desc')}
              bars={ind.months.map((m) => ({
                label: monthLabel(m.month, v.lang),
                value: m.figure?.value ?? 0,
                display: m.figure?.value === null || !m.figure ? figureText(m.figure, t) : undefined,
              }))}
            />
          </div>
          <div class="table-scroll ds-focus insight-figure__table" tabindex={0} role="region" aria-labelledby={`${id}-caption`}>
            <table class="ds-table" data-border data-size="sm">
              <caption id={`${id}-caption`}>{t('gains.table.caption', { name: text.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gains.col.month')}</th>
                  <th scope="col">{t('gains.col.value')}</th>
                </tr>
              </thead>
              <tbody>
                {ind.months.map((m) => (
                  <tr>
                    <th scope="row">{monthLabel(m.month, v.lang)}</th>
                    <td class="numeric">{figureText(m.figure, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  );
}

export function GainsPageView(props: { v: ViewContext; result: GainsResult }) {
  const { v, result } = props;
  const { t } = v;
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem">
          {t('gains.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {t('gains.title')}
      </h1>
      <p class="ds-paragraph lead">{t('gains.lead')}</p>
      <p class="ds-paragraph">{t('gains.rule')}</p>
      <p class="ds-paragraph" data-size="sm">
        {t('gains.computedAt', { time: formatComputedAt(v, result.computedAt) })}
      </p>
      <ul class="ds-list--unstyled insight-downloads">
        <li>
          <a class="ds-link" href={`${GAINS_API_PATH}?format=csv`} download="gevinster.csv">
            {t('gains.download.csv')}
          </a>
        </li>
        <li>
          <a class="ds-link" href={GAINS_API_PATH}>
            {t('gains.download.json')}
          </a>
        </li>
      </ul>
      {result.gains.map((gain) => {
        const g = GAINS.find((x) => x.id === gain.id)!;
        return (
          <section aria-labelledby={`gevinst-${gain.id}-heading`} id={`gevinst-${gain.id}`}>
            <h2 class="ds-heading" data-size="md" id={`gevinst-${gain.id}-heading`}>
              {gainText(g, 'name', v.lang)}
            </h2>
            <p class="ds-paragraph">{gainText(g, 'definition', v.lang)}</p>
            {gain.indicators.map((ind) => (
              <IndicatorSection v={v} ind={ind} />
            ))}
          </section>
        );
      })}
      <p class="ds-paragraph" data-size="sm">
        {t('gains.download.note')}
      </p>
    </>
  );
}
