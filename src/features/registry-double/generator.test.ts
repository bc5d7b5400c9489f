import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidKommunenummer } from '../../core/validators/kommunenummer.ts';
import { isValidKontonummer } from '../../core/validators/kontonummer.ts';
import { isValidOrgnr } from '../../core/validators/orgnr.ts';
import {
  type Enhet,
  enhetSchema,
  frivilligOrganisasjonSchema,
  oppdatertEnhetSchema,
  rolleHendelseSchema,
  rollerResponseSchema,
} from '../register/brreg-shapes.ts';
import { ICNPO_ROWS } from './frivillig.ts';
import { OrgnrSpace } from './orgnr-space.ts';
import { hashString } from './random.ts';
import { Registry } from './registry.ts';
import { FILES, generateRegistryFiles, readManifest } from './write.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'frivillig-registry-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** What a client receives: the record through JSON (undefined fields vanish). */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Applies JSON-Patch add/replace/remove operations (RFC 6902) to a copy of a document. */
function applyPatch(document: unknown, ops: { op: string; path: string; value?: unknown }[]): unknown {
  const doc = structuredClone(document) as Record<string, unknown>;
  for (const { op, path, value } of ops) {
    const keys = path
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop() as string;
    let target = doc;
    for (const key of keys) target = target[key] as Record<string, unknown>;
    if (op === 'remove') delete target[last];
    else target[last] = structuredClone(value);
  }
  return doc;
}

describe('organisasjonsnummer space', () => {
  const space = new OrgnrSpace(hashString('space-test'));

  it('maps indexes to valid, distinct numbers beginning with 8 or 9, and back', () => {
    const seen = new Set<string>();
    const indexes = [0, 1, 2, 3, OrgnrSpace.capacity - 1, OrgnrSpace.capacity - 2];
    for (let i = 0; i < 30_000; i++) indexes.push(i * 599 + 7);
    const wrong: string[] = [];
    for (const index of indexes) {
      const orgnr = space.orgnrOf(index);
      if (!isValidOrgnr(orgnr) || !/^[89]\d{8}$/.test(orgnr) || space.indexOf(orgnr) !== index) wrong.push(`${index} → ${orgnr}`);
      seen.add(orgnr);
    }
    expect(wrong).toEqual([]);
    expect(seen.size).toBe(new Set(indexes).size);
  });

  it('knows numbers outside the space', () => {
    expect(space.indexOf('974760673'.replace(/3$/, '4'))).toBeUndefined(); // wrong check digit
    expect(space.indexOf('123456785')).toBeUndefined(); // valid MOD11, but not 8xx/9xx
    expect(space.indexOf('abc')).toBeUndefined();
    expect(() => space.orgnrOf(OrgnrSpace.capacity)).toThrow(RangeError);
  });

  it('depends on the seed', () => {
    expect(new OrgnrSpace(hashString('a')).orgnrOf(0)).not.toBe(new OrgnrSpace(hashString('b')).orgnrOf(0));
  });
});

