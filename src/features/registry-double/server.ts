import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer as readAll } from 'node:stream/consumers';
import { serve } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { MEDIA_TYPE_ENHET_BULK } from '../register/brreg-shapes.ts';
import { bulkGzipStream } from './bulk.ts';
import { type DoubleRoute, FaultMatcher, type MalformedKind, malformedJson, type RegistryFaults, type RequestFault } from './faults.ts';
import { ICNPO_ROWS } from './frivillig.ts';
import { GENERATOR_VERSION, Registry, type RegistryOptions } from './registry.ts';
import { type EnhetQuery, searchEnheter } from './search.ts';
import { FILES, type Manifest, readManifest, registryFromManifest } from './write.ts';

/**
 * A local stand-in for Brønnøysundregistrene's open APIs (brief §1, §2.3), for tests and demos — never for
 * production. It serves a generated register (registry.ts) under the production paths, so the application is
 * pointed at it by setting BRREG_ENHETSREGISTERET_URL to `<baseUrl>/enhetsregisteret` and
 * BRREG_FRIVILLIGHETSREGISTERET_URL to `<baseUrl>/frivillighetsregisteret`.
 *
 * Behaviour follows the brief: HAL lists with `_embedded` missing when empty, page×size capped at 10 000,
 * 400/404/410 for single units, the bulk download only with the v2 gzip Accept header, Frivillighetsregisteret
 * with cursor paging (searchAfter) and at most 100 a page. Faults (faults.ts) make chosen requests fail.
 */

export interface RegistryDoubleOptions extends Partial<RegistryOptions> {
  /** A directory written by `frivillig registry generate`: its manifest gives the register, its bulk file is served. */
  dir?: string;
  faults?: RegistryFaults;
  /** Where the two APIs live (the part before `/api`); the production paths by default. */
  basePaths?: { enhetsregisteret?: string; frivillighetsregisteret?: string };
}

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/enhetsregisteret/api/enheter/974760673". */
  url: string;
  route: DoubleRoute | 'unknown';
  status: number;
}

export interface RegistryDouble {
  app: Hono;
  registry: Registry;
  /** Every request answered, in order (tests assert on what a client asked for). */
  requests: RecordedRequest[];
  /** The live fault configuration: change `faults.requests` between steps of a test. */
  faults: RegistryFaults;
}

/** At most this many hits are reachable by paging (brief §1.3). */
const MAX_RESULT_WINDOW = 10_000;
const FRR_MAX_SIZE = 100;
/** Below this many units the bulk file is built once and kept in memory, so it has a Content-Length. */
const IN_MEMORY_BULK_LIMIT = 200_000;

interface Valideringsfeil {
  feilmelding: string;
  parametere: string[];
  feilaktigVerdi?: string;
}

class BadRequest extends Error {
  constructor(readonly feil: Valideringsfeil[]) {
    super(feil.map((f) => f.feilmelding).join('; '));
  }
}

function errorBody(status: number, feilmelding: string, path: string, valideringsfeil: Valideringsfeil[] = []) {
  return { timestamp: new Date().toISOString(), status, feilmelding, sti: path, antallFeil: valideringsfeil.length, valideringsfeil };
}

const JSON_TYPE = 'application/json;charset=UTF-8';

function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return rawJsonResponse(JSON.stringify(body), status, headers);
}

function rawJsonResponse(text: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'content-type': JSON_TYPE, ...headers } });
}

function errorResponse(c: Context, status: number, feilmelding: string, valideringsfeil: Valideringsfeil[] = []): Response {
  return jsonResponse(errorBody(status, feilmelding, new URL(c.req.url).pathname, valideringsfeil), status);
}

// --- query parameter parsing: every bad value is a 400 naming the parameter -------------------------------

function intParam(url: URL, name: string, fallback: number, min = 0): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) {
    throw new BadRequest([{ feilmelding: `${name} må være et heltall som er minst ${min}`, parametere: [name], feilaktigVerdi: raw }]);
  }
  return Number(raw);
}

