import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidOrgnr } from '../../core/validators/orgnr.ts';
import {
  brregErrorSchema,
  enhetSchema,
  enhetSokResponseSchema,
  frivilligeOrganisasjonerResponseSchema,
  frivilligOrganisasjonSchema,
  icnpoKategorierResponseSchema,
  MEDIA_TYPE_ENHET_BULK,
  oppdaterteEnheterResponseSchema,
  rolleHendelserResponseSchema,
  rollerResponseSchema,
  slettetEnhetSchema,
} from '../register/brreg-shapes.ts';
import { type StartedRegistryDouble, startRegistryDouble } from './server.ts';
import { FILES, generateRegistryFiles } from './write.ts';

const BULK_ACCEPT = `${MEDIA_TYPE_ENHET_BULK};charset=UTF-8`;
let double: StartedRegistryDouble;
let er: string;
let frr: string;

beforeAll(async () => {
  double = await startRegistryDouble({ seed: 'server-test', units: 3_000 });
  er = `${double.enhetsregisteretUrl}/api`;
  frr = `${double.frivillighetsregisteretUrl}/api`;
});
afterAll(async () => {
  await double.close();
});

async function getJson(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>), text };
}

function expectBrregError(body: unknown, status: number, parameter?: string) {
  const error = brregErrorSchema.parse(body);
  expect(error.status).toBe(status);
  if (parameter) expect(error.valideringsfeil.flatMap((f) => f.parametere)).toContain(parameter);
}

/** An existing unit (at index i) and its organisasjonsnummer. */
function unit(predicate: (i: number) => boolean): { index: number; orgnr: string } {
  for (const index of double.registry.indexes('current')) {
    if (predicate(index)) return { index, orgnr: double.registry.orgnrOf(index) };
  }
  throw new Error('no such unit');
}

describe('GET /enheter (search)', () => {
  it('answers in HAL with 20 a page by default, each unit in the enhet shape', async () => {
    const res = await getJson(`${er}/enheter`);
    expect(res.status).toBe(200);
    const body = enhetSokResponseSchema.parse(res.body);
    expect(body._embedded?.enheter).toHaveLength(20);
    expect(body.page).toMatchObject({ size: 20, number: 0, totalElements: double.registry.counts().current });
    expect(body._links.next?.href).toContain('page=1');
    expect(body._links.self.href).toBe(`${er}/enheter`);
  });

  it('leaves out _embedded when nothing matches', async () => {
    const res = await getJson(`${er}/enheter?navn=${encodeURIComponent('XYZZY QWERTY')}`);
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('_embedded');
    expect(res.body?.page).toEqual({ size: 20, totalElements: 0, totalPages: 0, number: 0 });
  });

  it('finds names fuzzily (a typo), and by prefix with navnMetodeForSoek=FORTLOEPENDE', async () => {
    const fuzzy = enhetSokResponseSchema.parse((await getJson(`${er}/enheter?navn=idretslag`)).body);
    expect(fuzzy._embedded?.enheter.length).toBeGreaterThan(0);
    expect(fuzzy._embedded?.enheter[0]?.navn).toMatch(/IDRETTSLAG/);
    const prefix = enhetSokResponseSchema.parse(
      (await getJson(`${er}/enheter?navn=foreldreutvalget%20ved&navnMetodeForSoek=FORTLOEPENDE&size=100`)).body,
    );
    expect(prefix._embedded?.enheter.length).toBeGreaterThan(0);
    for (const e of prefix._embedded?.enheter ?? []) expect(e.navn.startsWith('FORELDREUTVALGET VED')).toBe(true);
  });

  it('filters on organisasjonsform, kommunenummer, Frivillighetsregisteret and status', async () => {
    const body = enhetSokResponseSchema.parse(
      (await getJson(`${er}/enheter?organisasjonsform=FLI&kommunenummer=0301,4601&registrertIFrivillighetsregisteret=true&size=100`)).body,
    );
    expect(body.page.totalElements).toBeGreaterThan(0);
    for (const e of body._embedded?.enheter ?? []) {
      expect(e.organisasjonsform.kode).toBe('FLI');
      expect(['0301', '4601']).toContain(e.forretningsadresse?.kommunenummer ?? e.postadresse?.kommunenummer);
      expect(e.registrertIFrivillighetsregisteret).toBe(true);
    }
    const avvikling = enhetSokResponseSchema.parse((await getJson(`${er}/enheter?underAvvikling=true&size=100`)).body);
    expect(avvikling.page.totalElements).toBeGreaterThan(0);
    expect(avvikling._embedded?.enheter.every((e) => e.underAvvikling)).toBe(true);
    const konkurs = enhetSokResponseSchema.parse((await getJson(`${er}/enheter?konkurs=true`)).body);
    expect(konkurs._embedded?.enheter.every((e) => e.konkurs)).toBe(true);
  });

  it('pages without overlap', async () => {
    const first = enhetSokResponseSchema.parse((await getJson(`${er}/enheter?organisasjonsform=FLI&size=5`)).body);
    const second = enhetSokResponseSchema.parse((await getJson(first._links.next?.href ?? '')).body);
    const numbers = (b: typeof first) => b._embedded?.enheter.map((e) => e.organisasjonsnummer) ?? [];
    expect(numbers(second)).toHaveLength(5);
    expect(numbers(first).filter((n) => numbers(second).includes(n))).toEqual([]);
    expect(second.page.number).toBe(1);
    expect(second._links.prev?.href).toContain('page=0');
  });

  it('refuses page × size beyond 10 000 and bad parameters with 400 and the error body', async () => {
    expect((await getJson(`${er}/enheter?page=500&size=20`)).status).toBe(200);
    const tooDeep = await getJson(`${er}/enheter?page=501&size=20`);
    expect(tooDeep.status).toBe(400);
    expectBrregError(tooDeep.body, 400, 'page');
    expectBrregError((await getJson(`${er}/enheter?size=10001`)).body, 400, 'size');
    expectBrregError((await getJson(`${er}/enheter?konkurs=ja`)).body, 400, 'konkurs');
    expectBrregError((await getJson(`${er}/enheter?kommunenummer=301`)).body, 400, 'kommunenummer');
    expectBrregError((await getJson(`${er}/enheter?size=-1`)).body, 400, 'size');
    expectBrregError((await getJson(`${er}/enheter?navn=${'a'.repeat(181)}`)).body, 400, 'navn');
  });
});

