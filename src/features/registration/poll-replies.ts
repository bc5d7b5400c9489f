import { recordAudit } from '../../core/audit.ts';
import type { Db } from '../../core/db/client.ts';
import type { Deps } from '../../core/http/context.ts';
import { createWorker, type Worker } from '../../core/jobs/worker.ts';
import type { IntakeClient } from './intake-client.ts';
import { findPackageByReplyMottakId, listAwaitingReply, recordReply } from './registration.queries.ts';
import { intakeClientFor } from './submission.ts';
import { child, children, parseXml } from './xml.ts';
import { readZip } from './zip.ts';

/**
 * Brønnøysundregistrene's replies (brief §4.4; brreg/docs "Elektronisk mottak", Uthenting): poll
 * `outbound/available`, download each reply (a ZIP with henvendelse.xml in the same Melding envelope), match it to
 * our message by its Referanse (referanseType MeldingsReferanse → our Melding id), keep it on the package, and only
 * then `outbound/confirm` it — so a crash between download and confirm fetches it again instead of losing it.
 *
 * UNVERIFIED: the content of a reply for Samordnet registermelding is not public. We keep the tjenestehandling and
 * the text of its Data (numbers that look like fødselsnummer are masked before storing), and treat a
 * tjenestehandling naming a refusal (avvis/avslag) as rejected; anything else is shown as the register's answer.
 */

export const POLL_JOB = 'registration.poll-replies';

const REJECTED = /avvis|avvist|avslag|avsl[aå]tt|nekt/i;

export interface PollResult {
  available: number;
  matched: number;
  confirmed: number;
  unmatched: string[];
}

export async function pollReplies(
  deps: Pick<Deps, 'database' | 'logger' | 'now'>,
  opts: { intake: IntakeClient; signal?: AbortSignal },
): Promise<PollResult> {
  const result: PollResult = { available: 0, matched: 0, confirmed: 0, unmatched: [] };
  const awaiting = await listAwaitingReply(deps.database.db);
  const replies = await opts.intake.available({ signal: opts.signal });
  result.available = replies.length;
  for (const reply of replies) {
    opts.signal?.throwIfAborted();
    // Stored by an earlier run that stopped before confirming: confirm it now.
    if (await findPackageByReplyMottakId(deps.database.db, reply.mottakId)) {
      await opts.intake.confirm(reply.mottakId, { signal: opts.signal });
      result.confirmed += 1;
      continue;
    }
    if (awaiting.length === 0) {
      result.unmatched.push(reply.mottakId);
      continue;
    }
    let melding: ReturnType<typeof parseXml>;
    try {
      const zip = readZip(await opts.intake.download(reply.mottakId, { signal: opts.signal }));
      const file = zip.find((e) => e.name.toLowerCase().endsWith('henvendelse.xml'));
      if (!file) throw new Error('no henvendelse.xml in the reply');
      melding = parseXml(new TextDecoder().decode(file.data));
    } catch (error) {
      deps.logger.warn('a reply from the intake could not be read; left for the next run', {
        mottakId: reply.mottakId,
        error: (error as Error).message,
      });
      result.unmatched.push(reply.mottakId);
      continue;
    }
    const references = children(melding, 'Referanse')
      .filter((r) => /meldingsreferanse/i.test(r.attributes.referanseType ?? ''))
      .map((r) => r.attributes.referanse);
    const pkg = awaiting.find((p) => p.meldingId && references.includes(p.meldingId));
    if (!pkg) {
      // Not one of ours (another service of the same organisation may use the intake): leave it for its owner.
      result.unmatched.push(reply.mottakId);
      continue;
    }
    const handling = melding.attributes.tjenestehandling ?? '';
    const text = (child(child(melding, 'Innhold') ?? melding, 'Data')?.text ?? '').replace(/\b\d{11}\b/g, '***********').slice(0, 4000);
    const at = deps.now();
    await deps.database.db.transaction(async (tx) => {
      const db = tx as unknown as Db;
      await recordReply(db, pkg.id, { replyMottakId: reply.mottakId, handling, text, rejected: REJECTED.test(handling), at });
      await recordAudit(db, {
        organisationId: pkg.organisationId,
        actorUserId: null,
        action: 'registration.reply_received',
        details: { packageId: pkg.id, replyMottakId: reply.mottakId, tjenestehandling: handling, rejected: REJECTED.test(handling) },
        at,
      });
    });
    awaiting.splice(awaiting.indexOf(pkg), 1);
    result.matched += 1;
    await opts.intake.confirm(reply.mottakId, { signal: opts.signal });
    result.confirmed += 1;
  }
  return result;
}

/**
 * The reply poller as a recurring job on the core job runner, every REGISTRATION_POLL_INTERVAL_MINUTES, scheduled
 * only when Maskinporten is configured (otherwise nothing was sent and there is nothing to ask for).
 */
export function createRegistrationWorker(deps: Deps, opts: { intake?: IntakeClient; pollMs?: number; workerId?: string } = {}): Worker {
  const intake = opts.intake ?? intakeClientFor(deps.config);
  return createWorker(deps, {
    handlers: intake
      ? {
          [POLL_JOB]: async ({ signal }) => {
            const r = await pollReplies(deps, { intake, signal });
            if (r.matched > 0) deps.logger.info('registration replies received', { matched: r.matched });
          },
        }
      : {},
    recurring: intake ? [{ name: POLL_JOB, everyMs: deps.config.REGISTRATION_POLL_INTERVAL_MINUTES * 60_000, maxAttempts: 3 }] : [],
    pollMs: opts.pollMs,
    workerId: opts.workerId,
  });
}
