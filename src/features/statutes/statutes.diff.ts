/**
 * A readable diff between two versions of the statutes: first paragraph by paragraph (the text's blocks
 * are separated by blank lines, see statutesText), then word by word inside a paragraph that was changed
 * rather than replaced. Plain longest-common-subsequence: statutes are a few thousand words, so the
 * quadratic table stays small.
 */

export type DiffToken = { kind: 'same' | 'added' | 'removed'; text: string };

export type DiffBlock =
  | { kind: 'same'; text: string }
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'changed'; tokens: DiffToken[] };

export interface StatutesDiff {
  blocks: DiffBlock[];
  summary: { added: number; removed: number; changed: number };
}

type Op<T> = { kind: 'same' | 'added' | 'removed'; item: T };

/** Edit script from `a` to `b` by longest common subsequence (deletions before insertions in a hunk). */
export function lcsDiff<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean = (x, y) => x === y): Op<T>[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = equal(a[i]!, b[j]!)
        ? lengths[(i + 1) * width + j + 1]! + 1
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const ops: Op<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (equal(a[i]!, b[j]!)) {
      ops.push({ kind: 'same', item: a[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      ops.push({ kind: 'removed', item: a[i]! });
      i++;
    } else {
      ops.push({ kind: 'added', item: b[j]! });
      j++;
    }
  }
  while (i < n) ops.push({ kind: 'removed', item: a[i++]! });
  while (j < m) ops.push({ kind: 'added', item: b[j++]! });
  return ops;
}

export function splitBlocks(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean);
}

/** Words and the whitespace between them, so joining the tokens gives the text back. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Word-level diff of one paragraph; neighbouring tokens of the same kind are merged. */
export function diffWords(before: string, after: string): DiffToken[] {
  const out: DiffToken[] = [];
  for (const op of lcsDiff(tokens(before), tokens(after))) {
    const last = out.at(-1);
    if (last && last.kind === op.kind) last.text += op.item;
    else out.push({ kind: op.kind, text: op.item });
  }
  return out;
}

/** Share of the words two paragraphs have in common: a paragraph rewritten from scratch is "replaced". */
function similarity(a: string, b: string): number {
  const wa = a.split(/\s+/).filter(Boolean);
  const wb = b.split(/\s+/).filter(Boolean);
  if (wa.length === 0 || wb.length === 0) return 0;
  const common = lcsDiff(wa, wb).filter((op) => op.kind === 'same').length;
  return (2 * common) / (wa.length + wb.length);
}

export function diffStatutes(beforeText: string, afterText: string): StatutesDiff {
  const ops = lcsDiff(splitBlocks(beforeText), splitBlocks(afterText));
  const blocks: DiffBlock[] = [];
  const summary = { added: 0, removed: 0, changed: 0 };
  let k = 0;
  while (k < ops.length) {
    const op = ops[k]!;
    if (op.kind === 'same') {
      blocks.push({ kind: 'same', text: op.item });
      k++;
      continue;
    }
    // A hunk: the removed paragraphs and the added ones between two unchanged paragraphs.
    const removed: string[] = [];
    const added: string[] = [];
    while (k < ops.length && ops[k]!.kind !== 'same') {
      const o = ops[k]!;
      (o.kind === 'removed' ? removed : added).push(o.item);
      k++;
    }
    // Pair them in order; a pair with enough words in common is shown as one changed paragraph.
    const pairs = Math.min(removed.length, added.length);
    for (let p = 0; p < Math.max(removed.length, added.length); p++) {
      const r = removed[p];
      const a = added[p];
      if (p < pairs && r !== undefined && a !== undefined && similarity(r, a) >= 0.4) {
        blocks.push({ kind: 'changed', tokens: diffWords(r, a) });
        summary.changed++;
      } else {
        if (r !== undefined) {
          blocks.push({ kind: 'removed', text: r });
          summary.removed++;
        }
        if (a !== undefined) {
          blocks.push({ kind: 'added', text: a });
          summary.added++;
        }
      }
    }
  }
  return { blocks, summary };
}
