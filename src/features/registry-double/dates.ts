/**
 * Calendar dates as day numbers (days since 1970-01-01, UTC), so the generator can add, compare and pick dates
 * with integer arithmetic and format them without Date objects (Howard Hinnant's civil-from-days algorithm).
 */
export const DAY_MS = 86_400_000;

export function dayFromIso(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function isoFromDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function yearOfDay(day: number): number {
  return Number(isoFromDay(day).slice(0, 4));
}

export function dayOfYearStart(year: number): number {
  return Math.floor(Date.UTC(year, 0, 1) / DAY_MS);
}

/** "2026-09-14T04:05:11.193Z" — the change feeds' timestamp format. */
export function isoFromMs(ms: number): string {
  return new Date(ms).toISOString();
}
