import type { IsoDate } from './calendar.dates.ts';
import { addDays } from './calendar.dates.ts';

/**
 * A minimal, strict iCalendar writer (RFC 5545) for the årshjul subscription feed: all-day events only.
 * Lines end in CRLF (§3.1), lines longer than 75 octets are folded with CRLF + space without splitting a UTF-8
 * character (§3.1), and TEXT values escape backslash, semicolon, comma and newline (§3.3.11).
 */

export interface IcsEvent {
  /** Globally unique and stable for the same deadline, so a changed date updates the event instead of adding one. */
  uid: string;
  date: IsoDate;
  summary: string;
  description: string;
  url?: string;
  categories?: string;
}

export interface IcsCalendar {
  prodId: string;
  name: string;
  description: string;
  /** When the feed was produced (DTSTAMP of every event). */
  stamp: Date;
  events: IcsEvent[];
}

/** TEXT escaping (RFC 5545 §3.3.11). CR/LF pairs and lone CRs become one \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const MAX_OCTETS = 75;

/**
 * Folds one content line into physical lines of at most 75 octets (the leading space of a continuation counts).
 * Cuts only between characters, so a multi-byte UTF-8 sequence (æ, ø, å, –) is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the continuation line starts with a space
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** 20250901 */
function dateValue(date: IsoDate): string {
  return date.replace(/-/g, '');
}

/** 20250110T083000Z */
function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

export function buildIcs(calendar: IcsCalendar): string {
  const stamp = utcStamp(calendar.stamp);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    `PRODID:${calendar.prodId}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-CALDESC:${escapeText(calendar.description)}`,
    // Hints for clients that honour them (RFC 7986 REFRESH-INTERVAL; the older X-PUBLISHED-TTL).
    'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
    'X-PUBLISHED-TTL:PT12H',
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${dateValue(event.date)}`,
      // All-day: DTEND is exclusive, the next day (RFC 5545 §3.6.1).
      `DTEND;VALUE=DATE:${dateValue(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      ...(event.url ? [`URL:${event.url}`] : []),
      ...(event.categories ? [`CATEGORIES:${escapeText(event.categories)}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
