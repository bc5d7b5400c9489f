import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { requireOrgRole } from '../../core/auth/org-access.ts';
import { randomToken, sha256 } from '../../core/crypto.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { translator } from '../../core/i18n/catalogue.ts';
import { isLang, type Lang } from '../../core/i18n/i18n.ts';
import { addMonths } from './calendar.dates.ts';
import { buildIcs } from './calendar.ics.ts';
import { readCalendarInputs } from './calendar.inputs.ts';
import { presentDeadline } from './calendar.present.ts';
import { findFeedByTokenHash, upsertFeed } from './calendar.queries.ts';
import { deadlinesBetween } from './calendar.rules.ts';

/** A feed token: 32 random bytes, base64url (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A leader makes the organisation's secret subscription address, or a new one: the old address stops working at
 * once because only the new token's hash is kept. The token is returned to be shown once; it is never stored.
 */
export async function rotateFeed(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; lang: Lang },
): Promise<{ token: string; rotated: boolean }> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ['leader'] });
  const token = randomToken(32);
  const now = deps.now();
  const { rotated } = await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const result = await upsertFeed(db, {
      organisationId: opts.organisationId,
      tokenHash: sha256(token),
      lang: opts.lang,
      createdBy: user.id,
      createdAt: now,
    });
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: result.rotated ? 'calendar.feed_rotated' : 'calendar.feed_created',
      at: now,
    });
    return result;
  });
  return { token, rotated };
}

/**
 * The .ics document behind a secret address. The token is the capability: no session is needed, and an unknown,
 * rotated or malformed token gets the same 404, so tokens cannot be probed. Deadlines from three months back to
 * fifteen months ahead, so a calendar keeps recent ones and sees next year's.
 */
export async function readFeedIcs(deps: Deps, opts: { token: string }): Promise<{ ics: string; organisationName: string }> {
  if (!TOKEN.test(opts.token)) throw new AppError('not_found', 'error.notFound.body');
  const db = deps.database.db;
  const feed = await findFeedByTokenHash(db, sha256(opts.token));
  if (!feed) throw new AppError('not_found', 'error.notFound.body');
  const lang: Lang = isLang(feed.lang) ? feed.lang : 'nb';
  const t = translator(lang);
  const now = deps.now();
  const input = await readCalendarInputs(db, feed.organisationId, now);
  const deadlines = deadlinesBetween(input, { from: addMonths(input.today, -3), to: addMonths(input.today, 15) });
  const pageUrl = `${deps.config.publicUrl}/arbeidsrom/${feed.organisationId}/arshjul`;
  const host = new URL(deps.config.publicUrl).host;
  const ics = buildIcs({
    prodId: '-//Frivillig//Arshjul 1.0//NO',
    name: t('calendar.feed.name', { name: feed.organisationName }),
    description: t('calendar.feed.description', { name: feed.organisationName }),
    stamp: now,
    events: deadlines.map((d) => {
      const p = presentDeadline(d, t, lang);
      const rule = p.citationUrl ? `${p.citation} (${p.citationUrl})` : p.citation;
      return {
        uid: `${d.id}.${feed.organisationId}@${host}`,
        date: d.date,
        summary: p.title,
        description: [
          `${p.kindText}: ${p.dateText}`,
          p.why,
          t('calendar.feed.ruleLine', { rule }),
          t('calendar.feed.moreLine', { url: pageUrl }),
        ].join('\n\n'),
        url: pageUrl,
        categories: p.kindText,
      };
    }),
  });
  return { ics, organisationName: feed.organisationName };
}