function boolParam(url: URL, name: string): boolean | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false')
    throw new BadRequest([{ feilmelding: `${name} må være true eller false`, parametere: [name], feilaktigVerdi: raw }]);
  return raw === 'true';
}

function listParam(url: URL, name: string, pattern: RegExp, description: string): Set<string> | undefined {
  const raw = url.searchParams.getAll(name).join(',');
  if (raw === '') return undefined;
  const values = raw.split(',').map((v) => v.trim());
  const bad = values.find((v) => !pattern.test(v));
  if (bad !== undefined) throw new BadRequest([{ feilmelding: `${name} må være ${description}`, parametere: [name], feilaktigVerdi: bad }]);
  return new Set(values);
}

function pageParams(url: URL, defaultSize: number): { page: number; size: number } {
  const size = intParam(url, 'size', defaultSize);
  const page = intParam(url, 'page', 0);
  if (size > MAX_RESULT_WINDOW || page * size > MAX_RESULT_WINDOW) {
    throw new BadRequest([
      {
        feilmelding: `Kan ikke vise treff utover de første ${MAX_RESULT_WINDOW}: page * size kan ikke være større enn ${MAX_RESULT_WINDOW}`,
        parametere: ['page', 'size'],
        feilaktigVerdi: `page=${page}, size=${size}`,
      },
    ]);
  }
  return { page, size };
}

function withParams(url: URL, params: Record<string, string>): string {
  const next = new URL(url);
  for (const [k, v] of Object.entries(params)) next.searchParams.set(k, v);
  return next.toString();
}

/** HAL `_links` and `page` of a paged list (Spring Data style). */
function pageBlock(url: URL, page: number, size: number, total: number) {
  const totalPages = size > 0 ? Math.ceil(total / size) : 0;
  const links: Record<string, { href: string }> = {};
  if (total > 0) links.first = { href: withParams(url, { page: '0', size: String(size) }) };
  if (page > 0 && total > 0) links.prev = { href: withParams(url, { page: String(page - 1), size: String(size) }) };
  links.self = { href: url.toString() };
  if (page + 1 < totalPages) links.next = { href: withParams(url, { page: String(page + 1), size: String(size) }) };
  if (total > 0) links.last = { href: withParams(url, { page: String(Math.max(0, totalPages - 1)), size: String(size) }) };
  return { _links: links, page: { size, totalElements: total, totalPages, number: page } };
}

/** `{"_embedded":{"<name>":[…]},…rest}` from ready-made element texts (so faults can put broken ones in). */
function halList(name: string, elements: string[], rest: object): string {
  const tail = JSON.stringify(rest).slice(1);
  if (elements.length === 0) return `{${tail}`;
  return `{"_embedded":{${JSON.stringify(name)}:[${elements.join(',')}]}${tail === '}' ? '}' : `,${tail}`}`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * Passes the first `limit` bytes of a body through, then breaks the connection the way a network failure
 * would: the socket is ended after those bytes (before Content-Length, or without the last chunk), so the
 * client sees a download that stops short. Without a socket (app.request in-process) the stream fails.
 */
function cutAfter(body: ReadableStream<Uint8Array>, limit: number, socket: Socket | undefined): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= limit) {
        await reader.cancel().catch(() => {});
        if (!socket) {
          controller.error(new Error(`register double: connection cut after ${limit} bytes (fault)`));
          return;
        }
        socket.end();
        // Never settles: the server cancels this stream when it sees the socket close.
        return new Promise<void>(() => {});
      }
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      const part = value.subarray(0, Math.max(0, limit - sent));
      sent += part.byteLength;
      if (part.byteLength > 0) controller.enqueue(part);
    },
    cancel(reason) {
      return reader.cancel(reason).catch(() => {});
    },
  });
}

