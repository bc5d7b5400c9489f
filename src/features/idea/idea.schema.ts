import { z } from 'zod';
import { blankToUndefined } from '../register-search/register-search.schema.ts';

/**
 * GET /ide/lignende: "find similar organisations nearby" — a category in Frivillighetsregisteret and a
 * kommune, both chosen from the reference tables; `omrade=fylke` widens the search to the kommune's fylke.
 */
export const similarQuerySchema = z.object({
  icnpo: z
    .string()
    .optional()
    .transform(blankToUndefined)
    .refine((v) => v !== undefined, { message: 'idea.similar.error.icnpoRequired' })
    .refine((v) => v === undefined || /^\d{1,5}$/.test(v), { message: 'search.error.icnpo' }),
  kommune: z
    .string()
    .optional()
    .transform(blankToUndefined)
    .refine((v) => v !== undefined, { message: 'idea.similar.error.kommuneRequired' })
    .refine((v) => v === undefined || /^\d{4}$/.test(v), { message: 'search.error.kommune' }),
  omrade: z
    .string()
    .optional()
    .transform(blankToUndefined)
    .refine((v) => v === undefined || v === 'kommune' || v === 'fylke', { message: 'idea.similar.error.area' })
    .transform((v) => (v ?? 'kommune') as 'kommune' | 'fylke'),
});

export type SimilarQuery = { icnpo: string; kommune: string; omrade: 'kommune' | 'fylke' };

/** How many similar organisations the idea page lists; the rest are one link away in the full search. */
export const SIMILAR_PAGE_SIZE = 20;
