import { describe, expect, it } from 'vitest';
import { createProgressReporter, estimateRemaining, formatBytes, formatDuration, renderBar } from './progress.ts';

function output(isTTY: boolean) {
  const writes: string[] = [];
  return { out: { isTTY, columns: 100, write: (t: string) => writes.push(t) }, writes };
}

describe('import progress', () => {
  it('formats durations, sizes, bars and the remaining time', () => {
    expect(formatDuration(4_400)).toBe('4s');
    expect(formatDuration(83_000)).toBe('1m 23s');
    expect(formatDuration(3_723_000)).toBe('1h 02m');
    expect(formatDuration(Number.NaN)).toBe('?');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(155 * 1024 * 1024)).toBe('155 MiB');
    expect(renderBar(0.5, 10)).toBe('[#####-----]');
    expect(renderBar(2, 4)).toBe('[####]');
    // A quarter done in 10 s (starting from nothing) leaves 30 s; resumed at 50 %, 25 % more in 10 s leaves 10 s.
    expect(estimateRemaining(10_000, 0, 0.25)).toBe(30_000);
    expect(estimateRemaining(10_000, 0.5, 0.75)).toBe(10_000);
  });

  it('on a terminal redraws one line with bar, percentage, rate and ETA, and clears it at the end', () => {
    let t = 0;
    const { out, writes } = output(true);
    const progress = createProgressReporter(out, { now: () => t, redrawMs: 100 });
    progress.start({ label: 'enheter', totalBytes: 1000 });
    t = 1000;
    progress.update({ records: 500, bytes: 250 });
    t = 1050;
    progress.update({ records: 510, bytes: 260 }); // within the redraw interval: not drawn
    t = 2000;
    progress.update({ records: 1000, bytes: 500 });
    progress.stop();
    expect(writes).toHaveLength(3);
    expect(writes[0]).toBe('\r\x1b[2Kenheter  [######------------------]  25.0%  500 records  250 B of 1000 B  500/s  ETA 3s');
    expect(writes[1]).toBe('\r\x1b[2Kenheter  [############------------]  50.0%  1,000 records  500 B of 1000 B  500/s  ETA 2s');
    expect(writes[2]).toBe('\r\x1b[2K');
  });

  it('elsewhere prints a plain line every N records or every few seconds', () => {
    let t = 0;
    const { out, writes } = output(false);
    const progress = createProgressReporter(out, { now: () => t, everyRecords: 1000, everyMs: 5000 });
    progress.start({ label: 'frivillige' });
    for (let r = 1; r <= 2500; r++) {
      t = r;
      progress.update({ records: r });
    }
    t = 10_000;
    progress.update({ records: 2600, note: '26 pages' });
    expect(writes).toEqual([
      'frivillige  1,000 records  1,000/s\n',
      'frivillige  2,000 records  1,000/s\n',
      'frivillige  2,600 records  260/s  26 pages\n',
    ]);
  });
});