function faultResponse(c: Context, fault: RequestFault): Response {
  const status = fault.status ?? 500;
  const headers = { ...fault.headers };
  if (fault.body !== undefined) return new Response(fault.body, { status, headers: { 'content-type': JSON_TYPE, ...headers } });
  const message = status >= 500 ? 'Intern feil (simulert)' : 'Feil (simulert)';
  return jsonResponse(errorBody(status, message, new URL(c.req.url).pathname), status, headers);
}

function registryFor(opts: RegistryDoubleOptions): { registry: Registry; manifest?: Manifest } {
  if (opts.dir) {
    const manifest = readManifest(opts.dir);
    return { registry: registryFromManifest(manifest), manifest };
  }
  if (opts.seed === undefined || opts.units === undefined) throw new Error('the register double needs either dir, or seed and units');
  return { registry: new Registry(opts as RegistryOptions) };
}

export function createRegistryDouble(opts: RegistryDoubleOptions): RegistryDouble {
  const { registry, manifest } = registryFor(opts);
  const faults: RegistryFaults = opts.faults ?? {};
  faults.requests ??= [];
  faults.malformed ??= [];
  const matcher = new FaultMatcher(faults);
  const requests: RecordedRequest[] = [];
  const erBase = `${(opts.basePaths?.enhetsregisteret ?? '/enhetsregisteret').replace(/\/+$/, '')}/api`;
  const frrBase = `${(opts.basePaths?.frivillighetsregisteret ?? '/frivillighetsregisteret').replace(/\/+$/, '')}/api`;
  const app = new Hono();

  /** The API base as the client sees it, for `_links` in answers. */
  const apiBase = (c: Context, base: string) => `${new URL(c.req.url).origin}${base}`;

  /** Records the request, applies any fault, and turns bad parameters into Brønnøysund's 400 body. */
  const handle =
    (route: DoubleRoute, handler: (c: Context, url: URL) => Response | Promise<Response>) =>
    async (c: Context): Promise<Response> => {
      const url = new URL(c.req.url);
      const record: RecordedRequest = { method: c.req.method, url: url.pathname + url.search, route, status: 0 };
      requests.push(record);
      const fault = matcher.match(route, url);
      if (fault?.delayMs) await sleep(fault.delayMs, c.req.raw.signal);
      let res: Response;
      if (fault && (fault.status !== undefined || fault.body !== undefined)) res = faultResponse(c, fault);
      else {
        try {
          res = await handler(c, url);
        } catch (error) {
          if (!(error instanceof BadRequest)) throw error;
          res = errorResponse(c, 400, 'Ugyldig forespørsel', error.feil);
        }
        if (fault?.cutAfterBytes !== undefined && res.body) {
          const socket = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing?.socket ?? undefined;
          res = new Response(cutAfter(res.body, fault.cutAfterBytes, socket), { status: res.status, headers: res.headers });
        }
      }
      record.status = res.status;
      return res;
    };

  // --- Enhetsregisteret -------------------------------------------------------------------------------------

  app.get(
    erBase,
    handle('root', (c) => {
      const base = apiBase(c, erBase);
      return jsonResponse({
        _links: {
          enheter: { href: `${base}/enheter` },
          oppdaterteEnheter: { href: `${base}/oppdateringer/enheter` },
          oppdaterteRoller: { href: `${base}/oppdateringer/roller` },
        },
      });
    }),
  );

  app.get(
    `${erBase}/enheter`,
    handle('enheter', (_c, url) => {
      const { page, size } = pageParams(url, 20);
      const navn = url.searchParams.get('navn') ?? '';
      if (navn.length > 180)
        throw new BadRequest([{ feilmelding: 'navn kan ikke være lengre enn 180 tegn', parametere: ['navn'], feilaktigVerdi: navn }]);
      const metode = url.searchParams.get('navnMetodeForSoek');
      if (metode !== null && metode !== '' && metode !== 'FORTLOEPENDE') {
        throw new BadRequest([
          { feilmelding: 'navnMetodeForSoek må være FORTLOEPENDE', parametere: ['navnMetodeForSoek'], feilaktigVerdi: metode },
        ]);
      }
      const sortRaw = url.searchParams.get('sort');
      let sort: EnhetQuery['sort'];
      if (sortRaw) {
        const match = /^(navn|organisasjonsnummer)(?:,(ASC|DESC|asc|desc))?$/.exec(sortRaw);
        if (!match)
          throw new BadRequest([
            { feilmelding: 'sort må være navn eller organisasjonsnummer, ASC eller DESC', parametere: ['sort'], feilaktigVerdi: sortRaw },
          ]);
        sort = { field: match[1] as 'navn' | 'organisasjonsnummer', descending: match[2]?.toUpperCase() === 'DESC' };
      }
      const query: EnhetQuery = {
        navn: navn.trim() === '' ? undefined : navn,
        fortloepende: metode === 'FORTLOEPENDE',
        organisasjonsnummer: listParam(url, 'organisasjonsnummer', /^\d{9}$/, 'organisasjonsnumre med ni siffer'),
        organisasjonsform: listParam(url, 'organisasjonsform', /^[A-ZÆØÅ]{1,5}$/, 'koder for organisasjonsform'),
        kommunenummer: listParam(url, 'kommunenummer', /^\d{4}$/, 'kommunenumre med fire siffer'),
        naeringskode: (() => {
          const set = listParam(url, 'naeringskode', /^\d{1,2}(\.\d{1,3})?$/, 'næringskoder');
          return set ? [...set] : undefined;
        })(),
        registrertIMvaregisteret: boolParam(url, 'registrertIMvaregisteret'),
        registrertIForetaksregisteret: boolParam(url, 'registrertIForetaksregisteret'),
        registrertIStiftelsesregisteret: boolParam(url, 'registrertIStiftelsesregisteret'),
        registrertIFrivillighetsregisteret: boolParam(url, 'registrertIFrivillighetsregisteret'),
        konkurs: boolParam(url, 'konkurs'),
        underAvvikling: boolParam(url, 'underAvvikling'),
        underTvangsavviklingEllerTvangsopplosning: boolParam(url, 'underTvangsavviklingEllerTvangsopplosning'),
        sort,
      };
      const result = searchEnheter(registry, query);
      const pageHits = result.hits.slice(page * size, page * size + size);
      const elements = pageHits.map((index) => JSON.stringify(registry.enhet(index, 'current')));
      return rawJsonResponse(halList('enheter', elements, pageBlock(url, page, size, result.total)));
    }),
  );

  // The bulk file: registered before /enheter/:orgnr so "lastned" is not taken for a number.
  const bulkEtag = manifest?.files.bulk
    ? `"${manifest.files.bulk.sha256.slice(0, 32)}"`
    : `"${createHash('sha256')
        .update(JSON.stringify([GENERATOR_VERSION, registry.seed, registry.units, registry.snapshotMs, registry.timeline.feed.count]))
        .digest('hex')
        .slice(0, 32)}"`;
  let bulkInMemory: Promise<Buffer> | undefined;
  app.get(
    `${erBase}/enheter/lastned`,
    handle('lastned', async (c) => {
      const accept = c.req.header('accept') ?? '';
      if (!accept.includes(MEDIA_TYPE_ENHET_BULK)) {
        throw new BadRequest([
          {
            feilmelding: `Nedlasting krever Accept: ${MEDIA_TYPE_ENHET_BULK};charset=UTF-8`,
            parametere: ['Accept'],
            feilaktigVerdi: accept,
          },
        ]);
      }
      const malformed = matcher.bulkMalformations();
      const etag =
        malformed.size === 0
          ? bulkEtag
          : `"${createHash('sha256')
              .update(`${bulkEtag}${JSON.stringify([...malformed])}`)
              .digest('hex')
              .slice(0, 32)}"`;
      const headers: Record<string, string> = {
        'content-type': `${MEDIA_TYPE_ENHET_BULK};charset=UTF-8`,
        'content-disposition': `attachment; filename="${FILES.bulk}"`,
        etag,
        'last-modified': new Date(registry.snapshotMs).toUTCString(),
      };
      if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
      const head = c.req.method === 'HEAD';
      if (opts.dir && malformed.size === 0) {
        const path = join(opts.dir, FILES.bulk);
        headers['content-length'] = String(statSync(path).size);
        if (head) return new Response(null, { headers });
        return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, { headers });
      }
      if (registry.units <= IN_MEMORY_BULK_LIMIT && malformed.size === 0) {
        bulkInMemory ??= readAll(bulkGzipStream(registry));
        const bytes = await bulkInMemory;
        headers['content-length'] = String(bytes.length);
        return new Response(head ? null : new Uint8Array(bytes), { headers });
      }
      if (head) return new Response(null, { headers });
      return new Response(Readable.toWeb(bulkGzipStream(registry, { malformed })) as ReadableStream<Uint8Array>, { headers });
    }),
  );

  app.get(
    `${erBase}/enheter/:orgnr`,
    handle('enhet', (c) => {
      const orgnr = c.req.param('orgnr') ?? '';
      const found = registry.lookup(orgnr);
      if (found.status === 'invalid') {
        return errorResponse(c, 400, 'Ugyldig organisasjonsnummer', [
          { feilmelding: 'Ugyldig organisasjonsnummer', parametere: ['organisasjonsnummer'], feilaktigVerdi: orgnr },
        ]);
      }
      if (found.status === 'unknown') return errorResponse(c, 404, `Enhet med organisasjonsnummer ${orgnr} ble ikke funnet`);
      if (found.status === 'gone') return jsonResponse(found.body, 410);
      const record = registry.enhet(found.index, 'current');
      const kind = matcher.malformedOrgnr(orgnr);
      return kind ? rawJsonResponse(malformedJson('enhet', record, kind)) : jsonResponse(record);
    }),
  );

  app.get(
    `${erBase}/enheter/:orgnr/roller`,
    handle('roller', (c) => {
      const orgnr = c.req.param('orgnr') ?? '';
      const found = registry.lookup(orgnr);
      if (found.status === 'invalid') {
        return errorResponse(c, 400, 'Ugyldig organisasjonsnummer', [
          { feilmelding: 'Ugyldig organisasjonsnummer', parametere: ['organisasjonsnummer'], feilaktigVerdi: orgnr },
        ]);
      }
      if (found.status === 'gone') return jsonResponse(found.body, 410);
      const roller = found.status === 'found' ? registry.roller(found.index, 'current') : undefined;
      // No roles answers 404 (brief: a third-party observation), as does an unknown unit.
      if (!roller) return errorResponse(c, 404, `Fant ingen roller for organisasjonsnummer ${orgnr}`);
      return jsonResponse(roller);
    }),
  );

  app.get(
    `${erBase}/oppdateringer/enheter`,
    handle('oppdateringer-enheter', (c, url) => {
      const { page, size } = pageParams(url, 20);
      const fromId = intParam(url, 'oppdateringsid', 0);
      const datoRaw = url.searchParams.get('dato');
      let fromMs = Number.NEGATIVE_INFINITY;
      if (datoRaw) {
        fromMs = Date.parse(datoRaw);
        if (!/^\d{4}-\d{2}-\d{2}T/.test(datoRaw) || !Number.isFinite(fromMs)) {
          throw new BadRequest([
            { feilmelding: 'dato må være et tidspunkt i ISO 8601-format', parametere: ['dato'], feilaktigVerdi: datoRaw },
          ]);
        }
      }
      const includeChanges = boolParam(url, 'includeChanges') ?? false;
      const orgnrs = listParam(url, 'organisasjonsnummer', /^\d{9}$/, 'organisasjonsnumre med ni siffer');
      const sortRaw = url.searchParams.get('sort');
      if (sortRaw && !/^id(,(ASC|DESC|asc|desc))?$/.test(sortRaw)) {
        throw new BadRequest([{ feilmelding: 'sort må være id,ASC eller id,DESC', parametere: ['sort'], feilaktigVerdi: sortRaw }]);
      }
      const descending = /desc$/i.test(sortRaw ?? '');
      const { feed } = registry.timeline;
      // Both bounds are "from and including" (brief §1.5); ids and times rise together.
      let start = lowerBound(feed.ids, feed.count, fromId);
      start = Math.max(start, lowerBound(feed.times, feed.count, fromMs));
      let positions: number[] = [];
      for (let k = start; k < feed.count; k++) {
        if (orgnrs && !orgnrs.has(registry.orgnrOf(feed.units[k] as number))) continue;
        positions.push(k);
      }
      if (descending) positions = positions.reverse();
      const linkBase = apiBase(c, erBase);
      const elements = positions.slice(page * size, page * size + size).map((k) => {
        const entry = registry.feedEntry(k, { includeChanges, linkBase });
        const kind = matcher.malformedAt('oppdateringer-enheter', k);
        return kind ? malformedJson('oppdateringer-enheter', entry, kind) : JSON.stringify(entry);
      });
      return rawJsonResponse(halList('oppdaterteEnheter', elements, pageBlock(url, page, size, positions.length)));
    }),
  );

  app.get(
    `${erBase}/oppdateringer/roller`,
    handle('oppdateringer-roller', (c, url) => {
      const size = intParam(url, 'size', 100, 1);
      if (size > MAX_RESULT_WINDOW) {
        throw new BadRequest([
          { feilmelding: `size kan ikke være større enn ${MAX_RESULT_WINDOW}`, parametere: ['size'], feilaktigVerdi: String(size) },
        ]);
      }
      const afterId = intParam(url, 'afterId', -1, -1);
      const timeRaw = url.searchParams.get('afterTime');
      let afterMs = Number.NEGATIVE_INFINITY;
      if (timeRaw) {
        afterMs = Date.parse(timeRaw);
        if (!/^\d{4}-\d{2}-\d{2}T/.test(timeRaw) || !Number.isFinite(afterMs)) {
          throw new BadRequest([
            { feilmelding: 'afterTime må være et tidspunkt i ISO 8601-format', parametere: ['afterTime'], feilaktigVerdi: timeRaw },
          ]);
        }
      }
      const { roles } = registry.timeline;
      // Strictly after both (the next call passes the last id and time it saw).
      const start = Math.max(lowerBound(roles.ids, roles.count, afterId + 1), lowerBound(roles.times, roles.count, afterMs + 1));
      const linkBase = apiBase(c, erBase);
      const events = [];
      for (let p = start; p < roles.count && events.length < size; p++) events.push(registry.roleEvent(p, linkBase));
      return jsonResponse(events);
    }),
  );

  // --- Frivillighetsregisteret ------------------------------------------------------------------------------

  app.get(
    `${frrBase}/frivillige-organisasjoner`,
    handle('frivillige', (c, url) => {
      if (url.searchParams.has('page')) {
        throw new BadRequest([
          {
            feilmelding: 'page støttes ikke: bla videre med searchAfter fra _links.next',
            parametere: ['page'],
            feilaktigVerdi: url.searchParams.get('page') ?? '',
          },
        ]);
      }
      const size = intParam(url, 'size', 20, 1);
      if (size > FRR_MAX_SIZE)
        return errorResponse(c, 400, `size cannot exceed ${FRR_MAX_SIZE}`, [
          { feilmelding: `size cannot exceed ${FRR_MAX_SIZE}`, parametere: ['size'], feilaktigVerdi: String(size) },
        ]);
      const after = url.searchParams.get('searchAfter');
      if (after !== null && !/^\d{9}$/.test(after)) {
        throw new BadRequest([
          { feilmelding: 'searchAfter må være et organisasjonsnummer', parametere: ['searchAfter'], feilaktigVerdi: after },
        ]);
      }
      const list = registry.frivilligOrgnrs();
      const start = after === null ? 0 : upperBound(list, Number(after));
      const slice = list.slice(start, start + size);
      const elements = slice.map((orgnr, n) => {
        const found = registry.lookup(String(orgnr));
        const record = found.status === 'found' ? registry.frivillig(found.index, 'current') : undefined;
        const kind = matcher.malformedAt('frivillige', start + n);
        return kind ? malformedJson('frivillige', record ?? {}, kind) : JSON.stringify(record);
      });
      const links: Record<string, { href: string }> = { self: { href: url.toString() } };
      const last = slice[slice.length - 1];
      if (last !== undefined && start + size < list.length)
        links.next = { href: withParams(url, { searchAfter: String(last), size: String(size) }) };
      return rawJsonResponse(halList('frivilligeOrganisasjoner', elements, { _links: links }));
    }),
  );

  app.get(
    `${frrBase}/frivillige-organisasjoner/:orgnr`,
    handle('frivillig', (c, url) => {
      const orgnr = c.req.param('orgnr') ?? '';
      const found = registry.lookup(orgnr);
      if (found.status === 'invalid') {
        return errorResponse(c, 400, 'Ugyldig organisasjonsnummer', [
          { feilmelding: 'Ugyldig organisasjonsnummer', parametere: ['organisasjonsnummer'], feilaktigVerdi: orgnr },
        ]);
      }
      const record =
        found.status === 'found' ? registry.frivillig(found.index, 'current', url.searchParams.get('spraak') === 'NOB') : undefined;
      if (!record) return errorResponse(c, 404, `Fant ingen frivillig organisasjon med organisasjonsnummer ${orgnr}`);
      return jsonResponse(record);
    }),
  );

  app.get(
    `${frrBase}/icnpo-kategorier`,
    handle('icnpo', (_c, url) =>
      jsonResponse({
        _embedded: { icnpoKategorier: ICNPO_ROWS.map((r) => ({ icnpoNummer: r.icnpoNummer, navn: r.navn, spraakkode: 'NOB' })) },
        _links: { self: { href: url.toString() } },
      }),
    ),
  );

  app.notFound((c) => {
    const url = new URL(c.req.url);
    requests.push({ method: c.req.method, url: url.pathname + url.search, route: 'unknown', status: 404 });
    return errorResponse(c, 404, 'Fant ikke ressursen');
  });

  return { app, registry, requests, faults };
}

