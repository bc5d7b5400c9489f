/**
 * A small, strict iCalendar reader for tests (RFC 5545): it refuses bare LF line endings, physical lines over
 * 75 octets, folds that split a UTF-8 character, unbalanced BEGIN/END and bad escapes — so a test that parses the
 * feed back proves the writer follows the format, not just that a lenient client copes.
 */

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcsComponent {
  type: string;
  properties: IcsProperty[];
  components: IcsComponent[];
}

export function unescapeText(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => {
    if (c === 'n' || c === 'N') return '\n';
    if (c === '\\' || c === ';' || c === ',') return c;
    throw new Error(`bad escape \\${c}`);
  });
}

export function parseIcs(text: string): IcsComponent {
  if (!text.endsWith('\r\n')) throw new Error('the document must end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const [i, line] of physical.entries()) {
    if (line.includes('\n') || line.includes('\r')) throw new Error(`line ${i + 1}: bare CR or LF`);
    const octets = Buffer.byteLength(line, 'utf8');
    if (octets > 75) throw new Error(`line ${i + 1}: ${octets} octets, more than 75`);
    if (line.includes('\uFFFD')) throw new Error(`line ${i + 1}: a UTF-8 character was split`);
  }
  // Check that no fold split a multi-byte character: each physical line must be valid UTF-8 on its own.
  const raw = Buffer.from(text, 'utf8');
  let start = 0;
  for (let i = 0; i < raw.length - 1; i++) {
    if (raw[i] === 0x0d && raw[i + 1] === 0x0a) {
      const piece = raw.subarray(start, i);
      if (Buffer.from(piece.toString('utf8'), 'utf8').compare(piece) !== 0) throw new Error('a fold split a UTF-8 sequence');
      start = i + 2;
    }
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical.length === 0) throw new Error('continuation before the first line');
      logical[logical.length - 1] += line.slice(1);
    } else {
      logical.push(line);
    }
  }
  const root: IcsComponent = { type: '', properties: [], components: [] };
  const stack: IcsComponent[] = [root];
  for (const line of logical) {
    const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^;:,"]*))*):(.*)$/.exec(line);
    if (!m) throw new Error(`not a content line: ${line}`);
    const name = m[1]!.toUpperCase();
    const params: Record<string, string> = {};
    for (const p of m[2]!.split(';').slice(1)) {
      const [k, v = ''] = p.split('=');
      params[k!.toUpperCase()] = v.replace(/^"|"$/g, '');
    }
    const value = m[3]!;
    const top = stack.at(-1)!;
    if (name === 'BEGIN') {
      const child: IcsComponent = { type: value.toUpperCase(), properties: [], components: [] };
      top.components.push(child);
      stack.push(child);
    } else if (name === 'END') {
      if (top.type !== value.toUpperCase()) throw new Error(`END:${value} closes ${top.type || 'nothing'}`);
      stack.pop();
    } else {
      if (stack.length === 1) throw new Error(`property ${name} outside a component`);
      top.properties.push({ name, params, value });
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed ${stack.at(-1)!.type}`);
  if (root.components.length !== 1 || root.components[0]!.type !== 'VCALENDAR') throw new Error('one VCALENDAR expected');
  return root.components[0]!;
}

export function prop(component: IcsComponent, name: string): IcsProperty | undefined {
  return component.properties.find((p) => p.name === name);
}
