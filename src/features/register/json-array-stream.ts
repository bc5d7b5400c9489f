/**
 * Incremental splitter of one top-level JSON array into the bytes of its elements.
 *
 * Enhetsregisteret's bulk download is a single JSON array of about 1.17 million units (~2 GB uncompressed,
 * brief §1.4), so it must never be parsed whole. The splitter scans Buffers byte by byte, tracking strings,
 * escapes and bracket depth, and hands out each top-level element as it completes; the caller JSON.parses
 * one element at a time. Memory held between chunks is only the unfinished element (bounded by
 * `maxElementBytes`), whatever the size of the file. `maxHeldBytes` records the high-water mark so a test can
 * prove that bound without timing anything.
 *
 * It is deliberately lenient inside the array: an element is everything between two top-level commas, so a
 * record with stray characters or a missing comma between two records comes out as one element that fails
 * JSON.parse and is quarantined with its raw text (nothing is skipped silently). What it cannot recover from
 * — input that is not an array, data after the closing bracket, a file that ends inside the array (truncated),
 * or an element larger than the limit (unbalanced brackets or quotes) — throws a JsonStreamError.
 */

export class JsonStreamError extends Error {
  constructor(
    message: string,
    /** Byte offset in the (uncompressed) input where the problem was found. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonStreamError';
  }
}

export interface JsonArraySplitterOptions {
  /** Largest element accepted; a bigger one means the structure is broken. A unit is ~2 KB. Default 8 MiB. */
  maxElementBytes?: number;
}

// States of the scanner (plain numbers: the hot loop compares them millions of times).
const BEFORE_ARRAY = 0;
const BEFORE_ELEMENT = 1;
const IN_ELEMENT = 2;
const AFTER_ARRAY = 3;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

const EMPTY = Buffer.alloc(0);

export class JsonArraySplitter {
  private state = BEFORE_ARRAY;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** A separator (comma) has been seen, so "]" now closes an element rather than an empty array. */
  private sawSeparator = false;
  /** Copies of the unfinished element's bytes from earlier chunks. */
  private parts: Buffer[] = [];
  private readonly maxElementBytes: number;

  /** Uncompressed bytes consumed so far. */
  bytesIn = 0;
  /** Elements emitted so far (the next element's index). */
  elements = 0;
  /** Bytes currently held for an unfinished element. */
  heldBytes = 0;
  /** The most bytes ever held at once: the splitter's memory high-water mark. */
  maxHeldBytes = 0;

  constructor(opts: JsonArraySplitterOptions = {}) {
    this.maxElementBytes = opts.maxElementBytes ?? 8 * 1024 * 1024;
  }

  /** Feeds the next chunk; returns the elements it completed, in order (possibly none). */
  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    const base = this.bytesIn;
    const n = chunk.length;
    let i = 0;
    // Start of the current element inside this chunk (only meaningful while IN_ELEMENT).
    let start = 0;

