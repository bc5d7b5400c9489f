import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Config } from '../../core/config.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { createIntakeClient, type IntakeClient, type IntakeFailure, type UploadResult } from './intake-client.ts';
import { createMaskinportenTokenProvider } from './maskinporten.ts';
import { buildMeldingXml, type MeldingSettings } from './melding-xml.ts';
import { requireEditor } from './package-access.ts';
import { loadPackageState, type PackageState } from './package-state.ts';
import { claimSend, eraseFnr, findPendingAtRegister, lockOpenPackage, recordReceipt, recordSendFailure } from './registration.queries.ts';
import { type AttachmentFile, foundingProtocolPdf, statutesPdf } from './sources.ts';
import { createZip } from './zip.ts';

/**
 * The structured submission document with its attachments (brief §4.4), downloadable as a ZIP and sent through
 * the submission adapter to Brønnøysundregistrene's electronic intake. The document is built when it is needed
 * and never stored: it carries every fødselsnummer in clear, and the database must not.
 */

export function meldingSettings(config: Config): MeldingSettings {
  return {
    tjeneste: config.BRREG_MOTTAK_TJENESTE,
    tjenestehandling: config.BRREG_MOTTAK_TJENESTEHANDLING,
    // Without Maskinporten there is no sender organisation yet; the downloaded document says 000000000 then.
    avsenderOrgnr: config.BRREG_MOTTAK_AVSENDER_ORGNR ?? '000000000',
  };
}

export interface BuiltSubmission {
  meldingId: string;
  xml: string;
  attachments: AttachmentFile[];
}

export async function buildSubmission(deps: Deps, state: PackageState, opts: { meldingId: string }): Promise<BuiltSubmission> {
  if (!state.statutes || !state.founding) throw new AppError('conflict', 'reg.error.notReady');
  const attachments = [await statutesPdf(state.statutes), await foundingProtocolPdf(state.founding, state.organisation.name)];
  const xml = buildMeldingXml(state, {
    meldingId: opts.meldingId,
    settings: meldingSettings(deps.config),
    attachments,
    createdAt: deps.now(),
  });
  return { meldingId: opts.meldingId, xml, attachments };
}

/** The pieces as one ZIP: melding.xml (the multipart `payload`) and the attachments (the `attachments` parts). */
export function submissionZip(built: BuiltSubmission, at: Date): Uint8Array {
  return createZip(
    [
      { name: 'melding.xml', data: new TextEncoder().encode(built.xml) },
      ...built.attachments.map((a) => ({ name: a.filename, data: a.data })),
    ],
    { modified: at },
  );
}

/**
 * The downloadable package, for editors: it contains the fødselsnummer, so members without an editing role do
 * not get it, and once the numbers are erased there is nothing left to download.
 */
export async function downloadSubmission(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string },
): Promise<{ zip: Uint8Array; xml: string; attachments: AttachmentFile[]; organisationName: string }> {
  const { user } = await requireEditor(deps, opts);
  const state = await loadPackageState(deps, deps.database.db, { organisationId: opts.organisationId });
  if (!state) throw new AppError('not_found', 'reg.error.noPackage');
  if (state.pkg.fnrErasedAt) throw new AppError('gone', 'reg.error.erasedNoDownload');
  if (!state.check.ready) throw new AppError('conflict', 'reg.error.notReady');
  // The id it will be sent with if it is sent as it is now; a draft gets a fresh one each time.
  const built = await buildSubmission(deps, state, { meldingId: state.pkg.meldingId ?? randomUUID() });
  await recordAudit(deps.database.db, {
    organisationId: opts.organisationId,
    actorUserId: user.id,
    action: 'registration.downloaded',
    details: { packageId: state.pkg.id, version: state.pkg.version },
    at: deps.now(),
  });
  return {
    zip: submissionZip(built, deps.now()),
    xml: built.xml,
    attachments: built.attachments,
    organisationName: state.organisation.name,
  };
}

// ---------- the adapter, one per configuration (its token cache lives as long as the process) ----------

const clients = new WeakMap<Config, IntakeClient>();

export function intakeClientFor(config: Config): IntakeClient | null {
  if (!config.maskinporten) return null;
  let client = clients.get(config);
  if (!client) {
    const mp = config.maskinporten;
    const tokens = createMaskinportenTokenProvider({
      tokenUrl: mp.tokenUrl,
      audience: mp.issuer,
      clientId: mp.clientId,
      kid: mp.kid,
      privateKeyPem: mp.privateKeyPem,
      scope: mp.scope,
    });
    client = createIntakeClient({ baseUrl: config.mottakUrl, tokens });
    clients.set(config, client);
  }
  return client;
}

