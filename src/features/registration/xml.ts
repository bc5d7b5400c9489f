/**
 * Just enough XML for the registration package: writing (escaping, CDATA) and a small, strict reader for
 * well-formed documents (elements, attributes, text, CDATA, the five predefined entities and numeric
 * references; comments, processing instructions and the XML declaration are skipped; no DTDs — a DOCTYPE is
 * refused, which also rules out entity-expansion attacks). The intake double validates payloads with it and the
 * reply poller reads henvendelse.xml with it.
 */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

/** Characters XML 1.0 does not allow at all (C0 controls except tab, newline, carriage return). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function cleanXmlText(text: string): string {
  return text.replace(FORBIDDEN, '');
}

export interface XmlElement {
  /** The local name (prefix removed). */
  name: string;
  /** The namespace URI, resolved from xmlns declarations. */
  ns: string | null;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text and CDATA directly inside this element. */
  text: string;
}

export class XmlParseError extends Error {
  override name = 'XmlParseError';
}

function decodeEntities(text: string, at: number): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlParseError(`bad entity reference near offset ${at}`);
    if (ref === 'amp') return '&';
    if (ref === 'lt') return '<';
    if (ref === 'gt') return '>';
    if (ref === 'quot') return '"';
    if (ref === 'apos') return "'";
    const code = ref.startsWith('#x') ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

export function parseXml(input: string): XmlElement {
  let i = 0;
  // XML 1.0 §2.11: a parser sees every line break as \n (multipart form fields arrive with \r\n).
  const s = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const stack: { el: XmlElement; qname: string; nsMap: Map<string, string> }[] = [];
  let root: XmlElement | null = null;

  const skipMisc = () => {
    for (;;) {
      if (s.startsWith('<?', i)) {
        const end = s.indexOf('?>', i);
        if (end < 0) throw new XmlParseError('unterminated processing instruction');
        i = end + 2;
      } else if (s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i);
        if (end < 0) throw new XmlParseError('unterminated comment');
        i = end + 3;
      } else if (s.startsWith('<!DOCTYPE', i)) {
        throw new XmlParseError('DOCTYPE is not allowed');
      } else {
        return;
      }
    }
  };

  while (i < s.length) {
    if (stack.length === 0) {
      const ws = s.slice(i).match(/^\s*/)![0];
      i += ws.length;
      if (i >= s.length) break;
      skipMisc();
      const ws2 = s.slice(i).match(/^\s*/)![0];
      i += ws2.length;
      if (i >= s.length) break;
      if (root) throw new XmlParseError(`content after the root element at offset ${i}`);
      if (s[i] !== '<') throw new XmlParseError(`text outside the root element at offset ${i}`);
    }
    if (s.startsWith('<!--', i) || s.startsWith('<?', i) || s.startsWith('<!DOCTYPE', i)) {
      skipMisc();
      continue;
    }
    if (s.startsWith('<![CDATA[', i)) {
      const end = s.indexOf(']]>', i);
      if (end < 0 || stack.length === 0) throw new XmlParseError('bad CDATA section');
      stack[stack.length - 1]!.el.text += s.slice(i + 9, end);
      i = end + 3;
      continue;
    }
    if (s.startsWith('</', i)) {
      const end = s.indexOf('>', i);
      if (end < 0) throw new XmlParseError('unterminated end tag');
      const qname = s.slice(i + 2, end).trim();
      const top = stack.pop();
      if (!top || top.qname !== qname) throw new XmlParseError(`mismatched end tag </${qname}> at offset ${i}`);
      i = end + 1;
      continue;
    }
    if (s[i] === '<') {
      const m = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)/.exec(s.slice(i, i + 200));
      if (!m) throw new XmlParseError(`bad start tag at offset ${i}`);
      const qname = m[1]!;
      i += m[0].length;
      const rawAttributes: [string, string][] = [];
      for (;;) {
        const ws = s.slice(i).match(/^\s*/)![0];
        i += ws.length;
        if (s.startsWith('/>', i) || s[i] === '>') break;
        if (!ws) throw new XmlParseError(`attributes must be separated by white space at offset ${i}`);
        const am = /^([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(s.slice(i, i + 20_000));
        if (!am) throw new XmlParseError(`bad attribute at offset ${i}`);
        if (rawAttributes.some(([k]) => k === am[1])) throw new XmlParseError(`duplicate attribute ${am[1]}`);
        rawAttributes.push([am[1]!, decodeEntities(am[3] ?? am[4] ?? '', i)]);
        i += am[0].length;
      }
      const selfClosing = s.startsWith('/>', i);
      i += selfClosing ? 2 : 1;
      const parentNs = stack.length ? stack[stack.length - 1]!.nsMap : new Map<string, string>();
      const nsMap = new Map(parentNs);
      const attributes: Record<string, string> = {};
      for (const [k, v] of rawAttributes) {
        if (k === 'xmlns') nsMap.set('', v);
        else if (k.startsWith('xmlns:')) nsMap.set(k.slice(6), v);
      }
      for (const [k, v] of rawAttributes) {
        if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
        attributes[k] = v;
      }
      const [prefix, local] = qname.includes(':') ? (qname.split(':') as [string, string]) : ['', qname];
      if (prefix && !nsMap.has(prefix)) throw new XmlParseError(`undeclared prefix ${prefix}`);
      const el: XmlElement = { name: local, ns: nsMap.get(prefix) ?? null, attributes, children: [], text: '' };
      if (stack.length) stack[stack.length - 1]!.el.children.push(el);
      else root = el;
      if (!selfClosing) stack.push({ el, qname, nsMap });
      continue;
    }
    const next = s.indexOf('<', i);
    const end = next < 0 ? s.length : next;
    if (stack.length === 0) throw new XmlParseError(`text outside the root element at offset ${i}`);
    stack[stack.length - 1]!.el.text += decodeEntities(s.slice(i, end), i);
    i = end;
  }
  if (stack.length) throw new XmlParseError(`unclosed element <${stack[stack.length - 1]!.qname}>`);
  if (!root) throw new XmlParseError('no root element');
  return root;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Text of a descendant found by a path of local names, e.g. textAt(root, 'styre', 'medlem'). */
export function textAt(el: XmlElement, ...path: string[]): string | undefined {
  let cur: XmlElement | undefined = el;
  for (const name of path) cur = cur ? child(cur, name) : undefined;
  return cur?.text;
}
