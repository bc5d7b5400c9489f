import type { ViewContext } from '../../core/http/view-context.ts';
import { CsrfField } from '../../core/layout.tsx';
import { addMonths, daysBetween, type IsoDate, osloDate } from './calendar.dates.ts';
import {
  formatDate,
  formatDayWithWeekday,
  formatMonth,
  groupByMonth,
  type PresentedDeadline,
  presentDeadline,
} from './calendar.present.ts';
import type { Deadline } from './calendar.rules.ts';

interface CalendarPageData {
  organisation: { id: string; name: string };
  role: string;
  today: IsoDate;
  deadlines: Deadline[];
  statutes: { source: 'statutes' | 'default'; version: number | null };
  feed: { createdAt: Date } | null;
  feedUrl: string | null;
  reminders: { subscribed: boolean; email: string | null; days: number[] };
}

function Breadcrumbs(props: { v: ViewContext; organisation: { id: string; name: string }; current: string }) {
  const { t } = props.v;
  return (
    <nav aria-label={t('layout.breadcrumbs')} class="ds-breadcrumbs">
      <ol>
        <li>
          <a class="ds-link" href="/arbeidsrom">
            {t('orgs.list.title')}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`/arbeidsrom/${props.organisation.id}`}>
            {props.organisation.name}
          </a>
        </li>
        <li>
          <a class="ds-link" href={props.v.currentPath} aria-current="page">
            {props.current}
          </a>
        </li>
      </ol>
    </nav>
  );
}

/** "14 og 3", "14, 7 og 3". */
function listDays(v: ViewContext, days: number[]): string {
  if (days.length <= 1) return days.join('');
  return `${days.slice(0, -1).join(', ')} ${v.t('calendar.reminders.and')} ${days.at(-1)}`;
}

function DeadlineItem(props: { v: ViewContext; d: PresentedDeadline }) {
  const { v, d } = props;
  const { t } = v;
  return (
    <li class="calendar-item" id={`frist-${d.id.replace(/[^A-Za-z0-9_-]/g, '-')}`}>
      <h4 class="ds-heading" data-size="xs">
        {d.title}
      </h4>
      <p class="ds-paragraph calendar-item__when">
        <time datetime={d.date}>{formatDayWithWeekday(d.date, v.lang)}</time>
        <span class="calendar-item__kind" data-kind={d.kind}>
          {d.kindText}
        </span>
      </p>
      <dl class="calendar-item__facts">
        <dt>{t('calendar.why')}</dt>
        <dd>
          {d.why}
          {d.window ? ` ${d.window}` : ''}
        </dd>
        <dt>{t('calendar.rule')}</dt>
        <dd>
          {d.citationUrl ? (
            <a class="ds-link" href={d.citationUrl} rel="noopener noreferrer">
              {d.citation}
            </a>
          ) : (
            d.citation
          )}
        </dd>
        <dt>{t('calendar.basedOn')}</dt>
        <dd>{d.basedOn.join('; ')}</dd>
      </dl>
      <p class="ds-paragraph" data-size="sm">
        <a class="ds-link" href={d.taskHref}>
          {t('calendar.taskLink')}
          <span class="ds-sr-only">: {d.title}</span>
        </a>
      </p>
    </li>
  );
}

/**
 * The year as a wheel: twelve month segments from this month, clockwise from the top, with a dot per deadline.
 * An enhancement only — the list above is the content; the figure has a title and a description naming it.
 */
