import { createHash, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { escapeXml, parseXml, type XmlElement, type XmlParseError } from './xml.ts';
import { createZip } from './zip.ts';

/**
 * For tests and local development only — production never starts it: a real HTTP server on loopback that
 * implements Brønnøysundregistrene's electronic intake as documented (brief §4.4; brreg/docs "Elektronisk mottak",
 * Innsending and Uthenting):
 *
 * - `POST /inbound/upload`, multipart/form-data with `payload` (the Melding XML, namespace
 *   http://schema.brreg.no/postmottak/henvendelse) and `attachments` (files); Bearer token required (asked of
 *   `acceptToken`, normally the Maskinporten double, scope brreg:mottak) or 401 with WWW-Authenticate;
 *   at most `maxBytes` (35 MB) or 413 CLIENTERROR-10003; a file type outside the documented list → 415;
 *   no payload → 400 CLIENTERROR-10002; a payload that is not a valid Melding envelope → 400 CLIENTERROR-10001;
 *   otherwise 200 {mottakId, mottattTidspunkt (local time, no zone), antallVedlegg}. Errors carry
 *   {feilId, mottakId, kilde, feilkode, beskrivelse}.
 * - `GET /outbound/available`, `GET /outbound/download?mottakId=` (a ZIP with henvendelse.xml),
 *   `PUT /outbound/confirm?mottakId=`: replies the test queues with `queueReply`.
 *
 * Tests inject faults with `faults` (one per request): an error code to answer with, or 'hang' (never answers).
 */

export const HENVENDELSE_NS = 'http://schema.brreg.no/postmottak/henvendelse';

/** File types the intake takes (brreg/docs): XML, PDF, DOC(X), XLS(X), RTF, JPEG, PNG, ODT, ODS, TIFF, TXT, JSON, CSV, ZIP, GZIP. */
const ALLOWED_EXTENSIONS = new Set([
  'xml',
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'rtf',
  'jpeg',
  'jpg',
  'png',
  'odt',
  'ods',
  'tiff',
  'tif',
  'txt',
  'json',
  'csv',
  'zip',
  'gz',
  'gzip',
]);

export type IntakeFault =
  | 'ERROR-00000'
  | 'CLIENTERROR-10001'
  | 'CLIENTERROR-10002'
  | 'CLIENTERROR-10003'
  | 415
  | 401
  | 503
  | 'hang'
  | 'broken-receipt';

export interface ReceivedMessage {
  mottakId: string;
  mottattTidspunkt: string;
  payload: string;
  melding: XmlElement;
  attachments: { filename: string; contentType: string; size: number; sha256: string; data: Uint8Array }[];
}

export interface IntakeDouble {
  /** The base URL, as BRREG_MOTTAK_URL (`/inbound/…` and `/outbound/…` are appended). */
  baseUrl: string;
  received: ReceivedMessage[];
  /** Every request: method and path. */
  requests: string[];
  faults: IntakeFault[];
  maxBytes: number;
  /** Puts a reply to a received message (by our Melding id) in outbound/available; returns its mottakId. */
  queueReply(opts: { meldingId: string; tjenestehandling: string; data: string; mottaker?: string }): string;
  /** Replies not yet confirmed. */
  pendingReplies(): string[];
  close(): Promise<void>;
}

/** mottattTidspunkt as the intake writes it: Norwegian local time without a zone, milliseconds included. */
export function osloLocalTimestamp(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** The envelope checks of melding.xsd v4.0 that a sender can get wrong (stGUID id, stTekst64/32 lengths, required parts). */
export function validateMelding(root: XmlElement): string | null {
  if (root.name !== 'Melding' || root.ns !== HENVENDELSE_NS) return `root element must be {${HENVENDELSE_NS}}Melding`;
  const a = root.attributes;
  if (!a.id || !/^[A-Za-z0-9._-]{32,36}@?[A-Za-z0-9.-]{0,11}$/.test(a.id)) return 'attribute id must be a GUID';
  if (!a.tjeneste || a.tjeneste.length > 64) return 'attribute tjeneste is required (at most 64 characters)';
  if (!a.tjenestehandling || a.tjenestehandling.length > 64) return 'attribute tjenestehandling is required (at most 64 characters)';
  if (!a.versjon || a.versjon.length > 32) return 'attribute versjon is required (at most 32 characters)';
  for (const name of ['Mottaker', 'Avsender']) {
    const el = root.children.find((c) => c.name === name);
    if (!el?.attributes.id || !el.attributes.idType) return `${name} with id and idType is required`;
  }
  const innhold = root.children.find((c) => c.name === 'Innhold');
  const data = innhold?.children.find((c) => c.name === 'Data' || c.name === 'DataRef');
  if (!data) return 'Innhold with Data or DataRef is required';
  if (data.name === 'Data' && !data.attributes.format) return 'Data needs a format attribute';
  const allowed = new Set(['Mottaker', 'Avsender', 'Referanse', 'Innhold', 'Vedlegg', 'Signatur']);
  const unknown = root.children.find((c) => !allowed.has(c.name));
  if (unknown) return `unexpected element ${unknown.name}`;
  return null;
}

export async function startIntakeDouble(opts: {
  acceptToken: (token: string) => boolean;
  maxBytes?: number;
  now?: () => Date;
}): Promise<IntakeDouble> {
  const now = opts.now ?? (() => new Date());
  const replies = new Map<string, { zip: Uint8Array; confirmed: boolean; oppdatert: string }>();
  const hanging = new Set<() => void>();
  const app = new Hono();
  const double: IntakeDouble = {
    baseUrl: '',
    received: [],
    requests: [],
    faults: [],
    maxBytes: opts.maxBytes ?? 35 * 1024 * 1024,
    queueReply({ meldingId, tjenestehandling, data, mottaker = '000000000' }) {
      const mottakId = randomUUID();
      const xml = [
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
        `<Melding xmlns="${HENVENDELSE_NS}" id="${mottakId}" tjeneste="svar" tjenestehandling="${escapeXml(tjenestehandling)}" versjon="4.0">`,
        `  <Mottaker id="${escapeXml(mottaker)}" idType="Organisasjonsnummer"/>`,
        '  <Avsender id="974760673" idType="Organisasjonsnummer"/>',
        `  <Referanse referanse="${escapeXml(meldingId)}" referanseType="MeldingsReferanse"/>`,
        `  <Innhold><Data format="xml"><![CDATA[${data}]]></Data></Innhold>`,
        '</Melding>',
      ].join('\n');
      replies.set(mottakId, {
        zip: createZip([{ name: 'henvendelse.xml', data: new TextEncoder().encode(xml) }]),
        confirmed: false,
        oppdatert: osloLocalTimestamp(now()),
      });
      return mottakId;
    },
    pendingReplies: () => [...replies].filter(([, r]) => !r.confirmed).map(([id]) => id),
    close: async () => {},
  };

  const errorBody = (feilkode: string | null, beskrivelse: string, mottakId: string | null = null) => ({
    feilId: randomUUID(),
    mottakId,
    kilde: 'maskinport-agent',
    feilkode,
    beskrivelse,
  });

  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    double.requests.push(`${c.req.method} ${url.pathname}${url.search}`);
    const auth = c.req.header('authorization') ?? '';
    if (!auth.startsWith('Bearer ')) {
      c.header(
        'WWW-Authenticate',
        'Bearer realm="unspecified", error="unauthorized", error_description="Full authentication is required to access this resource"',
      );
      return c.body(null, 401);
    }
    if (!opts.acceptToken(auth.slice(7))) {
      c.header(
        'WWW-Authenticate',
        'Bearer realm="unspecified", error="invalid_token", error_description="invalid bearer token or wrong scope for bearer token"',
      );
      return c.body(null, 401);
    }
    await next();
  });

  app.post('/inbound/upload', async (c) => {
    const fault = double.faults.shift();
    if (fault === 'hang') {
      return new Promise<Response>((resolve) => hanging.add(() => resolve(new Response(null, { status: 503 }))));
    }
    if (fault === 401) {
      c.header(
        'WWW-Authenticate',
        'Bearer realm="unspecified", error="invalid_token", error_description="invalid bearer token or wrong scope for bearer token"',
      );
      return c.body(null, 401);
    }
    if (fault === 503) return c.text('Service Unavailable', 503);
    if (fault === 'ERROR-00000') return c.json(errorBody('ERROR-00000', 'Generisk feilhåndterer. Forsøk igjen senere.'), 500);
    if (fault === 'CLIENTERROR-10001') return c.json(errorBody('CLIENTERROR-10001', 'Message invalid according to schema'), 400);
    if (fault === 'CLIENTERROR-10002') return c.json(errorBody('CLIENTERROR-10002', 'Missing payload'), 400);
    if (fault === 'CLIENTERROR-10003') return c.json(errorBody('CLIENTERROR-10003', 'Request is too large to upload'), 413);
    if (fault === 415) return c.json(errorBody(null, 'Unsupported file type(s): injected'), 415);

    // The size limit applies to the whole request, checked before (Content-Length) and while (chunked) reading.
    const declared = Number(c.req.header('content-length') ?? 'NaN');
    if (declared > double.maxBytes) return c.json(errorBody('CLIENTERROR-10003', 'Request is too large to upload'), 413);
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = c.req.raw.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > double.maxBytes) {
          await reader.cancel();
          return c.json(errorBody('CLIENTERROR-10003', 'Request is too large to upload'), 413);
        }
        chunks.push(value);
      }
    }
    const contentType = c.req.header('content-type') ?? '';
    if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
      return c.json(errorBody('CLIENTERROR-10002', 'Request must be multipart/form-data'), 400);
    }
    let form: FormData;
    try {
      form = await new Request('http://intake.local/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: Buffer.concat(chunks),
      }).formData();
    } catch {
      return c.json(errorBody('CLIENTERROR-10002', 'Could not read the multipart request'), 400);
    }
    const payloadPart = form.get('payload');
    const payload = typeof payloadPart === 'string' ? payloadPart : payloadPart ? await (payloadPart as unknown as Blob).text() : '';
    if (!payload.trim()) return c.json(errorBody('CLIENTERROR-10002', 'Missing payload'), 400);

    type FilePart = { name: string; type: string; arrayBuffer(): Promise<ArrayBuffer> };
    const files = form.getAll('attachments').filter((f) => typeof f !== 'string') as unknown as FilePart[];
    const unsupported = files.filter((f) => !ALLOWED_EXTENSIONS.has((f.name.split('.').pop() ?? '').toLowerCase()));
    if (unsupported.length) return c.json(errorBody(null, `Unsupported file type(s): ${unsupported.map((f) => f.name).join(', ')}`), 415);

    let melding: XmlElement;
    try {
      melding = parseXml(payload);
    } catch (error) {
      return c.json(errorBody('CLIENTERROR-10001', `Message invalid according to schema: ${(error as XmlParseError).message}`), 400);
    }
    const invalid = validateMelding(melding);
    if (invalid) return c.json(errorBody('CLIENTERROR-10001', `Message invalid according to schema: ${invalid}`), 400);

    const mottakId = randomUUID();
    const mottattTidspunkt = osloLocalTimestamp(now());
    const attachments = await Promise.all(
      files.map(async (f) => {
        const data = new Uint8Array(await f.arrayBuffer());
        return {
          filename: f.name,
          contentType: f.type,
          size: data.byteLength,
          sha256: createHash('sha256').update(data).digest('hex'),
          data,
        };
      }),
    );
    double.received.push({ mottakId, mottattTidspunkt, payload, melding, attachments });
    if (fault === 'broken-receipt') return c.text('<html>OK</html>', 200);
    return c.json({ mottakId, mottattTidspunkt, antallVedlegg: attachments.length });
  });

  app.get('/outbound/available', (c) =>
    c.json(
      [...replies]
        .filter(([, r]) => !r.confirmed)
        .map(([mottakId, r]) => ({ mottakId, version: 0, orgnr: 0, dokumentId: mottakId, status: 'ready', oppdatert: r.oppdatert })),
    ),
  );

  app.get('/outbound/download', (c) => {
    const reply = replies.get(c.req.query('mottakId') ?? '');
    if (!reply) return c.json(errorBody(null, 'Unknown mottakId'), 404);
    return c.body(Buffer.from(reply.zip), 200, { 'content-type': 'application/octet-stream' });
  });

  app.put('/outbound/confirm', (c) => {
    const reply = replies.get(c.req.query('mottakId') ?? '');
    if (!reply) return c.json(errorBody(null, 'Unknown mottakId'), 404);
    reply.confirmed = true;
    return c.json({});
  });

  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  double.baseUrl = `http://127.0.0.1:${port}`;
  double.close = () =>
    new Promise<void>((resolve) => {
      for (const release of hanging) release();
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      server.close(() => resolve());
    });
  return double;
}
