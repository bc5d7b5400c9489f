import type { ViewContext } from '../http/view-context.ts';
import { hasMessage } from '../i18n/catalogue.ts';
import type { ProvenanceSummary } from './provenance.ts';

/**
 * Forms record under ids like "statutes", "founding-meeting/board" or "registration.contact": one row per form,
 * its pages and sections added up.
 */
export function baseForm(form: string): string {
  return form.split(/[/.]/, 1)[0] ?? form;
}

/** A form's name in the user's language; a form without a label yet shows its id rather than nothing. */
function formName(v: ViewContext, form: string): string {
  const key = `prefill.form.${form}`;
  return hasMessage(key) ? v.t(key) : form;
}

function byBaseForm(rows: ProvenanceSummary['byForm']): ProvenanceSummary['byForm'] {
  const merged = new Map<string, ProvenanceSummary['byForm'][number]>();
  for (const row of rows) {
    const form = baseForm(row.form);
    const acc = merged.get(form) ?? { form, prefilled: 0, corrected: 0, typed: 0, submissions: 0 };
    merged.set(form, {
      form,
      prefilled: acc.prefilled + row.prefilled,
      corrected: acc.corrected + row.corrected,
      typed: acc.typed + row.typed,
      submissions: acc.submissions + row.submissions,
    });
  }
  return [...merged.values()];
}

function sourceName(v: ViewContext, source: string): string {
  const key = `prefill.source.${source}`;
  return hasMessage(key) ? v.t(key) : source;
}

/**
 * "Opplysninger du slapp å gi på nytt": the once-only gain for this organisation (issue 4, measured gain).
 * The breakdown sits in <details> so the workspace stays short; it opens without JavaScript.
 */
export function PrefillGainPanel(props: { v: ViewContext; summary: ProvenanceSummary }) {
  const { v, summary } = props;
  const { t } = v;
  return (
    <section aria-labelledby="prefill-heading" class="prefill-panel">
      <h2 class="ds-heading" data-size="sm" id="prefill-heading">
        {t('prefill.panel.title')}
      </h2>
      <p class="ds-paragraph">{t('prefill.panel.lead')}</p>
      {summary.submissions === 0 ? (
        <p class="ds-paragraph">{t('prefill.panel.empty')}</p>
      ) : (
        <>
          <p class="ds-paragraph" data-testid="prefill-totals">
            {t('prefill.panel.totals', { ...summary.totals })}
          </p>
          <details class="ds-details">
            <summary>{t('prefill.panel.details')}</summary>
            <div>
              <div class="table-scroll ds-focus" tabindex={0} role="region" aria-labelledby="prefill-by-form">
                <table class="ds-table" data-border>
                  <caption id="prefill-by-form">{t('prefill.panel.byForm')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('prefill.col.form')}</th>
                      <th scope="col">{t('prefill.col.prefilled')}</th>
                      <th scope="col">{t('prefill.col.corrected')}</th>
                      <th scope="col">{t('prefill.col.typed')}</th>
                      <th scope="col">{t('prefill.col.submissions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {byBaseForm(summary.byForm).map((row) => (
                      <tr>
                        <th scope="row">{formName(v, row.form)}</th>
                        <td>{row.prefilled}</td>
                        <td>{row.corrected}</td>
                        <td>{row.typed}</td>
                        <td>{row.submissions}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {summary.bySource.length > 0 ? (
                <div class="table-scroll ds-focus" tabindex={0} role="region" aria-labelledby="prefill-by-source">
                  <table class="ds-table" data-border>
                    <caption id="prefill-by-source">{t('prefill.panel.bySource')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('prefill.col.source')}</th>
                        <th scope="col">{t('prefill.col.prefilled')}</th>
                        <th scope="col">{t('prefill.col.corrected')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {summary.bySource.map((row) => (
                        <tr>
                          <th scope="row">{sourceName(v, row.source)}</th>
                          <td>{row.prefilled}</td>
                          <td>{row.corrected}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </div>
          </details>
        </>
      )}
    </section>
  );
}