describe('generated register', () => {
  const registry = new Registry({ seed: 'shape-test', units: 20_000 });
  const snapshotDay = registry.snapshotDay;
  const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);

  it('writes every unit in the documented enhet v2 shape, with no undocumented field', () => {
    for (let i = 0; i < 3_000; i++) {
      const record = asJson(registry.enhet(i, 'snapshot'));
      expect(enhetSchema.parse(record)).toEqual(record);
    }
  });

  it('has plausible dates: registration not before foundation, nothing after the snapshot', () => {
    for (let i = 0; i < 20_000; i += 7) {
      const e = registry.enhet(i, 'snapshot');
      const registered = day(e.registreringsdatoEnhetsregisteret);
      expect(registered).toBeLessThanOrEqual(snapshotDay);
      expect(registered).toBeGreaterThanOrEqual(day('1995-02-01'));
      if (e.stiftelsesdato) expect(day(e.stiftelsesdato)).toBeLessThanOrEqual(registered);
      for (const other of [
        e.registreringsdatoFrivillighetsregisteret,
        e.registreringsdatoMerverdiavgiftsregisteret,
        e.konkursdato,
        e.underAvviklingDato,
      ]) {
        if (other) {
          expect(day(other)).toBeGreaterThanOrEqual(registered);
          expect(day(other)).toBeLessThanOrEqual(snapshotDay);
        }
      }
    }
  });

  it('puts about 6 % in Frivillighetsregisteret, about 13 % as FLI, and most in the big cities', () => {
    let frr = 0;
    let fli = 0;
    const byKommune = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const core = registry.core(i);
      if (core.frr) frr++;
      if (core.form === 'FLI') fli++;
      byKommune.set(core.kommune.nummer, (byKommune.get(core.kommune.nummer) ?? 0) + 1);
    }
    expect(frr / 20_000).toBeGreaterThan(0.05);
    expect(frr / 20_000).toBeLessThan(0.075);
    expect(fli / 20_000).toBeGreaterThan(0.1);
    expect(fli / 20_000).toBeLessThan(0.16);
    const ranked = [...byKommune.entries()].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]?.[0]).toBe('0301');
    expect(byKommune.get('4601') ?? 0).toBeGreaterThan(byKommune.get('1151') ?? 0); // Bergen before Utsira
    for (const nummer of byKommune.keys()) expect(isValidKommunenummer(nummer)).toBe(true);
  });

  it('includes the odd but valid records real data has', () => {
    const records: Enhet[] = [];
    for (let i = 0; i < 20_000; i++) records.push(registry.enhet(i, 'snapshot'));
    const some = (test: (e: Enhet) => boolean) => records.some(test);
    expect(some((e) => !e.postadresse)).toBe(true);
    expect(some((e) => !e.forretningsadresse)).toBe(true);
    expect(
      some((e) => (e.forretningsadresse ?? e.postadresse)?.landkode !== 'NO' && !(e.forretningsadresse ?? e.postadresse)?.kommunenummer),
    ).toBe(true);
    expect(some((e) => e.navn.length > 120)).toBe(true);
    expect(some((e) => /[ÁČĐŊŠŦŽ]/.test(e.navn))).toBe(true);
    expect(some((e) => /["«]/.test(e.navn))).toBe(true);
    expect(some((e) => e.antallAnsatte === undefined && !e.harRegistrertAntallAnsatte)).toBe(true);
    expect(some((e) => e.antallAnsatte === undefined && e.harRegistrertAntallAnsatte)).toBe(true);
    expect(some((e) => e.underAvvikling && !!e.underAvviklingDato)).toBe(true);
    expect(some((e) => e.konkurs && !!e.konkursdato)).toBe(true);
    expect(some((e) => !e.stiftelsesdato)).toBe(true);
    expect(some((e) => !e.naeringskode1)).toBe(true);
    expect(some((e) => e.maalform === 'Nynorsk')).toBe(true);
    // Names as Brønnøysund writes them: upper case; kommune names in addresses too.
    expect(records.every((e) => e.navn === e.navn.toUpperCase())).toBe(true);
    const kommuner = records.map((e) => e.forretningsadresse?.kommune).filter(Boolean) as string[];
    expect(kommuner.every((k) => k === k.toUpperCase() && !k.includes(' - '))).toBe(true);
    // Organisation names like the task describes.
    expect(some((e) => / (IDRETTSLAG|IL|SKIKLUBB|MUSIKKORPS|HUSFLIDSLAG|SJAKKLUBB)$/.test(e.navn))).toBe(true);
    expect(some((e) => e.navn.startsWith('FORELDREUTVALGET VED '))).toBe(true);
    expect(some((e) => e.navn.startsWith('BYGDELAGET I '))).toBe(true);
    expect(some((e) => e.navn.endsWith(' AS'))).toBe(true);
  });

  it('gives Frivillighetsregisteret records with ranked ICNPO categories and valid account numbers', () => {
    const codes = new Set(ICNPO_ROWS.map((r) => r.icnpoNummer));
    let withGrasrot = 0;
    let records = 0;
    for (let i = 0; i < 20_000; i++) {
      const record = registry.frivillig(i, 'snapshot');
      if (!record) {
        expect(registry.enhet(i, 'snapshot').registrertIFrivillighetsregisteret).toBe(false);
        continue;
      }
      records++;
      const json = asJson(record);
      expect(frivilligOrganisasjonSchema.parse(json)).toEqual(json);
      expect(registry.enhet(i, 'snapshot').registrertIFrivillighetsregisteret).toBe(true);
      const ranks = record.icnpoKategorier.map((k) => k.rekkefoelge).sort();
      expect(ranks).toEqual(ranks.map((_, n) => n + 1));
      for (const k of record.icnpoKategorier) {
        expect(codes.has(k.icnpoNummer)).toBe(true);
        expect(k.navn).toBeNull();
        expect(k.kategori).toMatch(/^ICNPOKategori\.[a-z][A-Za-z]+$/);
      }
      if (record.grasrotandel.deltarI) {
        withGrasrot++;
        expect(isValidKontonummer(record.kontonummer ?? ''), record.kontonummer).toBe(true);
      }
      expect(day(record.foersteGangInnfoert)).toBeLessThanOrEqual(day(record.innfoertDato));
    }
    expect(records).toBeGreaterThan(1000);
    expect(withGrasrot / records).toBeGreaterThan(0.4);
  });

  it('gives roles in the documented shape: people with names and birth dates, and firms as revisor', () => {
    const codes = new Set<string>();
    let heldByUnit = 0;
    let resigned = 0;
    let without = 0;
    for (let i = 0; i < 2_000; i++) {
      const roller = registry.roller(i, 'snapshot');
      if (!roller) {
        without++;
        continue;
      }
      const json = asJson(roller);
      expect(rollerResponseSchema.parse(json)).toEqual(json);
      for (const group of roller.rollegrupper) {
        for (const role of group.roller) {
          codes.add(role.type.kode);
          if (role.enhet) {
            heldByUnit++;
            expect(registry.lookup(role.enhet.organisasjonsnummer, 'snapshot').status).toBe('found');
            expect(role.enhet.erSlettet).toBe(false);
          }
          if (role.fratraadt) resigned++;
          if (role.person) {
            const age = new Date(registry.snapshotMs).getUTCFullYear() - Number(role.person.fodselsdato.slice(0, 4));
            expect(age).toBeGreaterThanOrEqual(18);
            expect(age).toBeLessThanOrEqual(81);
          }
        }
      }
    }
    for (const code of ['LEDE', 'NEST', 'MEDL', 'VARA', 'DAGL', 'KONT', 'REVI', 'INNH']) expect(codes.has(code), code).toBe(true);
    expect(heldByUnit).toBeGreaterThan(0);
    expect(resigned).toBeGreaterThan(0);
    expect(without).toBeGreaterThan(0);
  });

  it('keeps a change feed with increasing ids (with gaps), the observed mix, and the documented entry shape', () => {
    const { feed } = registry.timeline;
    let gaps = 0;
    for (let k = 1; k < feed.count; k++) {
      expect(feed.ids[k]).toBeGreaterThan(feed.ids[k - 1] as number);
      expect(feed.times[k]).toBeGreaterThan(feed.times[k - 1] as number);
      if ((feed.ids[k] as number) - (feed.ids[k - 1] as number) > 1) gaps++;
    }
    expect(gaps).toBeGreaterThan(0);
    expect(feed.times[feed.before - 1]).toBeLessThan(registry.snapshotMs);
    expect(feed.times[feed.before]).toBeGreaterThanOrEqual(registry.snapshotMs);
    const counts = registry.counts().feed;
    expect(counts.Endring).toBeGreaterThan(counts.Ny ?? 0);
    expect(counts.Ny).toBeGreaterThan(counts.Sletting ?? 0);
    expect(counts.Sletting).toBeGreaterThan(counts.Fjernet ?? 0);
    expect(counts.Fjernet).toBeGreaterThan(0);
    for (let k = 0; k < feed.count; k++) {
      const entry = asJson(registry.feedEntry(k, { includeChanges: true, linkBase: 'http://localhost/enhetsregisteret/api' }));
      expect(oppdatertEnhetSchema.parse(entry)).toEqual(entry);
    }
    for (let p = 0; p < registry.timeline.roles.count; p++) {
      const event = registry.roleEvent(p, 'http://localhost/enhetsregisteret/api');
      expect(rolleHendelseSchema.parse(event)).toEqual(event);
    }
  });

  it('is coherent: the bulk plus the feed after the snapshot is the current state the API serves', () => {
    const { feed } = registry.timeline;
    const state = new Map<string, unknown>();
    const gone = new Map<string, string>();
    for (let k = feed.before; k < feed.count; k++) {
      const entry = registry.feedEntry(k, { includeChanges: true, linkBase: 'http://localhost/api' });
      const orgnr = entry.organisasjonsnummer;
      const found = registry.lookup(orgnr, 'snapshot');
      if (entry.endringstype === 'Ny') {
        expect(found.status).toBe('unknown');
        state.set(orgnr, applyPatch({}, entry.endringer ?? []));
      } else if (entry.endringstype === 'Endring') {
        const before = state.get(orgnr) ?? (found.status === 'found' ? asJson(registry.enhet(found.index, 'snapshot')) : undefined);
        expect(before, orgnr).toBeDefined();
        state.set(orgnr, applyPatch(before, entry.endringer ?? []));
      } else {
        expect(found.status).toBe('found');
        gone.set(orgnr, entry.dato.slice(0, 10));
        state.delete(orgnr);
      }
    }
    expect(state.size).toBeGreaterThan(10);
    for (const [orgnr, expected] of state) {
      const now = registry.lookup(orgnr);
      expect(now.status).toBe('found');
      if (now.status !== 'found') continue;
      const { _links, respons_klasse, ...current } = asJson(registry.enhet(now.index)) as Record<string, unknown>;
      const { _links: _l, respons_klasse: _r, ...rebuilt } = expected as Record<string, unknown>;
      expect(rebuilt).toEqual(current);
      expect(_links).toBeDefined();
      expect(respons_klasse).toBe('Enhet');
    }
    expect(gone.size).toBeGreaterThan(0);
    for (const [orgnr, dato] of gone) {
      const now = registry.lookup(orgnr);
      expect(now).toMatchObject({ status: 'gone', body: { organisasjonsnummer: orgnr, slettedato: dato } });
    }
  });
});

describe('generate command output', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await generateRegistryFiles({ seed: 'files', units: 20_000, dir, roles: false });
  });

  it('writes the bulk file as a gzip-compressed JSON array of every unit, and a manifest', () => {
    const manifest = readManifest(dir);
    const records = JSON.parse(gunzipSync(readFileSync(join(dir, FILES.bulk))).toString('utf8')) as Enhet[];
    expect(Array.isArray(records)).toBe(true);
    expect(records).toHaveLength(20_000);
    expect(new Set(records.map((r) => r.organisasjonsnummer)).size).toBe(20_000);
    expect(records.every((r) => isValidOrgnr(r.organisasjonsnummer))).toBe(true);
    for (const r of records.slice(0, 500)) expect(enhetSchema.parse(r)).toEqual(r);
    expect(manifest).toMatchObject({ seed: 'files', units: 20_000, files: { bulk: { records: 20_000 } } });
    const frivillige = JSON.parse(gunzipSync(readFileSync(join(dir, FILES.frivillige))).toString('utf8')) as {
      organisasjonsnummer: string;
    }[];
    expect(frivillige).toHaveLength(manifest.counts.frivillige);
    expect(frivillige.length).toBe(records.filter((r) => r.registrertIFrivillighetsregisteret).length);
    const sorted = frivillige.map((f) => f.organisasjonsnummer);
    expect(sorted).toEqual([...sorted].sort());
    const feed = JSON.parse(gunzipSync(readFileSync(join(dir, FILES.oppdateringerEnheter))).toString('utf8')) as unknown[];
    expect(feed).toHaveLength(manifest.feedBefore + manifest.feedAfter);
  });

  it('is deterministic: the same seed gives the same bytes, another seed other bytes', async () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    await generateRegistryFiles({ seed: 'same', units: 1_500, dir: a });
    await generateRegistryFiles({ seed: 'same', units: 1_500, dir: b });
    await generateRegistryFiles({ seed: 'other', units: 1_500, dir: c });
    for (const file of Object.values(FILES)) {
      expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file).toBe(true);
    }
    expect(readFileSync(join(a, FILES.bulk)).equals(readFileSync(join(c, FILES.bulk)))).toBe(false);
    const roller = JSON.parse(gunzipSync(readFileSync(join(a, FILES.roller))).toString('utf8')) as { organisasjonsnummer: string }[];
    expect(roller.length).toBe(readManifest(a).counts.enheterMedRoller);
    expect(roller.length).toBeGreaterThan(1_400);
  });
});