    while (i < n) {
      const state = this.state;
      if (state === IN_ELEMENT) {
        // The hot loop: local copies of the scanner flags, written back when the element or chunk ends.
        let depth = this.depth;
        let inString = this.inString;
        let escaped = this.escaped;
        let ended = -1;
        let closesArray = false;
        // Position of the next backslash in this chunk (n when none): lets string bodies, most of the bytes,
        // be skipped with native indexOf instead of the byte loop.
        let nextBackslash = -1;
        for (; i < n; i++) {
          if (inString) {
            if (escaped) {
              escaped = false;
              continue;
            }
            const quote = chunk.indexOf(QUOTE, i);
            if (nextBackslash < i) {
              nextBackslash = chunk.indexOf(BACKSLASH, i);
              if (nextBackslash < 0) nextBackslash = n;
            }
            if (quote < 0 && nextBackslash === n) {
              i = n - 1; // the string continues in the next chunk
              continue;
            }
            if (nextBackslash < n && (quote < 0 || nextBackslash < quote)) {
              i = nextBackslash;
              escaped = true;
              continue;
            }
            i = quote;
            inString = false;
            continue;
          }
          const b = chunk[i]!;
          if (b === QUOTE) inString = true;
          else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
          else if (b === CLOSE_BRACE) {
            if (depth > 0) depth--;
          } else if (b === CLOSE_BRACKET) {
            if (depth > 0) depth--;
            else {
              ended = i;
              closesArray = true;
              break;
            }
          } else if (b === COMMA && depth === 0) {
            ended = i;
            break;
          }
        }
        this.depth = depth;
        this.inString = inString;
        this.escaped = escaped;
        if (ended < 0) {
          this.hold(chunk.subarray(start), base + n);
          break;
        }
        out.push(this.finishElement(chunk.subarray(start, ended)));
        i = ended + 1;
        if (closesArray) this.state = AFTER_ARRAY;
        else {
          this.state = BEFORE_ELEMENT;
          this.sawSeparator = true;
        }
        continue;
      }

      const b = chunk[i]!;
      if (isWhitespace(b)) {
        i++;
        continue;
      }
      if (state === BEFORE_ELEMENT) {
        if (b === COMMA) {
          // "[a,,b]": an empty element. Emitted so the caller quarantines it instead of it vanishing.
          out.push(this.finishElement(EMPTY));
          this.sawSeparator = true;
          i++;
        } else if (b === CLOSE_BRACKET) {
          // "[]" is an empty array; "[a,]" ends with an empty element (a trailing comma).
          if (this.sawSeparator) out.push(this.finishElement(EMPTY));
          this.state = AFTER_ARRAY;
          i++;
        } else {
          this.state = IN_ELEMENT;
          this.depth = 0;
          this.inString = false;
          this.escaped = false;
          start = i;
        }
        continue;
      }
      if (state === BEFORE_ARRAY) {
        // A UTF-8 byte order mark at the very start is allowed.
        if (base + i === 0 && b === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
          i += 3;
          continue;
        }
        if (b !== OPEN_BRACKET) {
          throw new JsonStreamError(
            `The input is not a JSON array: it starts with ${JSON.stringify(chunk.subarray(i, i + 20).toString('utf8'))} at byte ${base + i}.`,
            base + i,
          );
        }
        this.state = BEFORE_ELEMENT;
        i++;
        continue;
      }
      // AFTER_ARRAY: only whitespace may follow the closing bracket.
      throw new JsonStreamError(
        `Unexpected data after the end of the JSON array at byte ${base + i}: ${JSON.stringify(chunk.subarray(i, i + 20).toString('utf8'))}.`,
        base + i,
      );
    }
    this.bytesIn = base + n;
    return out;
  }

  /** Call at the end of the input: throws unless the array was closed. */
  end(): void {
    if (this.state === AFTER_ARRAY) return;
    if (this.state === BEFORE_ARRAY) {
      throw new JsonStreamError(
        this.bytesIn === 0 ? 'The input is empty: expected a JSON array.' : 'The input has no JSON array.',
        this.bytesIn,
      );
    }
    const where = this.state === IN_ELEMENT ? ` inside element ${this.elements}` : '';
    throw new JsonStreamError(
      `The input ended${where} before the JSON array was closed, after ${this.elements} complete element(s) and ${this.bytesIn} bytes: the file is truncated or corrupt.`,
      this.bytesIn,
    );
  }

  /** Whether the closing bracket has been seen. */
  get closed(): boolean {
    return this.state === AFTER_ARRAY;
  }

  private hold(rest: Buffer, offset: number): void {
    if (rest.length === 0) return;
    // A copy, so the held element does not pin the whole chunk it came from.
    this.parts.push(Buffer.from(rest));
    this.heldBytes += rest.length;
    if (this.heldBytes > this.maxHeldBytes) this.maxHeldBytes = this.heldBytes;
    if (this.heldBytes > this.maxElementBytes) {
      throw new JsonStreamError(
        `Element ${this.elements} is larger than ${this.maxElementBytes} bytes (at byte ${offset}): the file is corrupt (unbalanced brackets or quotes?).`,
        offset,
      );
    }
  }

  private finishElement(tail: Buffer): Buffer {
    this.elements++;
    if (this.parts.length === 0) return tail;
    const total = this.heldBytes + tail.length;
    if (total > this.maxElementBytes) {
      throw new JsonStreamError(
        `Element ${this.elements - 1} is larger than ${this.maxElementBytes} bytes: the file is corrupt.`,
        this.bytesIn,
      );
    }
    const whole = Buffer.concat([...this.parts, tail], total);
    this.parts = [];
    this.heldBytes = 0;
    return whole;
  }
}

/**
 * The elements of the JSON array in `source`, in order, as raw bytes. Throws JsonStreamError when the input
 * is not one complete array. Breaking out of the loop stops reading the source.
 */
export async function* splitJsonArray(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  splitter: JsonArraySplitter = new JsonArraySplitter(),
): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    for (const element of splitter.push(buf)) yield element;
  }
  splitter.end();
}
