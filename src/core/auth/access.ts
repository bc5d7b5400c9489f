import { AppError } from '../errors.ts';
import type { CurrentUser, PlatformRole } from './current-user.ts';

export function requireUser(user: CurrentUser | null): CurrentUser {
  if (!user) throw new AppError('not_signed_in', 'error.notSignedIn.body');
  return user;
}

export function requirePlatformRole(user: CurrentUser | null, ...roles: PlatformRole[]): CurrentUser {
  const u = requireUser(user);
  if (!u.platformRoles.some((r) => roles.includes(r))) throw new AppError('forbidden', 'error.forbidden.body');
  return u;
}
