import { createPrivateKey } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntakeClient, type IntakeAttachment } from './intake-client.ts';
import { type IntakeDouble, startIntakeDouble } from './intake-double.ts';
import { buildJwtGrant, createMaskinportenTokenProvider, TokenError } from './maskinporten.ts';
import { type MaskinportenDouble, startMaskinportenDouble } from './maskinporten-double.ts';
import { testRsaKeys } from './test-fixtures.ts';

/**
 * The submission adapter against local servers that speak the documented contracts: Maskinporten's token endpoint
 * (JWT grant) and Brønnøysundregistrene's electronic intake (upload, errors, replies). No mocks: real HTTP on
 * loopback.
 */

const keys = testRsaKeys();
const CLIENT_ID = 'frivillig-test-client';
const KID = 'test-key-1';
let mp: MaskinportenDouble;
let intake: IntakeDouble;

const MELDING = `<?xml version="1.0" encoding="UTF-8"?>
<Melding xmlns="http://schema.brreg.no/postmottak/henvendelse" id="6b1f5c1e-1111-4a4a-8888-123456789abc" tjeneste="t" tjenestehandling="h" versjon="4.0">
  <Mottaker id="974760673" idType="Organisasjonsnummer"/>
  <Avsender id="910000012" idType="Organisasjonsnummer"/>
  <Innhold><Data format="xml">&lt;x/&gt;</Data></Innhold>
</Melding>`;
const PDF: IntakeAttachment = {
  filename: 'vedtekter.pdf',
  contentType: 'application/pdf',
  data: new TextEncoder().encode('%PDF-1.7 test'),
};

function tokens(overrides: Partial<Parameters<typeof createMaskinportenTokenProvider>[0]> = {}) {
  return createMaskinportenTokenProvider({
    tokenUrl: mp.tokenUrl,
    audience: mp.issuer,
    clientId: CLIENT_ID,
    kid: KID,
    privateKeyPem: keys.privateKeyPem,
    scope: 'brreg:mottak',
    ...overrides,
  });
}

const client = (opts: { timeoutMs?: number } = {}) =>
  createIntakeClient({ baseUrl: intake.baseUrl, tokens: tokens(), timeoutMs: opts.timeoutMs ?? 10_000, retryDelayMs: 10 });

beforeAll(async () => {
  mp = await startMaskinportenDouble({ clientId: CLIENT_ID, kid: KID, publicKeyPem: keys.publicKeyPem });
  intake = await startIntakeDouble({ acceptToken: (t) => mp.isValidToken(t, 'brreg:mottak'), maxBytes: 64 * 1024 });
});
afterAll(async () => {
  await intake?.close();
  await mp?.close();
});
beforeEach(() => {
  intake.faults.length = 0;
  mp.faults.length = 0;
});

