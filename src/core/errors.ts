import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Domain functions throw AppError with a typed code; the HTTP layer maps codes to status codes in one
 * place (`statusForCode`) so handlers never pick status codes themselves.
 */
export type AppErrorCode =
  | 'not_signed_in'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'rate_limited'
  | 'csrf'
  | 'gone'
  | 'unavailable';

const STATUS: Record<AppErrorCode, ContentfulStatusCode> = {
  not_signed_in: 401,
  forbidden: 403,
  not_found: 404,
  validation: 422,
  conflict: 409,
  rate_limited: 429,
  csrf: 403,
  gone: 410,
  unavailable: 503,
};

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    /** A message-catalogue key, so the user sees the error in their own language. */
    public readonly messageKey: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
  }
}

export function statusForCode(code: AppErrorCode): ContentfulStatusCode {
  return STATUS[code];
}
