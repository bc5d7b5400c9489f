import { safeReturnPath } from '../../core/http/render.tsx';

/** The `tilbake` address after sign-in: a same-site path only (see safeReturnPath for the rules). */
export function returnPath(value: string | undefined | null, fallback: string): string {
  return safeReturnPath(value, fallback);
}
