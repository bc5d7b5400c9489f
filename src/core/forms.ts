import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './http/context.ts';
import type { MessageKey, Translate } from './i18n/catalogue.ts';

/**
 * One zod schema per form: its issue messages are message-catalogue keys, so the same schema parses
 * the body, produces errors in the user's language and documents the API.
 */
export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> };

export async function parseForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<FormResult<z.infer<S>>> {
  const body = await c.req.parseBody({ all: true });
  // `values` (first value of each field) is for re-rendering; `input` keeps repeated fields as arrays.
  const values: Record<string, string> = {};
  const input: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    const strings = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    if (strings.length === 0) continue;
    values[k] = strings[0]!;
    input[k] = strings.length === 1 ? strings[0]! : strings;
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: translateIssues(parsed.error, c.get('t')), values };
}

export function translateIssues(error: z.ZodError, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    errors[field] = t(issue.message as MessageKey);
  }
  return errors;
}
