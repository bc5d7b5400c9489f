import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePersonnummer } from '../../core/validators/personnummer.ts';
import { createFnrCipher, FnrDecryptError } from './fnr-crypto.ts';
import {
  addressSectionSchema,
  boardPersonSchema,
  frrSectionSchema,
  grasrotSectionSchema,
  normaliseDayMonth,
  questionsSectionSchema,
  rolesSectionSchema,
} from './registration.schema.ts';
import { osloInstant } from './submission.ts';
import { makeDnr, makeFnr } from './test-fixtures.ts';
import { parseXml, XmlParseError } from './xml.ts';
import { crc32, createZip, readZip, ZipFormatError } from './zip.ts';

describe('fødselsnummer encryption (AES-256-GCM, key from configuration)', () => {
  const key = randomBytes(32);
  const cipher = createFnrCipher(key);
  const fnr = makeFnr('150765');

  it('round-trips, and the stored text contains neither the number nor its birth date', () => {
    const stored = cipher.encrypt(fnr, 'registration:p1:a');
    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored).not.toContain(fnr);
    expect(stored).not.toContain('150765');
    expect(cipher.decrypt(stored, 'registration:p1:a')).toBe(fnr);
  });

  it('gives a new ciphertext every time (random IV)', () => {
    expect(cipher.encrypt(fnr, 'c')).not.toBe(cipher.encrypt(fnr, 'c'));
  });

  it('refuses a value moved to another person, altered, or read with another key', () => {
    const stored = cipher.encrypt(fnr, 'registration:p1:a');
    expect(() => cipher.decrypt(stored, 'registration:p1:b')).toThrow(FnrDecryptError);
    const parts = stored.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    expect(() => cipher.decrypt([...parts.slice(0, 3), ct.toString('base64url')].join('.'), 'registration:p1:a')).toThrow(FnrDecryptError);
    expect(() => createFnrCipher(randomBytes(32)).decrypt(stored, 'registration:p1:a')).toThrow(FnrDecryptError);
    expect(() => cipher.decrypt('not-a-value', 'x')).toThrow(FnrDecryptError);
  });

  it('hashes content with a key, so a known package cannot be used to guess a number', () => {
    const a = cipher.contentHash('{"fnr":"x"}');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.contentHash('{"fnr":"x"}')).toBe(a);
    expect(createFnrCipher(randomBytes(32)).contentHash('{"fnr":"x"}')).not.toBe(a);
  });

  it('insists on a 32-byte key', () => {
    expect(() => createFnrCipher(randomBytes(16))).toThrow();
  });
});

describe('test numbers', () => {
  it('makeFnr and makeDnr give numbers the validator accepts', () => {
    expect(parsePersonnummer(makeFnr('150765'))).toEqual({ kind: 'fodselsnummer', birthDate: '1965-07-15' });
    expect(parsePersonnummer(makeFnr('010203', 500))).toEqual({ kind: 'fodselsnummer', birthDate: '2003-02-01' });
    expect(parsePersonnummer(makeDnr('050176'))).toEqual({ kind: 'd-nummer', birthDate: '1976-01-05' });
  });
});

