import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { type FormResult, parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { listBlockChoices, listNeedChoices } from './marketplace.queries.ts';
import type { FormValues } from './marketplace.views.tsx';

/** Form plumbing shared by the marketplace's handlers (offerings and challenges). */

/** Parses a form and keeps repeated (checkbox) fields as lists, so a re-shown form keeps every choice. */
export async function parseFormWithLists<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
  lists: string[],
): Promise<{ form: FormResult<z.infer<S>>; values: FormValues }> {
  const form = await parseForm(c, schema);
  const body = await c.req.parseBody({ all: true });
  const listOf = (name: string) => {
    const raw = body[name];
    return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((x): x is string => typeof x === 'string');
  };
  return { form, values: { fields: form.values, lists: Object.fromEntries(lists.map((l) => [l, listOf(l)])) } };
}

/** A domain refusal of one field (unknown need, unknown actor) becomes that field's error on a 422 page. */
export function fieldError(c: Context<AppEnv>, err: unknown): Record<string, string> | null {
  if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict')) {
    const field = typeof err.details?.field === 'string' ? err.details.field : 'form';
    return { [field]: c.get('t')(err.messageKey as MessageKey) };
  }
  return null;
}

export const choices = async (c: Context<AppEnv>) => {
  const db = c.get('deps').database.db;
  const [needs, blocks] = await Promise.all([listNeedChoices(db), listBlockChoices(db)]);
  return {
    needs: needs.map((n) => ({ id: n.id, name: n.title })),
    blocks: blocks.map((b) => ({ id: b.id, name: b.name, slug: b.slug })),
  };
};
