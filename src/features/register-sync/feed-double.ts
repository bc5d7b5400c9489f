import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * For tests: a local HTTP server that speaks Enhetsregisteret's documented contract for what the sync
 * followers use (brief §1.5–§1.7) — the units feed `GET /api/oppdateringer/enheter` (HAL page,
 * `_embedded.oppdaterteEnheter`, `oppdateringsid`/`dato` from and including, `size`, `includeChanges`), the
 * roles feed `GET /api/oppdateringer/roller` (a CloudEvents array after `afterId`/`afterTime`), one unit
 * `GET /api/enheter/{orgnr}` (400/404/410 with `slettedato`) and its roles `GET /api/enheter/{orgnr}/roller`
 * (404 when none), and Frivillighetsregisteret's listing `GET /api/frivillige-organisasjoner` (size at most 100,
 * no `page`, `searchAfter` cursor in `_links.next`, brief §2.3). Tests put data in the maps and arrays, and inject faults with `fault`.
 *
 * It stands in until the shared registry double (src/features/registry-double) is available; only this
 * feature's tests use it.
 */

export type Fault = Response | 'hang' | undefined;

export interface FeedDouble {
  /** Enhetsregisteret's base URL, as BRREG_ENHETSREGISTERET_URL (`/api/…` is appended). */
  baseUrl: string;
  /** Unit records by orgnr; `{ gone: true, slettedato }` answers 410 Gone. */
  units: Map<string, Record<string, unknown>>;
  /** Roles answers by orgnr; a unit missing here answers 404. */
  roles: Map<string, Record<string, unknown>>;
  /** Raw feed entries (tests may put malformed ones here). */
  changes: Record<string, unknown>[];
  /** Raw role CloudEvents. */
  roleEvents: Record<string, unknown>[];
  /** Frivillighetsregisteret's base URL, as BRREG_FRIVILLIGHETSREGISTERET_URL. */
  frivilligeBaseUrl: string;
  /** Frivillighetsregisteret's organisations, listed in orgnr order with `searchAfter` paging (brief §2.3). */
  frivillige: Record<string, unknown>[];
  /** Called for every request; a Response is sent instead, 'hang' never answers (a timeout). */
  fault: ((req: { path: string; query: URLSearchParams }) => Fault | Promise<Fault>) | null;
  /** Path and query of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

export function gone(orgnr: string, slettedato: string) {
  return { gone: true, organisasjonsnummer: orgnr, slettedato };
}

export async function startFeedDouble(): Promise<FeedDouble> {
  const app = new Hono();
  const hanging = new Set<() => void>();
  const double: FeedDouble = {
    baseUrl: '',
    units: new Map(),
    roles: new Map(),
    changes: [],
    roleEvents: [],
    frivilligeBaseUrl: '',
    frivillige: [],
    fault: null,
    requests: [],
    close: async () => {},
  };

  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    double.requests.push(url.pathname + url.search);
    const fault = await double.fault?.({ path: url.pathname, query: url.searchParams });
    if (fault === 'hang') {
      return new Promise<Response>((resolve) => {
        const release = () => resolve(new Response(null, { status: 503 }));
        hanging.add(release);
      });
    }
    if (fault) return fault;
    await next();
  });

  const api = '/enhetsregisteret/api';
  app.get(`${api}/oppdateringer/enheter`, (c) => {
    const q = new URL(c.req.url).searchParams;
    const size = Number(q.get('size') ?? 20);
    if (!Number.isInteger(size) || size < 1 || size > 10_000) return c.json({ status: 400, feilmelding: 'Ugyldig size' }, 400);
    const fromId = q.get('oppdateringsid');
    const fromDate = q.get('dato');
    const includeChanges = q.get('includeChanges') === 'true';
    const idOf = (e: Record<string, unknown>) => (typeof e.oppdateringsid === 'number' ? e.oppdateringsid : Number.NaN);
    const matching = double.changes
      .filter((e) => {
        if (fromId !== null) return !(idOf(e) < Number(fromId));
        if (fromDate !== null) return !(Date.parse(String(e.dato)) < Date.parse(fromDate));
        return true;
      })
      .sort((a, b) => (idOf(a) || 0) - (idOf(b) || 0));
    const page = matching.slice(0, size).map((e) => {
      const { endringer, ...rest } = e;
      const orgnr = typeof e.organisasjonsnummer === 'string' ? e.organisasjonsnummer : '';
      return {
        ...rest,
        ...(includeChanges && endringer !== undefined ? { endringer } : {}),
        _links: { enhet: { href: `${double.baseUrl}/api/enheter/${orgnr}` } },
      };
    });
    return c.json({
      ...(page.length > 0 ? { _embedded: { oppdaterteEnheter: page } } : {}),
      _links: { self: { href: c.req.url } },
      page: { size, totalElements: matching.length, totalPages: Math.ceil(matching.length / size), number: 0 },
    });
  });

  app.get(`${api}/oppdateringer/roller`, (c) => {
    const q = new URL(c.req.url).searchParams;
    const size = Number(q.get('size') ?? 100);
    const afterId = q.get('afterId');
    const afterTime = q.get('afterTime');
    const events = double.roleEvents
      .filter((e) => {
        if (afterId !== null) return Number(e.id) > Number(afterId);
        if (afterTime !== null) return !(Date.parse(String(e.time)) <= Date.parse(afterTime));
        return true;
      })
      .sort((a, b) => Number(a.id) - Number(b.id))
      .slice(0, size);
    return c.json(events);
  });

  app.get(`${api}/enheter/:orgnr/roller`, (c) => {
    const roles = double.roles.get(c.req.param('orgnr'));
    if (!roles) return c.json({ status: 404, feilmelding: 'Ingen roller funnet' }, 404);
    return c.json(roles);
  });

  app.get(`${api}/enheter/:orgnr`, (c) => {
    const orgnr = c.req.param('orgnr');
    if (!/^\d{9}$/.test(orgnr)) {
      return c.json({ status: 400, feilmelding: 'Ugyldig organisasjonsnummer', valideringsfeil: [{ feilaktigVerdi: orgnr }] }, 400);
    }
    const unit = double.units.get(orgnr);
    if (!unit) return c.json({ status: 404, feilmelding: `Enhet med organisasjonsnummer ${orgnr} ble ikke funnet` }, 404);
    if (unit.gone === true) return c.json({ organisasjonsnummer: orgnr, slettedato: unit.slettedato }, 410);
    return c.json(unit);
  });

  const frr = '/frivillighetsregisteret/api';
  app.get(`${frr}/frivillige-organisasjoner`, (c) => {
    const q = new URL(c.req.url).searchParams;
    if (q.has('page')) return c.json({ status: 400, feilmelding: 'page is not supported' }, 400);
    const size = Number(q.get('size') ?? 20);
    if (!Number.isInteger(size) || size < 1 || size > 100) return c.json({ status: 400, feilmelding: 'size cannot exceed 100' }, 400);
    const after = q.get('searchAfter') ?? '';
    const sorted = [...double.frivillige].sort((a, b) => String(a.organisasjonsnummer).localeCompare(String(b.organisasjonsnummer)));
    const rest = sorted.filter((r) => String(r.organisasjonsnummer) > after);
    const page = rest.slice(0, size);
    const last = page.at(-1);
    const next =
      rest.length > size && last
        ? {
            next: {
              href: `${double.frivilligeBaseUrl}/api/frivillige-organisasjoner?size=${size}&searchAfter=${last.organisasjonsnummer}`,
            },
          }
        : {};
    return c.json({
      ...(page.length > 0 ? { _embedded: { frivilligeOrganisasjoner: page } } : {}),
      _links: { self: { href: c.req.url }, ...next },
    });
  });

  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  double.baseUrl = `http://127.0.0.1:${port}/enhetsregisteret`;
  double.frivilligeBaseUrl = `http://127.0.0.1:${port}/frivillighetsregisteret`;
  double.close = () =>
    new Promise<void>((resolve) => {
      for (const release of hanging) release();
      hanging.clear();
      server.close(() => resolve());
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
  return double;
}
