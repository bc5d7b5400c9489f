import type { MessageKey, Translate } from '../../core/i18n/catalogue.ts';
import type { Lang } from '../../core/i18n/i18n.ts';
import type { IsoDate } from './calendar.dates.ts';
import type { CalendarTaskId, Deadline } from './calendar.rules.ts';

/**
 * Turns a rule's output into text in one language — the same words on the page, in the .ics feed and in the
 * reminder e-mails.
 */

const LOCALE: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** "1. september 2025" (the ISO date is a calendar date: formatted in UTC so it never shifts a day). */
export function formatDate(date: IsoDate, lang: Lang): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' });
}

/** "mandag 1. september" for list entries. */
export function formatDayWithWeekday(date: IsoDate, lang: Lang): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(LOCALE[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
}

/** "september 2025" for month headings. */
export function formatMonth(date: IsoDate, lang: Lang): string {
  const text = new Date(`${date}T00:00:00Z`).toLocaleDateString(LOCALE[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Parameters with names ending in "Date" are ISO dates; everything else is passed through. */
function formatParams(params: Deadline['params'], lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = key.endsWith('Date') && typeof value === 'string' ? formatDate(value, lang) : value;
  }
  return out;
}

/** Where each canonical task lives on the life-event map (/livshendelse/<phase-slug>#<task-id>). */
const TASK_PHASE: Record<CalendarTaskId, string> = {
  'hold-arsmote': 'drive',
  'oppdater-register-etter-arsmote': 'drive',
  'sok-momskompensasjon': 'drive',
  'bokforing-og-regnskap': 'drive',
  'send-arsregnskap-regnskapsregisteret': 'drive',
  politiattest: 'drive',
  'registrer-frivillighetsregisteret': 'starte',
  'meld-grasrotandel': 'starte',
  'vedta-opplosning': 'avvikle',
  'ekstraordinaert-arsmote-sletting': 'avvikle',
  'meld-sletting': 'avvikle',
};

export function taskHref(taskId: CalendarTaskId): string {
  return `/livshendelse/${TASK_PHASE[taskId]}#${taskId}`;
}

export interface PresentedDeadline {
  id: string;
  date: IsoDate;
  dateText: string;
  kind: Deadline['kind'];
  kindText: string;
  title: string;
  why: string;
  citation: string;
  citationUrl?: string;
  window?: string;
  /** "frist og varsler for årsmøtet (fra vedtektene)" … */
  basedOn: string[];
  taskHref: string;
}

export function presentDeadline(d: Deadline, t: Translate, lang: Lang): PresentedDeadline {
  const params = formatParams(d.params, lang);
  return {
    id: d.id,
    date: d.date,
    dateText: formatDate(d.date, lang),
    kind: d.kind,
    kindText: t(`calendar.kind.${d.kind}` as MessageKey),
    title: t(d.titleKey, params),
    why: t(d.whyKey, params),
    citation: t(d.citation.key),
    citationUrl: d.citation.url,
    window: d.window
      ? t('calendar.window', { fromDate: formatDate(d.window.from, lang), toDate: formatDate(d.window.to, lang) })
      : undefined,
    basedOn: d.inputs.map((i) =>
      t('calendar.inputFrom', {
        input: t(`calendar.input.${i.name}` as MessageKey),
        source: t(`calendar.source.${i.source}` as MessageKey),
      }),
    ),
    taskHref: taskHref(d.taskId),
  };
}

/** Deadlines grouped by calendar month, in order ("2025-09" → […]). */
export function groupByMonth<T extends { date: IsoDate }>(items: T[]): { month: string; first: IsoDate; items: T[] }[] {
  const groups: { month: string; first: IsoDate; items: T[] }[] = [];
  for (const item of items) {
    const month = item.date.slice(0, 7);
    const last = groups.at(-1);
    if (last && last.month === month) last.items.push(item);
    else groups.push({ month, first: `${month}-01`, items: [item] });
  }
  return groups;
}
