import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField } from '../../core/layout.tsx';
import type { FollowerStatus, SyncStatus } from './read-sync-status.ts';

/** Dates in Norwegian time, like the rest of the admin pages. */
function formatter(v: ViewContext) {
  return (d: Date) =>
    d.toLocaleString(v.lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Oslo' });
}

function When(props: { v: ViewContext; at: Date | null }) {
  if (!props.at) return <>{props.v.t('registerSync.never')}</>;
  return <time datetime={props.at.toISOString()}>{formatter(props.v)(props.at)}</time>;
}

export function formatLag(v: ViewContext, seconds: number): string {
  const { t } = v;
  if (seconds < 60) return t('registerSync.lag.seconds', { n: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('registerSync.lag.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('registerSync.lag.hours', { h: hours, m: minutes % 60 });
  return t('registerSync.lag.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

const followerName = (v: ViewContext, name: string) => v.t(`registerSync.follower.${name}` as MessageKey);

function NextRun(props: { v: ViewContext; f: FollowerStatus }) {
  const { v, f } = props;
  const job = f.job;
  if (!job) return <>{v.t('registerSync.job.none')}</>;
  if (job.status === 'running') return <>{v.t('registerSync.job.running', { attempt: job.attempts, max: job.maxAttempts })}</>;
  const when = formatter(v)(job.runAt);
  return (
    <time datetime={job.runAt.toISOString()}>
      {job.attempts > 0
        ? v.t('registerSync.job.retry', { when, attempts: job.attempts, max: job.maxAttempts })
        : v.t('registerSync.job.queued', { when })}
    </time>
  );
}

/** A table in a focusable, named region so it scrolls on narrow screens (the pattern of the admin pages). */
function TableRegion(props: { id: string; caption: string; children: unknown }) {
  return (
    <div class="table-scroll ds-focus" tabindex={0} role="region" aria-labelledby={props.id}>
      <table class="ds-table" data-border>
        <caption class="ds-sr-only" id={props.id}>
          {props.caption}
        </caption>
        {props.children}
      </table>
    </div>
  );
}

export function SyncStatusView(props: { v: ViewContext; status: SyncStatus }) {
  const { v, status } = props;
  const { t } = v;
  const fmt = formatter(v);
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {t('registerSync.title')}
      </h1>
      <p class="ds-paragraph">{t('registerSync.lead')}</p>
      <div class="ds-alert" data-color={status.enabled ? 'info' : 'warning'}>
        <p class="ds-paragraph">
          {status.enabled ? t('registerSync.enabled', { minutes: status.intervalMinutes }) : t('registerSync.disabled')}
        </p>
      </div>

      <h2 class="ds-heading" data-size="md">
        {t('registerSync.followers.title')}
      </h2>
      <TableRegion id="sync-followers-caption" caption={t('registerSync.followers.title')}>
        <thead>
          <tr>
            <th scope="col">{t('registerSync.col.follower')}</th>
            <th scope="col">{t('registerSync.col.lastRun')}</th>
            <th scope="col">{t('registerSync.col.lastSuccess')}</th>
            <th scope="col">{t('registerSync.col.lag')}</th>
            <th scope="col">{t('registerSync.col.failures')}</th>
            <th scope="col">{t('registerSync.col.lastError')}</th>
            <th scope="col">{t('registerSync.col.cursor')}</th>
            <th scope="col">{t('registerSync.col.next')}</th>
            <th scope="col">{t('registerSync.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {status.followers.map((f) => (
            <tr>
              <th scope="row">{followerName(v, f.name)}</th>
              <td>
                <When v={v} at={f.lastRunAt} />
              </td>
              <td>
                <When v={v} at={f.lastSuccessAt} />
              </td>
              <td>
                {f.lagSeconds === null ? '–' : formatLag(v, f.lagSeconds)}
                {f.caughtUp ? ` (${t('registerSync.caughtUp')})` : ''}
              </td>
              <td>{f.consecutiveFailures}</td>
              <td>
                {f.lastError ? <span class="sync-error">{f.lastError}</span> : '–'}
                {f.blocked ? (
                  <p class="ds-paragraph" data-size="sm">
                    {t('registerSync.blocked', { id: f.blocked.id, failures: f.blocked.failures })}
                  </p>
                ) : null}
              </td>
              <td>{f.cursor ? <code class="sync-cursor">{f.cursor}</code> : '–'}</td>
              <td>
                <NextRun v={v} f={f} />
              </td>
              <td>
                <form method="post" action="/admin/registersynk/kjor">
                  <CsrfField v={v} />
                  <input type="hidden" name="follower" value={f.name} />
                  <button type="submit" class="ds-button" data-variant="secondary" data-size="sm">
                    {t('registerSync.runNow')}
                    <span class="ds-sr-only">: {followerName(v, f.name)}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </TableRegion>

      <h2 class="ds-heading" data-size="md">
        {t('registerSync.runs.title')}
      </h2>
      {status.runs.length === 0 ? (
        <p class="ds-paragraph">{t('registerSync.runs.none')}</p>
      ) : (
        <TableRegion id="sync-runs-caption" caption={t('registerSync.runs.title')}>
          <thead>
            <tr>
              <th scope="col">{t('registerSync.runs.kind')}</th>
              <th scope="col">{t('registerSync.runs.status')}</th>
              <th scope="col">{t('registerSync.runs.started')}</th>
              <th scope="col">{t('registerSync.runs.finished')}</th>
              <th scope="col">{t('registerSync.runs.read')}</th>
              <th scope="col">{t('registerSync.runs.inserted')}</th>
              <th scope="col">{t('registerSync.runs.updated')}</th>
              <th scope="col">{t('registerSync.runs.quarantined')}</th>
              <th scope="col">{t('registerSync.runs.source')}</th>
              <th scope="col">{t('registerSync.runs.error')}</th>
            </tr>
          </thead>
          <tbody>
            {status.runs.map((r) => (
              <tr>
                <th scope="row">{t(`registerSync.runs.kind.${r.kind}` as MessageKey)}</th>
                <td>{t(`registerSync.runs.status.${r.status}` as MessageKey)}</td>
                <td>
                  <time datetime={r.startedAt.toISOString()}>{fmt(r.startedAt)}</time>
                </td>
                <td>{r.finishedAt ? <time datetime={r.finishedAt.toISOString()}>{fmt(r.finishedAt)}</time> : '–'}</td>
                <td>{r.recordsRead}</td>
                <td>{r.recordsInserted}</td>
                <td>{r.recordsUpdated}</td>
                <td>{r.recordsQuarantined}</td>
                <td>
                  <span class="sync-error">{r.source}</span>
                </td>
                <td>{r.error ? <span class="sync-error">{r.error}</span> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}

      <h2 class="ds-heading" data-size="md">
        {t('registerSync.quarantine.title')}
      </h2>
      {status.quarantine.length === 0 ? (
        <p class="ds-paragraph">{t('registerSync.quarantine.none')}</p>
      ) : (
        <>
          <p class="ds-paragraph">{t('registerSync.quarantine.lead')}</p>
          <TableRegion id="sync-quarantine-caption" caption={t('registerSync.quarantine.title')}>
            <thead>
              <tr>
                <th scope="col">{t('registerSync.quarantine.source')}</th>
                <th scope="col">{t('registerSync.quarantine.count')}</th>
                <th scope="col">{t('registerSync.quarantine.latest')}</th>
              </tr>
            </thead>
            <tbody>
              {status.quarantine.map((q) => (
                <tr>
                  <th scope="row">{q.source}</th>
                  <td>{q.count}</td>
                  <td>
                    <time datetime={q.latest.toISOString()}>{fmt(q.latest)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        </>
      )}
    </>
  );
}
