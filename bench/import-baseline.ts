/**
 * The floor of the import benchmark: read a bulk file (a gzip-compressed JSON array, brief §1.4) as a stream,
 * gunzip it, cut it into its top-level elements and JSON.parse every one, and nothing else — no validation,
 * no hashing, no database. `frivillig import enheter` cannot be faster than this on the same file, so the
 * benchmark reports the importer's time as a multiple of it.
 *
 * Deliberately self-contained (it does not use the importer's splitter), so a slow splitter in the importer
 * shows up in the ratio instead of in both. Writes `{ records, bytes, ms }` as JSON to stdout.
 *
 *   node --import tsx bench/import-baseline.ts <file.json.gz>
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const file = process.argv[2];
if (!file) throw new Error('usage: node --import tsx bench/import-baseline.ts <file.json.gz>');

const started = performance.now();
let records = 0;
let bytes = 0;
/** Bracket depth: 1 inside the top-level array. */
let depth = 0;
let inString = false;
let escaped = false;
/** Bytes of the unfinished element carried over from earlier chunks. */
let carry: Buffer[] = [];
let closed = false;

function emit(parts: Buffer[]): void {
  const text = (parts.length === 1 ? parts[0]! : Buffer.concat(parts)).toString('utf8');
  // Every element is parsed; the result is used (counted) so the work cannot be optimised away.
  const value = JSON.parse(text) as unknown;
  if (value !== null) records++;
}

for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(createGunzip({ chunkSize: 256 * 1024 }))) {
  const buf = chunk as Buffer;
  bytes += buf.length;
  const n = buf.length;
  let start = 0;
  // A plain byte loop: measured faster here than skipping string bodies with Buffer.indexOf, whose per-call
  // cost outweighs the short strings of a unit record.
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (b === BACKSLASH) escaped = true;
      else if (b === QUOTE) inString = false;
      continue;
    }
    if (b === QUOTE) inString = true;
    else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      depth++;
      if (depth === 2) start = i;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
      if (depth === 1) {
        carry.push(buf.subarray(start, i + 1));
        emit(carry);
        carry = [];
      } else if (depth === 0) closed = true;
    }
  }
  // The element continues in the next chunk: keep a copy of what this chunk holds of it.
  if (depth >= 2) carry.push(Buffer.from(buf.subarray(carry.length === 0 ? start : 0)));
}
if (!closed) throw new Error(`${file}: the JSON array is not closed (truncated file?)`);
process.stdout.write(`${JSON.stringify({ records, bytes, ms: performance.now() - started })}\n`);
