import { z } from 'zod';
import { TokenError, type TokenProvider } from './maskinporten.ts';

/**
 * The submission adapter for Brønnøysundregistrene's electronic intake ("Elektronisk mottak", BRsys; brief §4.4,
 * brreg/docs content/apidokumentasjon/elektronisk mottak). Contract:
 *
 * - `POST <base>/inbound/upload`, multipart/form-data: `payload` = the `Melding` XML, `attachments` = files
 *   (XML, PDF, DOC(X), XLS(X), RTF, JPEG, PNG, ODT/ODS, TIFF, TXT, JSON, CSV, ZIP, GZIP); at most 35 MB;
 *   `Authorization: Bearer <Maskinporten token, scope brreg:mottak>`.
 *   200 → {mottakId, mottattTidspunkt, antallVedlegg}; errors → {feilId, mottakId, kilde, feilkode, beskrivelse}:
 *   500 ERROR-00000 (generic, "try again later"), 400 CLIENTERROR-10001 (XML validation), 400 CLIENTERROR-10002
 *   (something missing, e.g. the payload), 413 CLIENTERROR-10003 (too large), 415 (unsupported file type);
 *   401 with WWW-Authenticate when the token is missing, invalid or for another scope.
 * - Replies: `GET <base>/outbound/available` → [{mottakId, version, orgnr, dokumentId, status, oppdatert}],
 *   `GET <base>/outbound/download?mottakId=` → a ZIP with henvendelse.xml, `PUT <base>/outbound/confirm?mottakId=`.
 *
 * Every failure becomes an `IntakeFailure` whose message key explains it in the user's language and says whether
 * the package may have arrived (`outcomeUnknown`) and whether sending again is worth it. The adapter retries by
 * itself only where that cannot cause a second notice: when the connection was refused before anything was sent,
 * and once with a fresh token after a 401 (the intake refuses those before reading the message).
 */

export const MAX_REQUEST_BYTES = 35 * 1024 * 1024;