describe('GET /enheter/{orgnr}', () => {
  it('answers 200 with the unit, 400 for an invalid number, 404 for an unknown one', async () => {
    const { orgnr } = unit(() => true);
    const found = await getJson(`${er}/enheter/${orgnr}`);
    expect(found.status).toBe(200);
    expect(enhetSchema.parse(found.body)).toEqual(found.body);
    expectBrregError((await getJson(`${er}/enheter/123456789`)).body, 400, 'organisasjonsnummer');
    expect((await getJson(`${er}/enheter/12345`)).status).toBe(400);
    // 123456785 passes MOD11 but is not in this register.
    expect((await getJson(`${er}/enheter/123456785`)).status).toBe(404);
  });

  it('answers 410 Gone with organisasjonsnummer and slettedato for a deleted unit', async () => {
    const { layout } = double.registry.timeline;
    const orgnr = double.registry.orgnrOf(layout.deletedOldStart);
    const res = await getJson(`${er}/enheter/${orgnr}`);
    expect(res.status).toBe(410);
    const body = slettetEnhetSchema.parse(res.body);
    expect(body).toEqual(res.body);
    expect(body.organisasjonsnummer).toBe(orgnr);
  });

  it('answers roles at /roller, 404 when a unit has none', async () => {
    const withRoles = unit((i) => double.registry.roller(i) !== undefined);
    const res = await getJson(`${er}/enheter/${withRoles.orgnr}/roller`);
    expect(res.status).toBe(200);
    expect(rollerResponseSchema.parse(res.body)).toEqual(res.body);
    const without = unit((i) => double.registry.roller(i) === undefined);
    expect((await getJson(`${er}/enheter/${without.orgnr}/roller`)).status).toBe(404);
    expect((await getJson(`${er}/enheter/123456789/roller`)).status).toBe(400);
  });
});