describe('question page schemas', () => {
  it.each([
    [{}, ['businessAddress']],
    [
      { businessAddress: 'Storgata 1', businessPostnummer: '123', businessPoststed: 'Oslo', kommunenummer: '0301', postalSame: 'yes' },
      ['businessPostnummer'],
    ],
    [
      { businessAddress: 'Storgata 1', businessPostnummer: '0150', businessPoststed: 'Oslo', kommunenummer: '3001', postalSame: 'yes' },
      ['kommunenummer'],
    ],
    [
      { businessAddress: 'Storgata 1', businessPostnummer: '0150', businessPoststed: 'Oslo', kommunenummer: '0301', postalSame: 'no' },
      ['postalAddress'],
    ],
  ])('address %# refuses %j', (input, fields) => {
    const r = addressSectionSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => String(i.path[0]))).toEqual(expect.arrayContaining(fields));
  });

  it('address with a separate postal address', () => {
    const r = addressSectionSchema.parse({
      businessAddress: 'Storgata 1',
      businessPostnummer: '0150',
      businessPoststed: 'Oslo',
      kommunenummer: '0301',
      postalSame: 'no',
      postalAddress: 'Postboks 12',
      postalPostnummer: '0101',
      postalPoststed: 'Oslo',
    });
    expect(r.postal).toEqual({ address: 'Postboks 12', postnummer: '0101', poststed: 'Oslo' });
  });

  it('board member: MOD11 fødselsnummer and D-nummer, synthetic only when allowed', () => {
    const schema = boardPersonSchema({ allowSynthetic: false });
    const ok = schema.parse({ name: 'Kari', boardRole: 'leader', fnr: `${makeFnr('150765')}` });
    expect(ok.fnr).toBe(makeFnr('150765'));
    expect(schema.parse({ name: 'Kari', boardRole: 'leader', fnr: makeDnr('050176') }).fnr).toBe(makeDnr('050176'));
    expect(schema.parse({ name: 'Kari', boardRole: 'leader', fnr: '' }).fnr).toBeUndefined();
    const bad = (fnr: string) => schema.safeParse({ name: 'Kari', boardRole: 'leader', fnr }).error?.issues[0]?.message;
    expect(bad('1234')).toBe('reg.error.fnrFormat');
    const wrong = makeFnr('150765');
    expect(bad(`${wrong.slice(0, 10)}${(Number(wrong[10]) + 1) % 10}`)).toBe('reg.error.fnrInvalid');
    // A Tenor-style synthetic number (month + 80) only where synthetic numbers are allowed (tests, demo).
    const synthetic = makeFnr('158765');
    expect(bad(synthetic)).toBe('reg.error.fnrInvalid');
    expect(boardPersonSchema({ allowSynthetic: true }).parse({ name: 'K', boardRole: 'deputy', fnr: synthetic }).fnr).toBe(synthetic);
  });

  it('roles: orgnr of revisor and regnskapsfører checked with MOD11', () => {
    const base = {
      revisor: 'yes',
      revisorOrgnr: '974760674',
      revisorName: 'Revisjon AS',
      regnskapsforer: 'no',
      signature: 'leader-alone',
      prokura: 'no',
    };
    expect(rolesSectionSchema.safeParse(base).error?.issues[0]?.message).toBe('reg.error.orgnrInvalid');
    expect(rolesSectionSchema.parse({ ...base, revisorOrgnr: '974 760 673' }).revisor).toEqual({ orgnr: '974760673', name: 'Revisjon AS' });
  });

  it('questions: employee count when there are employees', () => {
    expect(questionsSectionSchema.safeParse({ mva: 'no', employees: 'yes', foretaksregisteret: 'no' }).success).toBe(false);
    expect(questionsSectionSchema.parse({ mva: 'no', employees: 'yes', employeeCount: '3', foretaksregisteret: 'no' }).employees).toBe(3);
  });

  it('FRR: up to three ranked ICNPO categories, unique and without gaps', () => {
    const base = { frr: 'yes', vedtekter: 'yes', rapporteringsplikt: 'no', offentligFlertall: 'no', utdelingFysiskePersoner: 'no' };
    expect(frrSectionSchema.parse({ ...base, icnpo1: '1200', icnpo2: '13100' })).toMatchObject({
      register: true,
      icnpo: ['1200', '13100'],
    });
    expect(frrSectionSchema.safeParse({ ...base }).error?.issues[0]?.message).toBe('reg.error.icnpoRequired');
    expect(frrSectionSchema.safeParse({ ...base, icnpo1: '1200', icnpo2: '1200' }).error?.issues[0]).toMatchObject({
      message: 'reg.error.icnpoUnique',
      path: ['icnpo2'],
    });
    expect(frrSectionSchema.safeParse({ ...base, icnpo1: '1200', icnpo3: '1100' }).error?.issues[0]?.message).toBe('reg.error.icnpoGap');
    expect(frrSectionSchema.parse({ ...base, icnpo1: '1200', regnskapsperiodeSlutt: '30.6' })).toMatchObject({
      regnskapsperiodeSlutt: '--06-30',
    });
    expect(frrSectionSchema.safeParse({ ...base, icnpo1: '1200', regnskapsperiodeSlutt: '31.06' }).success).toBe(false);
    expect(frrSectionSchema.parse({ frr: 'no' })).toEqual({ register: false });
    expect(normaliseDayMonth('1-1')).toBe('--01-01');
  });

  it('grasrot: kontonummer (MOD11) required to take part, and every declaration answered', () => {
    const declarations = {
      drivesAllAktivitetLokaltEllerRegionalt: 'yes',
      frivilligArbeidsinnsats: 'yes',
      utfoererOppgaverForDetOffentlige: 'no',
      utfoererSykehuslignendeTjenester: 'no',
      erUngdomsorganisasjon: 'no',
      erElevEllerStudentorganisasjon: 'no',
    };
    expect(grasrotSectionSchema.safeParse({ deltarI: 'yes', ...declarations }).error?.issues[0]?.message).toBe(
      'reg.error.kontonummerRequired',
    );
    expect(grasrotSectionSchema.safeParse({ deltarI: 'yes', kontonummer: '86011117948', ...declarations }).error?.issues[0]?.message).toBe(
      'reg.error.kontonummerInvalid',
    );
    expect(grasrotSectionSchema.safeParse({ deltarI: 'yes', kontonummer: '8601.11.17947' }).error?.issues[0]?.path).toEqual([
      'drivesAllAktivitetLokaltEllerRegionalt',
    ]);
    const ok = grasrotSectionSchema.parse({ deltarI: 'yes', kontonummer: '8601.11.17947', ...declarations });
    expect(ok).toMatchObject({
      deltarI: true,
      kontonummer: '86011117947',
      declarations: { frivilligArbeidsinnsats: true, erUngdomsorganisasjon: false },
    });
    expect(grasrotSectionSchema.parse({ deltarI: 'no' })).toEqual({ deltarI: false, kontonummer: null, declarations: null });
  });
});