export interface IntakeAttachment {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

export interface IntakeReceipt {
  mottakId: string;
  /** As the intake wrote it: a local date-time without zone ("2019-09-02T13:18:40.785"), Norwegian time. */
  mottattTidspunkt: string;
  antallVedlegg: number;
}

export type IntakeFailureKind =
  | 'server-error'
  | 'xml-invalid'
  | 'request-incomplete'
  | 'too-large'
  | 'unsupported-type'
  | 'unauthorized'
  | 'token'
  | 'unreachable'
  | 'no-answer'
  | 'unexpected';

export interface IntakeFailure {
  kind: IntakeFailureKind;
  status: number | null;
  feilkode: string | null;
  feilId: string | null;
  mottakId: string | null;
  beskrivelse: string | null;
  /** True when the intake may have stored the message although we got no receipt. */
  outcomeUnknown: boolean;
  /** True when sending the same package again later can succeed (a temporary fault on their side or the way there). */
  retryLater: boolean;
  messageKey: IntakeMessageKey;
}

export type IntakeMessageKey =
  | 'reg.intake.serverError'
  | 'reg.intake.xmlInvalid'
  | 'reg.intake.requestIncomplete'
  | 'reg.intake.tooLarge'
  | 'reg.intake.unsupportedType'
  | 'reg.intake.unauthorized'
  | 'reg.intake.token'
  | 'reg.intake.unreachable'
  | 'reg.intake.noAnswer'
  | 'reg.intake.unexpected';

export type UploadResult = { ok: true; receipt: IntakeReceipt } | { ok: false; failure: IntakeFailure };

export interface AvailableReply {
  mottakId: string;
  status: string | null;
  oppdatert: string | null;
}

export interface IntakeClient {
  upload(opts: { payloadXml: string; attachments: IntakeAttachment[]; signal?: AbortSignal }): Promise<UploadResult>;
  available(opts?: { signal?: AbortSignal }): Promise<AvailableReply[]>;
  download(mottakId: string, opts?: { signal?: AbortSignal }): Promise<Uint8Array>;
  confirm(mottakId: string, opts?: { signal?: AbortSignal }): Promise<void>;
}

const receiptSchema = z.object({
  mottakId: z.string().min(1).max(100),
  mottattTidspunkt: z.string().min(1).max(40),
  antallVedlegg: z.number().int().min(0),
});

const errorBodySchema = z
  .object({
    feilId: z.string().nullish(),
    mottakId: z.string().nullish(),
    kilde: z.string().nullish(),
    feilkode: z.string().nullish(),
    beskrivelse: z.string().nullish(),
  })
  .loose();

const availableSchema = z.array(
  z
    .object({
      mottakId: z.string().min(1),
      status: z.string().nullish(),
      oppdatert: z.string().nullish(),
    })
    .loose(),
);

export class IntakeReplyError extends Error {
  constructor(
    message: string,
    public readonly status: number | null,
  ) {
    super(message);
    this.name = 'IntakeReplyError';
  }
}

function failure(kind: IntakeFailureKind, extra: Partial<IntakeFailure> = {}): IntakeFailure {
  const table: Record<IntakeFailureKind, { key: IntakeMessageKey; outcomeUnknown: boolean; retryLater: boolean }> = {
    // ERROR-00000: "Generisk feilhåndterer. Forsøk igjen senere." Whether it stored the message is not said.
    'server-error': { key: 'reg.intake.serverError', outcomeUnknown: true, retryLater: true },
    'xml-invalid': { key: 'reg.intake.xmlInvalid', outcomeUnknown: false, retryLater: false },
    'request-incomplete': { key: 'reg.intake.requestIncomplete', outcomeUnknown: false, retryLater: false },
    'too-large': { key: 'reg.intake.tooLarge', outcomeUnknown: false, retryLater: false },
    'unsupported-type': { key: 'reg.intake.unsupportedType', outcomeUnknown: false, retryLater: false },
    unauthorized: { key: 'reg.intake.unauthorized', outcomeUnknown: false, retryLater: false },
    token: { key: 'reg.intake.token', outcomeUnknown: false, retryLater: true },
    unreachable: { key: 'reg.intake.unreachable', outcomeUnknown: false, retryLater: true },
    'no-answer': { key: 'reg.intake.noAnswer', outcomeUnknown: true, retryLater: true },
    unexpected: { key: 'reg.intake.unexpected', outcomeUnknown: true, retryLater: true },
  };
  const row = table[kind];
  return {
    kind,
    status: null,
    feilkode: null,
    feilId: null,
    mottakId: null,
    beskrivelse: null,
    outcomeUnknown: row.outcomeUnknown,
    retryLater: row.retryLater,
    messageKey: row.key,
    ...extra,
  };
}

/** Maps an error answer to a failure, by the documented feilkode first and the HTTP status second. */
export function classifyErrorAnswer(status: number, body: string): IntakeFailure {
  let parsed: z.infer<typeof errorBodySchema> = {};
  try {
    const json = errorBodySchema.safeParse(JSON.parse(body));
    if (json.success) parsed = json.data;
  } catch {}
  const extra = {
    status,
    feilkode: parsed.feilkode ?? null,
    feilId: parsed.feilId ?? null,
    mottakId: parsed.mottakId ?? null,
    beskrivelse: parsed.beskrivelse ? parsed.beskrivelse.slice(0, 500) : body && !parsed.feilkode ? body.slice(0, 200) : null,
  };
  switch (parsed.feilkode) {
    case 'CLIENTERROR-10001':
      return failure('xml-invalid', extra);
    case 'CLIENTERROR-10002':
      return failure('request-incomplete', extra);
    case 'CLIENTERROR-10003':
      return failure('too-large', extra);
    case 'ERROR-00000':
      return failure('server-error', extra);
  }
  if (status === 413) return failure('too-large', extra);
  if (status === 415) return failure('unsupported-type', extra);
  if (status === 401 || status === 403) return failure('unauthorized', extra);
  // A gateway in front of the intake (502/503/504) answered: the intake itself never got the message.
  if (status === 502 || status === 503 || status === 504) return failure('unreachable', extra);
  if (status >= 500) return failure('server-error', extra);
  if (status === 400) return failure('request-incomplete', extra);
  return failure('unexpected', extra);
}

/** Node's fetch reports a refused or unresolvable connection as a TypeError whose cause has one of these codes. */
function refusedBeforeSending(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'].includes(cause?.code ?? '');
}

export function createIntakeClient(opts: {
  baseUrl: string;
  tokens: TokenProvider;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Pause before the one automatic retry of a refused connection. */
  retryDelayMs?: number;
}): IntakeClient {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 60_000;

  const authorised = async (signal: AbortSignal | undefined, init: (token: string) => Promise<Response>) => {
    let token = await opts.tokens.getToken({ signal });
    let res = await init(token);
    if (res.status === 401) {
      // An expired or revoked token: the intake refused before reading the message, so one retry is safe.
      await res.body?.cancel();
      token = await opts.tokens.getToken({ signal, forceRefresh: true });
      res = await init(token);
    }
    return res;
  };

  const signalFor = (signal?: AbortSignal) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return signal ? AbortSignal.any([signal, timeout]) : timeout;
  };