/** mottattTidspunkt is Norwegian local time without a zone ("2019-09-02T13:18:40.785"): the instant it means. */
export function osloInstant(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/.exec(local);
  if (!m) {
    const d = new Date(local);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const [y, mo, da, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const asUtc = Date.UTC(y, mo - 1, da, h, mi, s, ms);
  // Oslo is UTC+1 or UTC+2; find the offset that maps back to the same wall-clock time.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const wall = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Oslo',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(candidate);
    if (Number(wall) === h) return candidate;
  }
  return new Date(asUtc - 3_600_000);
}

/** A send still marked as running after this long was interrupted (the process stopped) and may be claimed again. */
export const STALE_SEND_MS = 10 * 60_000;

export type SubmitResult = { ok: true; mottakId: string; receivedAt: Date; antallVedlegg: number } | { ok: false; failure: IntakeFailure };

/**
 * Sends the confirmed package. One send at a time (a conditional update claims it); the Melding id stays the
 * same for every attempt with the same content, so a re-send after an unclear failure is recognisably the same
 * message. On a receipt the fødselsnummer are erased at once; on any failure the package stays as it was and can
 * be sent again, with the reason kept and shown.
 */
export async function submitPackage(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; intake?: IntakeClient },
): Promise<SubmitResult> {
  const { user } = await requireEditor(deps, opts);
  const intake = opts.intake ?? intakeClientFor(deps.config);
  if (!intake) throw new AppError('unavailable', 'reg.error.submissionNotConfigured');
  const now = deps.now();
  const claimed = await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const pkg = await lockOpenPackage(db, opts.organisationId);
    if (!pkg) throw new AppError('not_found', 'reg.error.noPackage');
    const state = await loadPackageState(deps, db, { organisationId: opts.organisationId, pkg });
    if (!state) throw new AppError('not_found', 'reg.error.noPackage');
    if (!state.check.ready) throw new AppError('conflict', 'reg.error.notReady');
    if (!state.allConfirmed) throw new AppError('conflict', 'reg.error.notConfirmed');
    // Brief §4.2: two notices that contradict each other are both refused, so none is sent while another waits.
    const pending = await findPendingAtRegister(db, opts.organisationId, pkg.id);
    if (pending) throw new AppError('conflict', 'reg.error.otherPending');
    const row = await claimSend(db, pkg.id, {
      at: now,
      staleBefore: new Date(now.getTime() - STALE_SEND_MS),
      meldingId: randomUUID(),
      userId: user.id,
    });
    if (!row) throw new AppError('conflict', 'reg.error.sendInProgress');
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: 'registration.send_started',
      details: { packageId: pkg.id, meldingId: row.meldingId, attempt: row.sendAttempts, version: pkg.version },
      at: now,
    });
    return { state: { ...state, pkg: row }, meldingId: row.meldingId! };
  });

  let upload: UploadResult;
  try {
    const built = await buildSubmission(deps, claimed.state, { meldingId: claimed.meldingId });
    upload = await intake.upload({ payloadXml: built.xml, attachments: built.attachments });
  } catch (error) {
    // Building the PDFs or the document failed before anything left: give the package back untouched.
    await recordSendFailure(deps.database.db, claimed.state.pkg.id, { code: 'internal', errorId: null, at: deps.now() });
    throw error;
  }

  const done = deps.now();
  const packageId = claimed.state.pkg.id;
  if (upload.ok) {
    const receivedAt = osloInstant(upload.receipt.mottattTidspunkt) ?? done;
    await deps.database.db.transaction(async (tx) => {
      const db = tx as unknown as Db;
      await recordReceipt(db, packageId, {
        mottakId: upload.receipt.mottakId,
        mottattTidspunkt: upload.receipt.mottattTidspunkt,
        receivedAt,
        antallVedlegg: upload.receipt.antallVedlegg,
        at: done,
      });
      // Received: the numbers have done their job and are erased now (issue 4), in the same transaction.
      await eraseFnr(db, packageId, done);
      await recordAudit(db, {
        organisationId: opts.organisationId,
        actorUserId: user.id,
        action: 'registration.received',
        details: {
          packageId,
          meldingId: claimed.meldingId,
          mottakId: upload.receipt.mottakId,
          mottattTidspunkt: upload.receipt.mottattTidspunkt,
          fnrErased: true,
        },
        at: done,
      });
    });
    return { ok: true, mottakId: upload.receipt.mottakId, receivedAt, antallVedlegg: upload.receipt.antallVedlegg };
  }
  const f = upload.failure;
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await recordSendFailure(db, packageId, { code: f.feilkode ? `${f.kind}:${f.feilkode}` : f.kind, errorId: f.feilId, at: done });
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: 'registration.send_failed',
      details: {
        packageId,
        meldingId: claimed.meldingId,
        kind: f.kind,
        status: f.status,
        feilkode: f.feilkode,
        feilId: f.feilId,
        outcomeUnknown: f.outcomeUnknown,
      },
      at: done,
    });
  });
  return { ok: false, failure: f };
}
