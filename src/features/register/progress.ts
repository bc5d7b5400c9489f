/**
 * Progress of a long import, for people watching it. On a terminal: one line redrawn in place with a bar,
 * rate and ETA (the ETA from bytes read of the compressed file when its size is known). Elsewhere (logs,
 * CI, a pipe): a plain line every `everyRecords` records or `everyMs` milliseconds, whichever comes first.
 */

export interface ProgressUpdate {
  /** Records handled in this session (including ones skipped on resume). */
  records: number;
  /** Bytes read of the source (compressed bytes for the bulk file). */
  bytes?: number;
  /** Extra words after the numbers, e.g. "12 quarantined". */
  note?: string;
}

export interface ProgressReporter {
  start(info: { label: string; totalBytes?: number; totalRecords?: number }): void;
  /** Cheap to call for every record; output is throttled. */
  update(update: ProgressUpdate): void;
  /** Ends the progress display (clears the terminal line) before the summary is printed. */
  stop(): void;
}

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

export function formatRate(perSecond: number): string {
  return `${formatCount(perSecond)}/s`;
}

/** A fixed-width bar of block characters, e.g. "[#####-----]". Plain ASCII so every terminal shows it. */
export function renderBar(fraction: number, width: number): string {
  const f = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(f * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/** Remaining time from the fraction done since `startFraction` in `elapsedMs`. */
export function estimateRemaining(elapsedMs: number, startFraction: number, fraction: number): number {
  const done = fraction - startFraction;
  if (done <= 0 || elapsedMs <= 0) return Number.NaN;
  return (elapsedMs / done) * (1 - fraction);
}

export function createProgressReporter(
  out: ProgressOutput,
  opts: { everyRecords?: number; everyMs?: number; redrawMs?: number; now?: () => number } = {},
): ProgressReporter {
  const now = opts.now ?? (() => performance.now());
  const everyRecords = opts.everyRecords ?? 100_000;
  const everyMs = opts.everyMs ?? 10_000;
  const redrawMs = opts.redrawMs ?? 200;
  const tty = out.isTTY === true;
  let label = '';
  let totalBytes: number | undefined;
  let totalRecords: number | undefined;
  let startedAt = 0;
  /** Fraction done when this session started (the bulk file is re-read from its start even on resume). */
  let startFraction = 0;
  let lastOutputAt = 0;
  let lastOutputRecords = 0;
  let drawn = false;

  const fractionOf = (u: ProgressUpdate): number | undefined => {
    if (totalBytes && u.bytes !== undefined) return Math.min(1, u.bytes / totalBytes);
    if (totalRecords) return Math.min(1, u.records / totalRecords);
    return undefined;
  };

  const line = (u: ProgressUpdate, t: number): string => {
    const elapsed = t - startedAt;
    const rate = elapsed > 0 ? (u.records / elapsed) * 1000 : 0;
    const fraction = fractionOf(u);
    const parts = [label];
    if (fraction !== undefined) {
      if (tty) parts.push(renderBar(fraction, 24));
      parts.push(`${(fraction * 100).toFixed(1)}%`);
    }
    parts.push(`${formatCount(u.records)} records`);
    if (u.bytes !== undefined) parts.push(totalBytes ? `${formatBytes(u.bytes)} of ${formatBytes(totalBytes)}` : formatBytes(u.bytes));
    parts.push(formatRate(rate));
    if (fraction !== undefined && fraction < 1) parts.push(`ETA ${formatDuration(estimateRemaining(elapsed, startFraction, fraction))}`);
    if (u.note) parts.push(u.note);
    return parts.join('  ');
  };

  return {
    start(info) {
      label = info.label;
      totalBytes = info.totalBytes;
      totalRecords = info.totalRecords;
      startedAt = now();
      lastOutputAt = startedAt;
      lastOutputRecords = 0;
      startFraction = 0;
    },
    update(u) {
      const t = now();
      if (tty) {
        if (t - lastOutputAt < redrawMs && drawn) return;
        let text = line(u, t);
        if (out.columns && text.length > out.columns - 1) text = text.slice(0, out.columns - 1);
        out.write(`\r\x1b[2K${text}`);
        drawn = true;
        lastOutputAt = t;
        return;
      }
      if (u.records - lastOutputRecords >= everyRecords || t - lastOutputAt >= everyMs) {
        out.write(`${line(u, t)}\n`);
        lastOutputAt = t;
        lastOutputRecords = u.records;
      }
    },
    stop() {
      if (tty && drawn) out.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/** A reporter that shows nothing (tests, library use). */
export const silentProgress: ProgressReporter = { start() {}, update() {}, stop() {} };