describe('ZIP', () => {
  it('writes what it reads, with UTF-8 names, and checks the CRC', () => {
    const entries = [
      { name: 'melding.xml', data: new TextEncoder().encode('<Melding/>') },
      { name: 'protokoll-æøå.pdf', data: randomBytes(5000) },
      { name: 'tom.txt', data: new Uint8Array(0) },
    ];
    const zip = createZip(entries);
    expect(Buffer.from(zip.subarray(0, 4)).toString('hex')).toBe('504b0304');
    const back = readZip(zip);
    expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    for (const [i, e] of back.entries()) expect(Buffer.from(e.data).equals(Buffer.from(entries[i]!.data))).toBe(true);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const broken = Buffer.from(zip);
    broken[44] = broken[44]! ^ 0xff; // inside the first entry's compressed data
    expect(() => readZip(broken)).toThrow();
    expect(() => readZip(new Uint8Array(10))).toThrow(ZipFormatError);
  });
});

describe('XML reader', () => {
  it('reads namespaces, attributes, entities and CDATA', () => {
    const root = parseXml(
      '<?xml version="1.0"?><!-- c --><m:A xmlns:m="urn:x" b="1 &amp; 2"><B>x &lt; y</B><C><![CDATA[<raw> ]]]]><![CDATA[>]]></C><D/></m:A>',
    );
    expect(root).toMatchObject({ name: 'A', ns: 'urn:x', attributes: { b: '1 & 2' } });
    expect(root.children.map((c) => [c.name, c.text])).toEqual([
      ['B', 'x < y'],
      ['C', '<raw> ]]>'],
      ['D', ''],
    ]);
  });

  it.each(['<a><b></a>', '<a>', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', '<a b="1" b="2"/>', '<a/><b/>', 'text', '<x:a/>'])(
    'refuses %s',
    (xml) => {
      expect(() => parseXml(xml)).toThrow(XmlParseError);
    },
  );
});

describe('mottattTidspunkt (Norwegian local time without a zone)', () => {
  it('is read as Oslo time, summer and winter', () => {
    expect(osloInstant('2019-09-02T13:18:40.785')?.toISOString()).toBe('2019-09-02T11:18:40.785Z');
    expect(osloInstant('2024-01-15T08:00:00')?.toISOString()).toBe('2024-01-15T07:00:00.000Z');
    expect(osloInstant('nonsense')).toBeNull();
  });
});
