import { recordAudit } from '../../core/audit.ts';
import { requirePlatformRole } from '../../core/auth/access.ts';
import type { CurrentUser, PlatformRole } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import {
  countAdministratorsForUpdate,
  findUser,
  listPlatformAuditEvents,
  replaceRoles,
  rolesOf,
  searchUsersWithRoles,
} from './admin.queries.ts';

export const PLATFORM_ROLES: readonly PlatformRole[] = ['public_official', 'orchestrator', 'administrator'];

export async function listUsersForAdmin(deps: Deps, opts: { user: CurrentUser | null; query: string }) {
  requirePlatformRole(opts.user, 'administrator');
  return searchUsersWithRoles(deps.database.db, opts.query.trim().slice(0, 100));
}

/**
 * An administrator sets a person's platform roles. The platform always keeps one administrator, and
 * the change is audited (platform events have no organisation).
 */
export async function setPlatformRoles(
  deps: Deps,
  opts: { user: CurrentUser | null; targetUserId: string; roles: PlatformRole[] },
): Promise<void> {
  const admin = requirePlatformRole(opts.user, 'administrator');
  if (!/^[0-9a-f-]{36}$/i.test(opts.targetUserId)) throw new AppError('not_found', 'error.notFound.body');
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const target = await findUser(db, opts.targetUserId);
    if (!target) throw new AppError('not_found', 'error.notFound.body');
    const before = await rolesOf(db, target.id);
    const next = PLATFORM_ROLES.filter((r) => opts.roles.includes(r));
    if (before.includes('administrator') && !next.includes('administrator') && (await countAdministratorsForUpdate(db)) <= 1) {
      throw new AppError('conflict', 'admin.users.lastAdmin');
    }
    await replaceRoles(db, target.id, next);
    await recordAudit(db, {
      organisationId: null,
      actorUserId: admin.id,
      action: 'platform.roles_changed',
      details: { userId: target.id, name: target.name, before, after: next },
      at: deps.now(),
    });
  });
}

export async function readPlatformLog(deps: Deps, opts: { user: CurrentUser | null }) {
  requirePlatformRole(opts.user, 'administrator');
  return listPlatformAuditEvents(deps.database.db);
}