/** First position whose value is ≥ target, in an ascending array. */
function lowerBound(values: ArrayLike<number>, count: number, target: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose value is > target. */
function upperBound(values: readonly number[], target: number): number {
  return lowerBound(values, values.length, target + 1);
}

export interface StartedRegistryDouble extends RegistryDouble {
  /** "http://127.0.0.1:<port>" */
  baseUrl: string;
  /** Value for BRREG_ENHETSREGISTERET_URL. */
  enhetsregisteretUrl: string;
  /** Value for BRREG_FRIVILLIGHETSREGISTERET_URL. */
  frivillighetsregisteretUrl: string;
  close(): Promise<void>;
}

/** Starts the double on a free loopback port (or `port`), for tests: `const d = await startRegistryDouble({seed, units})`. */
export async function startRegistryDouble(
  opts: RegistryDoubleOptions & { port?: number; hostname?: string },
): Promise<StartedRegistryDouble> {
  const double = createRegistryDouble(opts);
  const hostname = opts.hostname ?? '127.0.0.1';
  const server = serve({ fetch: double.app.fetch, port: opts.port ?? 0, hostname });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
  return {
    ...double,
    baseUrl,
    enhetsregisteretUrl: `${baseUrl}${(opts.basePaths?.enhetsregisteret ?? '/enhetsregisteret').replace(/\/+$/, '')}`,
    frivillighetsregisteretUrl: `${baseUrl}${(opts.basePaths?.frivillighetsregisteret ?? '/frivillighetsregisteret').replace(/\/+$/, '')}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging requests (delay faults) and keep-alive connections would hold close() open.
        const s = server as unknown as { closeAllConnections?: () => void };
        server.close(() => resolve());
        s.closeAllConnections?.();
      }),
  };
}

export type { MalformedKind };
