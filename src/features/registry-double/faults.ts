/**
 * Faults the register double can inject, so importer and sync tests can prove they survive what the real
 * registers (or the network) do now and then: an error status, a slow answer, a download that breaks off,
 * a record that does not match the documented shape.
 *
 * Faults are read on every request, so a test may change `faults.requests` between steps.
 */

export type DoubleRoute =
  | 'root'
  | 'enheter'
  | 'enhet'
  | 'roller'
  | 'lastned'
  | 'oppdateringer-enheter'
  | 'oppdateringer-roller'
  | 'frivillige'
  | 'frivillig'
  | 'icnpo';

export interface RequestFault {
  /** The route it applies to ('*': any). */
  route: DoubleRoute | '*';
  /** Fire from the nth matching request on (1-based); omitted: from the first. */
  nth?: number;
  /** How many matching requests in a row it fires on; omitted: 1 when `nth` is set, otherwise every one. */
  times?: number;
  /** Further narrows the matching requests, e.g. `(url) => url.searchParams.has('searchAfter')`. */
  match?: (url: URL) => boolean;
  /** Wait this long before answering (a hanging server; the client's timeout should fire first). */
  delayMs?: number;
  /** Answer with this status instead, with `body` or Brønnøysund's error body. */
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Send only this many bytes of the real body, then break the connection. */
  cutAfterBytes?: number;
}

export type MalformedKind =
  /** organisasjonsnummer fails the MOD11 check. */
  | 'invalid-orgnr'
  /** A required field is missing (navn for units, organisasjonsnummer for feed entries and FRR records). */
  | 'missing-field'
  /** A date that does not exist ("2023-02-30"). */
  | 'bad-date'
  /** A field of the wrong type (a string where a number or an object belongs). */
  | 'wrong-type'
  /** The element is not an object at all. */
  | 'not-an-object'
  /** The JSON text breaks off inside the element, so the whole document is invalid. */
  | 'truncated-json';

export type MalformedSource = 'lastned' | 'oppdateringer-enheter' | 'frivillige' | 'enhet';

export interface MalformedRecordFault {
  /** Where: the bulk file, the change feed, Frivillighetsregisteret's listing, or a single-unit lookup. */
  source: MalformedSource;
  /** 0-based position in the bulk file, in the whole change feed or in the FRR listing (sorted by orgnr). */
  position?: number;
  /** For `enhet`: the organisasjonsnummer whose lookup answers with the malformed record. */
  orgnr?: string;
  kind: MalformedKind;
}

export interface RegistryFaults {
  requests?: RequestFault[];
  malformed?: MalformedRecordFault[];
}

/** Tracks how many matching requests each fault has seen, to honour `nth` and `times`. */
export class FaultMatcher {
  private readonly seen = new WeakMap<RequestFault, number>();

  constructor(private readonly faults: RegistryFaults) {}

  /** The fault that fires for this request, if any (the first that matches). */
  match(route: DoubleRoute, url: URL): RequestFault | undefined {
    let firing: RequestFault | undefined;
    for (const fault of this.faults.requests ?? []) {
      if (fault.route !== '*' && fault.route !== route) continue;
      if (fault.match && !fault.match(url)) continue;
      const count = (this.seen.get(fault) ?? 0) + 1;
      this.seen.set(fault, count);
      const first = fault.nth ?? 1;
      const times = fault.times ?? (fault.nth === undefined ? Number.POSITIVE_INFINITY : 1);
      if (!firing && count >= first && count < first + times) firing = fault;
    }
    return firing;
  }

  malformedAt(source: MalformedSource, position: number): MalformedKind | undefined {
    return this.faults.malformed?.find((m) => m.source === source && m.position === position)?.kind;
  }

  malformedOrgnr(orgnr: string): MalformedKind | undefined {
    return this.faults.malformed?.find((m) => m.source === 'enhet' && m.orgnr === orgnr)?.kind;
  }

  /** Positions of malformed bulk elements, for the bulk stream. */
  bulkMalformations(): Map<number, MalformedKind> {
    const map = new Map<number, MalformedKind>();
    for (const m of this.faults.malformed ?? []) if (m.source === 'lastned' && m.position !== undefined) map.set(m.position, m.kind);
    return map;
  }
}

/** An organisasjonsnummer with the wrong check digit. */
function breakOrgnr(orgnr: unknown): string {
  const value = String(orgnr);
  return `${value.slice(0, 8)}${(Number(value[8]) + 1) % 10}`;
}

const FIELDS: Record<MalformedSource, { required: string; date: string; badDate: string; wrongType: [string, unknown] }> = {
  lastned: { required: 'navn', date: 'registreringsdatoEnhetsregisteret', badDate: '2023-02-30', wrongType: ['antallAnsatte', 'mange'] },
  enhet: { required: 'navn', date: 'registreringsdatoEnhetsregisteret', badDate: '2023-02-30', wrongType: ['antallAnsatte', 'mange'] },
  'oppdateringer-enheter': {
    required: 'organisasjonsnummer',
    date: 'dato',
    badDate: '2023-02-30T25:61:00.000Z',
    wrongType: ['oppdateringsid', 'tjue'],
  },
  frivillige: { required: 'organisasjonsnummer', date: 'innfoertDato', badDate: '2023-02-30', wrongType: ['icnpoKategorier', 'idrett'] },
};

/** The JSON text of a record spoiled in the given way. */
export function malformedJson(source: MalformedSource, record: object, kind: MalformedKind): string {
  const fields = FIELDS[source];
  const r = record as Record<string, unknown>;
  switch (kind) {
    case 'invalid-orgnr':
      return JSON.stringify({ ...r, organisasjonsnummer: breakOrgnr(r.organisasjonsnummer) });
    case 'missing-field':
      return JSON.stringify({ ...r, [fields.required]: undefined });
    case 'bad-date':
      return JSON.stringify({ ...r, [fields.date]: fields.badDate });
    case 'wrong-type':
      return JSON.stringify({ ...r, [fields.wrongType[0]]: fields.wrongType[1] });
    case 'not-an-object':
      return '42';
    case 'truncated-json': {
      const text = JSON.stringify(r);
      return text.slice(0, Math.floor(text.length / 2));
    }
  }
}