  return {
    async upload({ payloadXml, attachments, signal }) {
      const size = Buffer.byteLength(payloadXml) + attachments.reduce((n, a) => n + a.data.byteLength, 0);
      if (size > MAX_REQUEST_BYTES) return { ok: false, failure: failure('too-large', { beskrivelse: `${size} bytes` }) };
      const send = (token: string) => {
        const form = new FormData();
        form.append('payload', payloadXml);
        for (const a of attachments) form.append('attachments', new Blob([a.data], { type: a.contentType }), a.filename);
        return doFetch(`${base}/inbound/upload`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          body: form,
          signal: signalFor(signal),
        });
      };
      let res: Response;
      try {
        try {
          res = await authorised(signal, send);
        } catch (error) {
          if (!refusedBeforeSending(error)) throw error;
          await new Promise((r) => setTimeout(r, opts.retryDelayMs ?? 1000));
          res = await authorised(signal, send);
        }
      } catch (error) {
        if (error instanceof TokenError) return { ok: false, failure: failure('token', { beskrivelse: error.message }) };
        if (refusedBeforeSending(error))
          return { ok: false, failure: failure('unreachable', { beskrivelse: String((error as Error).message) }) };
        const name = (error as Error).name;
        return {
          ok: false,
          failure: failure('no-answer', {
            beskrivelse: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : String((error as Error).message),
          }),
        };
      }
      const text = await res.text().catch(() => '');
      if (res.status === 200) {
        try {
          const receipt = receiptSchema.safeParse(JSON.parse(text));
          if (receipt.success) return { ok: true, receipt: receipt.data };
        } catch {}
        return { ok: false, failure: failure('unexpected', { status: 200, beskrivelse: text.slice(0, 200) }) };
      }
      return { ok: false, failure: classifyErrorAnswer(res.status, text) };
    },

    async available({ signal } = {}) {
      const res = await authorised(signal, (token) =>
        doFetch(`${base}/outbound/available`, {
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          signal: signalFor(signal),
        }),
      );
      const text = await res.text();
      if (!res.ok) throw new IntakeReplyError(`outbound/available answered ${res.status}: ${text.slice(0, 200)}`, res.status);
      const parsed = availableSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new IntakeReplyError('outbound/available answered an unexpected shape', res.status);
      return parsed.data.map((r) => ({ mottakId: r.mottakId, status: r.status ?? null, oppdatert: r.oppdatert ?? null }));
    },

    async download(mottakId, { signal } = {}) {
      const res = await authorised(signal, (token) =>
        doFetch(`${base}/outbound/download?mottakId=${encodeURIComponent(mottakId)}`, {
          headers: { authorization: `Bearer ${token}`, accept: 'application/octet-stream' },
          signal: signalFor(signal),
        }),
      );
      if (!res.ok) throw new IntakeReplyError(`outbound/download answered ${res.status}`, res.status);
      return new Uint8Array(await res.arrayBuffer());
    },

    async confirm(mottakId, { signal } = {}) {
      const res = await authorised(signal, (token) =>
        doFetch(`${base}/outbound/confirm?mottakId=${encodeURIComponent(mottakId)}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          signal: signalFor(signal),
        }),
      );
      await res.body?.cancel();
      if (!res.ok) throw new IntakeReplyError(`outbound/confirm answered ${res.status}`, res.status);
    },
  };
}
