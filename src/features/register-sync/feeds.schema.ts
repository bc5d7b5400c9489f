import { z } from 'zod';
import { isValidOrgnr } from '../../core/validators/orgnr.ts';

/**
 * The update feeds' shapes, exactly as brief §1.5 documents them. Loose objects: Brønnøysund may add fields,
 * and only what the followers act on is checked strictly.
 */

const orgnr = z
  .string()
  .regex(/^\d{9}$/, 'must be nine digits')
  .refine(isValidOrgnr, 'fails the MOD11 check');

/** The change types of `GET /api/oppdateringer/enheter` (brief §1.5). */
export const ENDRINGSTYPER = ['Ukjent', 'Ny', 'Endring', 'Sletting', 'Fjernet'] as const;
export type Endringstype = (typeof ENDRINGSTYPER)[number];

/** One entry of `_embedded.oppdaterteEnheter`. */
export const oppdateringSchema = z.looseObject({
  oppdateringsid: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  dato: z.iso.datetime({ offset: true }),
  organisasjonsnummer: orgnr,
  // A type Brønnøysund adds later is treated like Ukjent (re-fetch the unit), never dropped.
  endringstype: z.string().min(1),
  endringer: z.array(z.unknown()).nullish(),
});
export type Oppdatering = z.infer<typeof oppdateringSchema>;

/** The HAL page of the units feed; `_embedded` is missing when nothing matched (brief §1.3). */
export const oppdateringerPageSchema = z.looseObject({
  _embedded: z.looseObject({ oppdaterteEnheter: z.array(z.unknown()) }).nullish(),
});

/** One CloudEvent of `GET /api/oppdateringer/roller` (brief §1.5): it names the unit whose roles changed. */
export const rolleHendelseSchema = z.looseObject({
  id: z.union([z.string().regex(/^\d+$/, 'must be digits'), z.number().int().nonnegative()]).transform(String),
  time: z.iso.datetime({ offset: true }),
  type: z.string().nullish(),
  data: z.looseObject({ organisasjonsnummer: orgnr }),
});
export type RolleHendelse = z.infer<typeof rolleHendelseSchema>;

export const rolleHendelserSchema = z.array(z.unknown());