describe('Maskinporten JWT grant', () => {
  it('signs a grant with exactly the documented claims and gets a token', async () => {
    const provider = tokens();
    const token = await provider.getToken();
    expect(token).toMatch(/^[\w-]{20,}$/);
    const grant = mp.grants.at(-1)!;
    expect(grant.accepted).toBe(true);
    expect(grant.header).toEqual({ alg: 'RS256', kid: KID });
    expect(Object.keys(grant.claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'scope']);
    expect(grant.claims).toMatchObject({ aud: mp.issuer, iss: CLIENT_ID, scope: 'brreg:mottak' });
    expect((grant.claims.exp as number) - (grant.claims.iat as number)).toBeLessThanOrEqual(120);
    // Cached: the second call does not ask again.
    const before = mp.grants.length;
    expect(await provider.getToken()).toBe(token);
    expect(mp.grants.length).toBe(before);
    expect(await provider.getToken({ forceRefresh: true })).not.toBe(token);
  });

  it('reports a refused grant (wrong key) as not worth retrying, and an outage as worth retrying', async () => {
    const other = testRsaKeys();
    const refused = await tokens({ privateKeyPem: other.privateKeyPem })
      .getToken()
      .catch((e) => e);
    expect(refused).toBeInstanceOf(TokenError);
    expect(refused).toMatchObject({ retryable: false });
    expect(refused.message).toMatch(/signature does not verify/);
    mp.faults.push(503);
    const outage = await tokens()
      .getToken()
      .catch((e) => e);
    expect(outage).toMatchObject({ retryable: true });
    const wrongAudience = await tokens({ audience: 'https://maskinporten.no/' })
      .getToken()
      .catch((e) => e);
    expect(wrongAudience.message).toMatch(/aud must be/);
  });

  it('builds a grant that verifies with the public key', () => {
    const grant = buildJwtGrant({
      key: createPrivateKey(keys.privateKeyPem),
      kid: KID,
      audience: 'https://test.maskinporten.no/',
      clientId: CLIENT_ID,
      scope: 'brreg:mottak',
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const [h, c] = grant.split('.');
    expect(JSON.parse(Buffer.from(c!, 'base64url').toString())).toMatchObject({ iat: 1767225600, exp: 1767225700 });
    expect(JSON.parse(Buffer.from(h!, 'base64url').toString())).toEqual({ alg: 'RS256', kid: KID });
  });
});

describe('upload to the electronic intake', () => {
  it('sends payload and attachments as multipart and returns the receipt', async () => {
    const r = await client().upload({ payloadXml: MELDING, attachments: [PDF, { ...PDF, filename: 'protokoll.pdf' }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.receipt.antallVedlegg).toBe(2);
    expect(r.receipt.mottattTidspunkt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
    const got = intake.received.at(-1)!;
    expect(got.mottakId).toBe(r.receipt.mottakId);
    // A form field's line breaks travel as CRLF (HTML multipart rules); XML reads both the same way.
    expect(got.payload.replace(/\r\n/g, '\n')).toBe(MELDING);
    expect(got.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([
      ['vedtekter.pdf', 'application/pdf', PDF.data.byteLength],
      ['protokoll.pdf', 'application/pdf', PDF.data.byteLength],
    ]);
  });

  it.each([
    ['ERROR-00000', 'server-error', 500, { outcomeUnknown: true, retryLater: true }],
    ['CLIENTERROR-10001', 'xml-invalid', 400, { outcomeUnknown: false, retryLater: false }],
    ['CLIENTERROR-10002', 'request-incomplete', 400, { outcomeUnknown: false, retryLater: false }],
    ['CLIENTERROR-10003', 'too-large', 413, { outcomeUnknown: false, retryLater: false }],
    [415, 'unsupported-type', 415, { outcomeUnknown: false, retryLater: false }],
    [503, 'unreachable', 503, { outcomeUnknown: false, retryLater: true }],
  ] as const)('maps %s to %s with a message key', async (fault, kind, status, flags) => {
    intake.faults.push(fault);
    const r = await client().upload({ payloadXml: MELDING, attachments: [PDF] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure).toMatchObject({ kind, status, ...flags });
    expect(r.failure.messageKey).toMatch(/^reg\.intake\./);
    if (typeof fault === 'string') {
      expect(r.failure.feilkode).toBe(fault);
      expect(r.failure.feilId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('really checks the contract: missing payload, invalid envelope, a file type it does not take, the size limit', async () => {
    const c = client();
    expect(await c.upload({ payloadXml: '', attachments: [] })).toMatchObject({
      ok: false,
      failure: { kind: 'request-incomplete', feilkode: 'CLIENTERROR-10002' },
    });
    expect(await c.upload({ payloadXml: '<Melding/>', attachments: [] })).toMatchObject({
      ok: false,
      failure: { kind: 'xml-invalid', feilkode: 'CLIENTERROR-10001' },
    });
    expect(
      await c.upload({
        payloadXml: MELDING,
        attachments: [{ filename: 'virus.exe', contentType: 'application/x-msdownload', data: new Uint8Array(4) }],
      }),
    ).toMatchObject({
      ok: false,
      failure: { kind: 'unsupported-type', status: 415 },
    });
    const big = { filename: 'stor.pdf', contentType: 'application/pdf', data: new Uint8Array(70 * 1024) };
    expect(await c.upload({ payloadXml: MELDING, attachments: [big] })).toMatchObject({
      ok: false,
      failure: { kind: 'too-large', status: 413, feilkode: 'CLIENTERROR-10003' },
    });
  });

  it('refuses before sending anything over 35 MB', async () => {
    const huge = { filename: 'x.pdf', contentType: 'application/pdf', data: new Uint8Array(35 * 1024 * 1024 + 1) };
    const before = intake.requests.length;
    expect(await client().upload({ payloadXml: MELDING, attachments: [huge] })).toMatchObject({
      ok: false,
      failure: { kind: 'too-large', status: null },
    });
    expect(intake.requests.length).toBe(before);
  });

  it('retries once with a fresh token after a 401, and reports a lasting 401 as unauthorized', async () => {
    const c = client();
    await c.upload({ payloadXml: MELDING, attachments: [] });
    mp.revokeAll();
    const r = await c.upload({ payloadXml: MELDING, attachments: [] });
    expect(r.ok).toBe(true);
    intake.faults.push(401, 401);
    expect(await c.upload({ payloadXml: MELDING, attachments: [] })).toMatchObject({
      ok: false,
      failure: { kind: 'unauthorized', status: 401 },
    });
  });

  it('a Maskinporten outage means nothing was sent', async () => {
    mp.faults.push(500);
    const before = intake.requests.length;
    expect(await client().upload({ payloadXml: MELDING, attachments: [] })).toMatchObject({
      ok: false,
      failure: { kind: 'token', outcomeUnknown: false },
    });
    expect(intake.requests.length).toBe(before);
  });

  it('an intake that is not listening: nothing was sent (retried once)', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const c = createIntakeClient({ baseUrl: `http://127.0.0.1:${port}`, tokens: tokens(), retryDelayMs: 10 });
    expect(await c.upload({ payloadXml: MELDING, attachments: [] })).toMatchObject({
      ok: false,
      failure: { kind: 'unreachable', outcomeUnknown: false },
    });
  });

  it('no answer in time: the outcome is unknown, and it says so', async () => {
    intake.faults.push('hang');
    const r = await client({ timeoutMs: 300 }).upload({ payloadXml: MELDING, attachments: [] });
    expect(r).toMatchObject({ ok: false, failure: { kind: 'no-answer', outcomeUnknown: true, retryLater: true } });
  });

  it('a 200 that is not a receipt is not taken as one', async () => {
    intake.faults.push('broken-receipt');
    expect(await client().upload({ payloadXml: MELDING, attachments: [] })).toMatchObject({
      ok: false,
      failure: { kind: 'unexpected', outcomeUnknown: true },
    });
  });
});

describe('replies: available, download, confirm', () => {
  it('lists a reply, downloads its ZIP and confirms it away', async () => {
    const c = client();
    const id = intake.queueReply({
      meldingId: '6b1f5c1e-1111-4a4a-8888-123456789abc',
      tjenestehandling: 'vedtak',
      data: '<vedtak>registrert</vedtak>',
    });
    const list = await c.available();
    expect(list.map((r) => r.mottakId)).toContain(id);
    const zip = await c.download(id);
    expect(Buffer.from(zip.subarray(0, 2)).toString()).toBe('PK');
    await c.confirm(id);
    expect((await c.available()).map((r) => r.mottakId)).not.toContain(id);
    await expect(c.confirm('00000000-0000-0000-0000-000000000000')).rejects.toThrow(/404/);
  });
});
