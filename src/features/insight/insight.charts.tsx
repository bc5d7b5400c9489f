import { formatCount } from './insight.tables.ts';

/** Width of the drawing in SVG units; CSS scales it to the column (viewBox), down to a 320 px screen. */
const WIDTH = 320;
const LINE = 17;
const BAR = 14;
const GAP = 12;
/** Room right of the longest bar for its value ("123 456"). */
const VALUE_SPACE = 62;
/** Characters per label line at the chart's font size (14 units); longer labels wrap onto a second line. */
const LINE_CHARS = 38;

/** Splits a label into at most two lines at spaces; a longer label ends in "…" (the table beside has it in full). */
export function wrapLabel(label: string, max = LINE_CHARS): string[] {
  if (label.length <= max) return [label];
  const lines: string[] = [];
  let current = '';
  for (const word of label.split(' ')) {
    if (current && `${current} ${word}`.length > max) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  lines.push(current);
  if (lines.length <= 2 && lines.every((l) => l.length <= max)) return lines;
  const second = lines.slice(1).join(' ');
  return [lines[0]!.slice(0, max), second.length > max ? `${second.slice(0, max - 1)}…` : second];
}

/**
 * A horizontal bar chart drawn on the server as SVG: no script, one series, so no colour carries meaning —
 * each bar is named by a text label above it and its value is written beside it (WCAG 1.4.1). role="img" with
 * <title> and <desc> names it for screen readers, and the data table beside it has the same numbers
 * (WCAG 1.1.1). Everything is in viewBox units, so CSS scales it to any width without horizontal scrolling.
 */
export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  /** `display` replaces the number written beside the bar (e.g. "færre enn 5" where a count is withheld). */
  bars: { label: string; value: number; display?: string }[];
}) {
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  let y = 0;
  const rows = props.bars.map((bar) => {
    const lines = wrapLabel(bar.label);
    const top = y;
    y += lines.length * LINE + BAR + GAP;
    return { bar, lines, top };
  });
  // A little room under the last bar for the descenders of its value.
  const height = Math.max(LINE + BAR, y - GAP) + 4;
  return (
    <svg
      class="bar-chart"
      role="img"
      aria-labelledby={`${props.id}-title`}
      aria-describedby={`${props.id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      focusable="false"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {rows.map(({ bar, lines, top }) => {
        const barTop = top + lines.length * LINE + 2;
        const w = bar.value > 0 ? Math.max(2, Math.round((bar.value / max) * (WIDTH - VALUE_SPACE))) : 0;
        return (
          <g>
            <text class="bar-chart__label" x={0} y={top + 13}>
              {lines.map((line, i) => (
                <tspan x={0} dy={i === 0 ? 0 : LINE}>
                  {line}
                </tspan>
              ))}
            </text>
            <rect class="bar-chart__bar" x={0} y={barTop} width={w} height={BAR} />
            <text class="bar-chart__value" x={w + 5} y={barTop + 12}>
              {bar.display ?? formatCount(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