describe('GET/HEAD /enheter/lastned', () => {
  it('needs the v2 gzip Accept header; application/json gets 400', async () => {
    const res = await getJson(`${er}/enheter/lastned`, { accept: 'application/json' });
    expect(res.status).toBe(400);
    expectBrregError(res.body, 400, 'Accept');
  });

  it('sends the gzip JSON array of every unit with etag and last-modified; HEAD has no body; If-None-Match gives 304', async () => {
    const res = await fetch(`${er}/enheter/lastned`, { headers: { accept: BULK_ACCEPT } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(res.headers.get('last-modified')).toBe(new Date(double.registry.snapshotMs).toUTCString());
    const records = JSON.parse(gunzipSync(bytes).toString('utf8')) as { organisasjonsnummer: string }[];
    expect(records).toHaveLength(3_000);
    expect(records.every((r) => isValidOrgnr(r.organisasjonsnummer))).toBe(true);

    const head = await fetch(`${er}/enheter/lastned`, { method: 'HEAD', headers: { accept: BULK_ACCEPT } });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);

    const again = await fetch(`${er}/enheter/lastned`, { headers: { accept: BULK_ACCEPT, 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });
});

describe('GET /oppdateringer/enheter', () => {
  it('walks the whole feed with oppdateringsid = last + 1, each entry once, in the documented shape', async () => {
    const { feed } = double.registry.timeline;
    const seen: number[] = [];
    let next = 0;
    for (;;) {
      const res = await getJson(`${er}/oppdateringer/enheter?oppdateringsid=${next}&size=100&includeChanges=true`);
      expect(res.status).toBe(200);
      const body = oppdaterteEnheterResponseSchema.parse(res.body);
      const entries = body._embedded?.oppdaterteEnheter ?? [];
      if (entries.length === 0) {
        expect(res.body).not.toHaveProperty('_embedded');
        break;
      }
      for (const e of entries) expect(e.endringer).toBeDefined();
      seen.push(...entries.map((e) => e.oppdateringsid));
      next = (entries[entries.length - 1]?.oppdateringsid ?? 0) + 1;
    }
    expect(seen).toEqual(Array.from(feed.ids.slice(0, feed.count)));
  });

  it('filters from and including oppdateringsid and dato, and by organisasjonsnummer; no endringer unless asked', async () => {
    const { feed } = double.registry.timeline;
    const id = feed.ids[10] as number;
    const byId = oppdaterteEnheterResponseSchema.parse((await getJson(`${er}/oppdateringer/enheter?oppdateringsid=${id}&size=1`)).body);
    expect(byId._embedded?.oppdaterteEnheter[0]?.oppdateringsid).toBe(id);
    expect(byId._embedded?.oppdaterteEnheter[0]).not.toHaveProperty('endringer');
    expect(byId.page.totalElements).toBe(feed.count - 10);
    const snapshot = new Date(double.registry.snapshotMs).toISOString();
    const byDate = oppdaterteEnheterResponseSchema.parse((await getJson(`${er}/oppdateringer/enheter?dato=${snapshot}&size=1`)).body);
    expect(byDate._embedded?.oppdaterteEnheter[0]?.oppdateringsid).toBe(feed.ids[feed.before]);
    const orgnr = byDate._embedded?.oppdaterteEnheter[0]?.organisasjonsnummer ?? '';
    const byOrgnr = oppdaterteEnheterResponseSchema.parse(
      (await getJson(`${er}/oppdateringer/enheter?organisasjonsnummer=${orgnr}&size=100`)).body,
    );
    expect(byOrgnr._embedded?.oppdaterteEnheter.every((e) => e.organisasjonsnummer === orgnr)).toBe(true);
  });

  it('refuses size over 10 000, page × size beyond 10 000 and a bad dato', async () => {
    expectBrregError((await getJson(`${er}/oppdateringer/enheter?size=10001`)).body, 400, 'size');
    expectBrregError((await getJson(`${er}/oppdateringer/enheter?size=10000&page=2`)).body, 400, 'page');
    expectBrregError((await getJson(`${er}/oppdateringer/enheter?dato=igår`)).body, 400, 'dato');
    expect((await getJson(`${er}/oppdateringer/enheter?size=10000`)).status).toBe(200);
  });
});

describe('GET /oppdateringer/roller', () => {
  it('returns CloudEvents after afterId, and walks to the end', async () => {
    const { roles } = double.registry.timeline;
    const seen: string[] = [];
    let after = 0;
    for (;;) {
      const res = await getJson(`${er}/oppdateringer/roller?afterId=${after}&size=50`);
      const events = rolleHendelserResponseSchema.parse(res.body);
      if (events.length === 0) break;
      seen.push(...events.map((e) => e.id));
      after = Number(events[events.length - 1]?.id);
    }
    expect(seen).toEqual(Array.from(roles.ids.slice(0, roles.count), String));
    expectBrregError((await getJson(`${er}/oppdateringer/roller?size=10001`)).body, 400, 'size');
    const afterTime = new Date(double.registry.snapshotMs).toISOString();
    const recent = rolleHendelserResponseSchema.parse((await getJson(`${er}/oppdateringer/roller?afterTime=${afterTime}&size=10000`)).body);
    expect(recent.every((e) => Date.parse(e.time) > double.registry.snapshotMs)).toBe(true);
  });
});

describe('Frivillighetsregisteret', () => {
  it('walks the listing by searchAfter from _links.next, sorted by orgnr, with no page block', async () => {
    const collected: string[] = [];
    let url: string | undefined = `${frr}/frivillige-organisasjoner?size=100`;
    while (url) {
      const res = await getJson(url);
      expect(res.status).toBe(200);
      const body = frivilligeOrganisasjonerResponseSchema.parse(res.body);
      expect(res.body).not.toHaveProperty('page');
      for (const r of body._embedded?.frivilligeOrganisasjoner ?? []) {
        expect(frivilligOrganisasjonSchema.parse(r)).toEqual(r);
        expect(r.icnpoKategorier.every((k) => k.navn === null)).toBe(true);
        collected.push(r.organisasjonsnummer);
      }
      url = body._links.next?.href;
      if (url) expect(url).toMatch(/searchAfter=\d{9}/);
    }
    expect(collected).toEqual(double.registry.frivilligOrgnrs().map(String));
    expect(collected.length).toBeGreaterThan(100);
  });

  it('refuses size over 100 and any page parameter', async () => {
    const tooBig = await getJson(`${frr}/frivillige-organisasjoner?size=101`);
    expect(tooBig.status).toBe(400);
    expect(brregErrorSchema.parse(tooBig.body).feilmelding).toBe('size cannot exceed 100');
    expect((await getJson(`${frr}/frivillige-organisasjoner?size=100`)).status).toBe(200);
    expect((await getJson(`${frr}/frivillige-organisasjoner?page=0`)).status).toBe(400);
  });

  it('answers one organisation (with category names for spraak=NOB), 404 when not registered', async () => {
    const orgnr = String(double.registry.frivilligOrgnrs()[0]);
    const res = await getJson(`${frr}/frivillige-organisasjoner/${orgnr}?spraak=NOB`);
    expect(res.status).toBe(200);
    const record = frivilligOrganisasjonSchema.parse(res.body);
    expect(record.icnpoKategorier.every((k) => typeof k.navn === 'string')).toBe(true);
    const notRegistered = unit((i) => !double.registry.core(i).frr);
    expect((await getJson(`${frr}/frivillige-organisasjoner/${notRegistered.orgnr}`)).status).toBe(404);
    expect((await getJson(`${frr}/frivillige-organisasjoner/123456789`)).status).toBe(400);
  });

  it('lists the 46 ICNPO categories', async () => {
    const body = icnpoKategorierResponseSchema.parse((await getJson(`${frr}/icnpo-kategorier?spraak=NOB`)).body);
    expect(body._embedded.icnpoKategorier).toHaveLength(46);
  });
});

describe('faults', () => {
  it('answers 500 on the 3rd feed page only, and records the requests', async () => {
    double.faults.requests = [{ route: 'oppdateringer-enheter', nth: 3, status: 500 }];
    try {
      const statuses: number[] = [];
      for (let n = 0; n < 4; n++) statuses.push((await fetch(`${er}/oppdateringer/enheter?size=1&page=${n}`)).status);
      expect(statuses).toEqual([200, 200, 500, 200]);
      expect(
        double.requests
          .filter((r) => r.route === 'oppdateringer-enheter')
          .slice(-4)
          .map((r) => r.status),
      ).toEqual([200, 200, 500, 200]);
    } finally {
      double.faults.requests = [];
    }
  });

  it('hangs when asked, so the client times out', async () => {
    double.faults.requests = [{ route: 'enhet', delayMs: 5_000 }];
    try {
      const { orgnr } = unit(() => true);
      await expect(fetch(`${er}/enheter/${orgnr}`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    } finally {
      double.faults.requests = [];
    }
  });

  it('cuts the bulk download after K bytes', async () => {
    double.faults.requests = [{ route: 'lastned', cutAfterBytes: 1_000 }];
    try {
      const res = await fetch(`${er}/enheter/lastned`, { headers: { accept: BULK_ACCEPT } });
      expect(res.status).toBe(200);
      expect(Number(res.headers.get('content-length'))).toBeGreaterThan(1_000);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      let received = 0;
      const read = async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          received += value.byteLength;
        }
      };
      await expect(read()).rejects.toThrow();
      expect(received).toBe(1_000);
    } finally {
      double.faults.requests = [];
    }
  });

  it('puts malformed records where asked: bulk, feed, Frivillighetsregisteret and single lookups', async () => {
    const { orgnr } = unit(() => true);
    double.faults.malformed = [
      { source: 'lastned', position: 5, kind: 'invalid-orgnr' },
      { source: 'lastned', position: 6, kind: 'missing-field' },
      { source: 'oppdateringer-enheter', position: 0, kind: 'bad-date' },
      { source: 'frivillige', position: 1, kind: 'wrong-type' },
      { source: 'enhet', orgnr, kind: 'not-an-object' },
    ];
    try {
      const res = await fetch(`${er}/enheter/lastned`, { headers: { accept: BULK_ACCEPT } });
      const records = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')) as Record<string, unknown>[];
      expect(records).toHaveLength(3_000);
      expect(isValidOrgnr(String(records[5]?.organisasjonsnummer))).toBe(false);
      expect(records[6]).not.toHaveProperty('navn');
      expect(enhetSchema.safeParse(records[4]).success).toBe(true);

      const feed = await getJson(`${er}/oppdateringer/enheter?size=2`);
      const entries = ((feed.body as { _embedded: unknown })._embedded as { oppdaterteEnheter: { dato: string }[] }).oppdaterteEnheter;
      expect(entries[0]?.dato).toBe('2023-02-30T25:61:00.000Z');
      expect(oppdaterteEnheterResponseSchema.safeParse(feed.body).success).toBe(false);

      const list = await getJson(`${frr}/frivillige-organisasjoner?size=3`);
      const records2 = ((list.body as { _embedded: unknown })._embedded as { frivilligeOrganisasjoner: unknown[] })
        .frivilligeOrganisasjoner;
      expect(frivilligOrganisasjonSchema.safeParse(records2[0]).success).toBe(true);
      expect(frivilligOrganisasjonSchema.safeParse(records2[1]).success).toBe(false);

      expect((await getJson(`${er}/enheter/${orgnr}`)).body).toBe(42);
    } finally {
      double.faults.malformed = [];
    }
  });

  it('can break the JSON of the bulk file itself', async () => {
    double.faults.malformed = [{ source: 'lastned', position: 10, kind: 'truncated-json' }];
    try {
      const res = await fetch(`${er}/enheter/lastned`, { headers: { accept: BULK_ACCEPT } });
      const text = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
      expect(() => JSON.parse(text)).toThrow();
    } finally {
      double.faults.malformed = [];
    }
  });
});

describe('serving a generated directory, under other base paths', () => {
  let dir: string;
  let fromDir: StartedRegistryDouble;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'frivillig-double-'));
    await generateRegistryFiles({ seed: 'dir-test', units: 800, dir, roles: false });
    fromDir = await startRegistryDouble({ dir, basePaths: { enhetsregisteret: '/er', frivillighetsregisteret: '/frr' } });
  });
  afterAll(async () => {
    await fromDir.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the generated bulk file byte for byte and answers lookups from the same register', async () => {
    expect(fromDir.enhetsregisteretUrl).toBe(`${fromDir.baseUrl}/er`);
    const res = await fetch(`${fromDir.enhetsregisteretUrl}/api/enheter/lastned`, { headers: { accept: BULK_ACCEPT } });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(readFileSync(join(dir, FILES.bulk)))).toBe(true);
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    const first = (JSON.parse(gunzipSync(bytes).toString('utf8')) as { organisasjonsnummer: string }[])[0];
    const lookup = await getJson(`${fromDir.enhetsregisteretUrl}/api/enheter/${first?.organisasjonsnummer}`);
    expect(lookup.status).toBe(200);
    expect((await getJson(`${fromDir.frivillighetsregisteretUrl}/api/icnpo-kategorier`)).status).toBe(200);
    expect((await getJson(`${fromDir.baseUrl}/enhetsregisteret/api/enheter`)).status).toBe(404);
  });
});
