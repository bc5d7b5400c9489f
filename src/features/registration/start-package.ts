import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { requireEditor } from './package-access.ts';
import { findOrganisationForPackage, insertPackage, insertPerson, lockOpenPackage, setPackageData } from './registration.queries.ts';
import type { BoardRole, PackageData } from './registration.schema.ts';
import { readFoundingSource } from './sources.ts';

/**
 * Starts the organisation's registration package (a new voluntary organisation, brief §4.1). The board the
 * founding meeting elected is copied in (names, roles, workspace members, birth dates) so nobody types it again;
 * fødselsnummer are never known beforehand and are asked for on each person's page. Starting twice returns the
 * open package. An organisation with an organisasjonsnummer is registered already: changes (brief §4.2) are a
 * different notice, not this one.
 */
export async function startPackage(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string },
): Promise<{ packageId: string; created: boolean }> {
  const { user } = await requireEditor(deps, opts);
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const org = await findOrganisationForPackage(db, opts.organisationId);
    if (!org) throw new AppError('not_found', 'error.notFound.body');
    if (org.orgnr) throw new AppError('conflict', 'reg.error.alreadyRegistered');
    const open = await lockOpenPackage(db, opts.organisationId);
    if (open) return { packageId: open.id, created: false };
    const pkg = await insertPackage(db, { organisationId: opts.organisationId, data: {}, createdBy: user.id, at: now });
    // Another request created it between our check and insert (the partial unique index said no).
    if (!pkg) {
      const again = await lockOpenPackage(db, opts.organisationId);
      if (!again) throw new AppError('conflict', 'reg.error.tryAgain');
      return { packageId: again.id, created: false };
    }
    const founding = await readFoundingSource(db, opts.organisationId);
    const elected = founding?.meeting.boardElected ?? [];
    let position = 0;
    const boardPrefill: NonNullable<PackageData['boardPrefill']> = {};
    for (const member of elected) {
      position += 1;
      const personId = await insertPerson(db, {
        packageId: pkg.id,
        kind: 'board',
        boardRole: member.role as BoardRole,
        position,
        name: member.name,
        birthDate: member.birthDate ?? null,
        userId: member.userId ?? null,
        email: null,
        fnrCiphertext: null,
        at: now,
      });
      boardPrefill[personId] = { name: member.name, boardRole: member.role as BoardRole };
    }
    // Remembered so the measured gain can count the board as prefilled when it is sent for confirmation.
    if (elected.length > 0) await setPackageData(db, pkg.id, { boardPrefill });
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: 'registration.started',
      details: { packageId: pkg.id, boardFromFoundingMeeting: elected.length },
      at: now,
    });
    return { packageId: pkg.id, created: true };
  });
}