function Wheel(props: { v: ViewContext; today: IsoDate; deadlines: PresentedDeadline[] }) {
  const { v, today } = props;
  const { t } = v;
  const start = `${today.slice(0, 7)}-01`;
  const end = addMonths(start, 12);
  const total = daysBetween(start, end);
  const c = 160;
  const point = (fraction: number, r: number) => {
    const a = fraction * 2 * Math.PI;
    return { x: Math.round((c + r * Math.sin(a)) * 10) / 10, y: Math.round((c - r * Math.cos(a)) * 10) / 10 };
  };
  const months = Array.from({ length: 12 }, (_, i) => {
    const from = addMonths(start, i);
    const f0 = daysBetween(start, from) / total;
    const f1 = daysBetween(start, addMonths(start, i + 1)) / total;
    const [o0, o1, i1, i0] = [point(f0, 135), point(f1, 135), point(f1, 90), point(f0, 90)];
    const label = point((f0 + f1) / 2, 112);
    const text = new Date(`${from}T00:00:00Z`).toLocaleDateString(v.lang === 'en' ? 'en-GB' : v.lang === 'nn' ? 'nn-NO' : 'nb-NO', {
      month: 'short',
      timeZone: 'UTC',
    });
    return {
      path: `M${o0.x} ${o0.y} A135 135 0 0 1 ${o1.x} ${o1.y} L${i1.x} ${i1.y} A90 90 0 0 0 ${i0.x} ${i0.y} Z`,
      fill: i % 2 === 0 ? '#e3ecf7' : '#f3f6fa',
      label,
      text: text.replace('.', ''),
    };
  });
  const dots = props.deadlines.map((d) => point(Math.max(0, daysBetween(start, d.date)) / total, 148));
  const now = point(daysBetween(start, today) / total, 135);
  return (
    <figure class="calendar-wheel">
      <svg viewBox="0 0 320 320" width="320" height="320" role="img" aria-labelledby="wheel-title" aria-describedby="wheel-caption">
        <title id="wheel-title">{t('calendar.wheel.heading')}</title>
        {months.map((m) => (
          <path d={m.path} fill={m.fill} stroke="#6b7a8c" stroke-width="1" />
        ))}
        {months.map((m) => (
          <text x={m.label.x} y={m.label.y} text-anchor="middle" dominant-baseline="middle" font-size="12" fill="#1c2733">
            {m.text}
          </text>
        ))}
        <line x1={c} y1={c} x2={now.x} y2={now.y} stroke="#1c2733" stroke-width="2" />
        {dots.map((p) => (
          <circle cx={p.x} cy={p.y} r="5" fill="#0b4f8a" stroke="#ffffff" stroke-width="1.5" />
        ))}
        <text x={c} y={c} text-anchor="middle" dominant-baseline="middle" font-size="15" font-weight="600" fill="#1c2733">
          {props.deadlines.length === 1 ? t('calendar.countOne') : t('calendar.count', { n: props.deadlines.length })}
        </text>
      </svg>
      <figcaption class="ds-paragraph" data-size="sm" id="wheel-caption">
        {t('calendar.wheel.desc', { fromMonth: formatMonth(start, v.lang) })}
      </figcaption>
    </figure>
  );
}

