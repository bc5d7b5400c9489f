import { safeReturnPath } from '../../core/http/render.tsx';

/**
 * The `tilbake` address after sign-in: a same-site path only. Browsers drop tabs and newlines inside a
 * URL, so "/\t/evil.example" would be followed as "//evil.example" (another site); any control
 * character makes the value unacceptable before the core check runs.
 */
export function returnPath(value: string | undefined | null, fallback: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  if (value && /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  return safeReturnPath(value, fallback);
}