export function CalendarView(props: { v: ViewContext } & CalendarPageData) {
  const { v, organisation: o } = props;
  const { t } = v;
  const presented = props.deadlines.map((d) => presentDeadline(d, t, v.lang));
  const months = groupByMonth(presented);
  const isLeader = props.role === 'leader';
  return (
    <>
      <Breadcrumbs v={v} organisation={o} current={t('calendar.title')} />
      <h1 class="ds-heading" data-size="lg">
        {t('calendar.title')}
      </h1>
      <p class="ds-paragraph lead">{t('calendar.lead', { name: o.name })}</p>
      <p class="ds-paragraph">
        {props.statutes.source === 'statutes'
          ? t('calendar.basedOnStatutes', { version: props.statutes.version ?? '' })
          : t('calendar.basedOnDefaults')}
      </p>

      <section aria-labelledby="deadlines-heading">
        <h2 class="ds-heading" data-size="md" id="deadlines-heading">
          {t('calendar.listHeading')}
        </h2>
        {presented.length === 0 ? (
          <p class="ds-paragraph">{t('calendar.empty')}</p>
        ) : (
          <>
            <Wheel v={v} today={props.today} deadlines={presented} />
            {months.map((m) => (
              <section aria-labelledby={`month-${m.month}`} class="calendar-month">
                <h3 class="ds-heading" data-size="sm" id={`month-${m.month}`}>
                  {formatMonth(m.first, v.lang)}
                </h3>
                <ol class="ds-list--unstyled calendar-list">
                  {m.items.map((d) => (
                    <DeadlineItem v={v} d={d} />
                  ))}
                </ol>
              </section>
            ))}
          </>
        )}
      </section>

      <section aria-labelledby="abonnement" class="stack">
        <h2 class="ds-heading" data-size="md" id="abonnement">
          {t('calendar.feed.heading')}
        </h2>
        <p class="ds-paragraph lead">{t('calendar.feed.lead')}</p>
        {props.feedUrl ? (
          <div class="ds-alert" data-color="info">
            <div class="ds-field form-field">
              <label class="ds-label" for="feed-url">
                {t('calendar.feed.newUrl')}
              </label>
              <div class="ds-paragraph field-description" id="feed-url-desc" data-size="sm">
                {t('calendar.feed.newUrlHint')}
              </div>
              <input class="ds-input" id="feed-url" type="text" readonly value={props.feedUrl} aria-describedby="feed-url-desc" />
            </div>
            <p class="ds-paragraph">
              <a class="ds-link" href={props.feedUrl.replace(/^https?:/, 'webcal:')}>
                {t('calendar.feed.webcal')}
              </a>
            </p>
          </div>
        ) : null}
        <p class="ds-paragraph">
          {props.feed ? t('calendar.feed.exists', { date: formatDate(osloDate(props.feed.createdAt), v.lang) }) : t('calendar.feed.none')}
        </p>
        {isLeader ? (
          <form method="post" action={`/arbeidsrom/${o.id}/arshjul/abonnement`}>
            <CsrfField v={v} />
            <button type="submit" class="ds-button" data-variant={props.feed ? 'secondary' : 'primary'}>
              {props.feed ? t('calendar.feed.rotate') : t('calendar.feed.create')}
            </button>
          </form>
        ) : (
          <p class="ds-paragraph">{t('calendar.feed.askLeader')}</p>
        )}
      </section>

      <section aria-labelledby="paaminnelser" class="stack">
        <h2 class="ds-heading" data-size="md" id="paaminnelser">
          {t('calendar.reminders.heading')}
        </h2>
        <p class="ds-paragraph">{t('calendar.reminders.lead', { days: listDays(v, props.reminders.days) })}</p>
        {props.reminders.email === null ? (
          <p class="ds-paragraph">{t('calendar.reminders.noEmail')}</p>
        ) : (
          <>
            <p class="ds-paragraph">
              {props.reminders.subscribed ? t('calendar.reminders.on', { email: props.reminders.email }) : t('calendar.reminders.off')}
            </p>
            <form method="post" action={`/arbeidsrom/${o.id}/arshjul/paaminnelser`}>
              <CsrfField v={v} />
              <input type="hidden" name="paaminnelser" value={props.reminders.subscribed ? 'av' : 'pa'} />
              <button type="submit" class="ds-button" data-variant={props.reminders.subscribed ? 'secondary' : 'primary'}>
                {props.reminders.subscribed ? t('calendar.reminders.unsubscribe') : t('calendar.reminders.subscribe')}
              </button>
            </form>
          </>
        )}
      </section>
    </>
  );
}

/** The page an unsubscribe link opens: a confirm button (GET never changes anything), or the outcome. */
export function UnsubscribeView(props: { v: ViewContext; token: string; organisationName: string; subscribed: boolean }) {
  const { v } = props;
  const { t } = v;
  if (!props.subscribed) {
    return (
      <>
        <h1 class="ds-heading" data-size="lg">
          {t('calendar.unsubscribe.doneTitle')}
        </h1>
        <p class="ds-paragraph">{t('calendar.unsubscribe.done', { name: props.organisationName })}</p>
      </>
    );
  }
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {t('calendar.unsubscribe.title')}
      </h1>
      <p class="ds-paragraph">{t('calendar.unsubscribe.lead', { name: props.organisationName })}</p>
      <form method="post" action={`/kalender/avmelding/${props.token}`}>
        <CsrfField v={v} />
        <button type="submit" class="ds-button" data-variant="primary">
          {t('calendar.unsubscribe.confirm')}
        </button>
      </form>
    </>
  );
}
