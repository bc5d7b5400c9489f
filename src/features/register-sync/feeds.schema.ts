import { z } from 'zod';
import { rolleHendelseSchema as documentedRolleHendelse, oppdatertEnhetSchema } from '../register/brreg-shapes.ts';

/**
 * What the followers read from the update feeds, derived from the documented shapes (register/brreg-shapes.ts,
 * brief §1.5). As a reader they are looser than the contract where strictness would lose data: unknown fields
 * are kept, a change type Brønnøysund adds later is treated like Ukjent (the unit is fetched again) instead of
 * failing the feed, links are not required, and an event id may come as a number. What the followers act on —
 * ids, dates, organisation numbers (MOD11) — is checked as strictly as the contract says.
 */

/** One entry of `_embedded.oppdaterteEnheter`. */
export const oppdateringSchema = oppdatertEnhetSchema
  .pick({ oppdateringsid: true, dato: true, organisasjonsnummer: true })
  .extend({
    oppdateringsid: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    endringstype: z.string().min(1),
    endringer: z.array(z.unknown()).nullish(),
  })
  .loose();
export type Oppdatering = z.infer<typeof oppdateringSchema>;

/** The HAL page of the units feed: entries are checked one by one, so one bad entry is reported as that entry. */
export const oppdateringerPageSchema = z.looseObject({
  _embedded: z.looseObject({ oppdaterteEnheter: z.array(z.unknown()) }).nullish(),
});

/** One CloudEvent of `GET /api/oppdateringer/roller`: it names the unit whose roles changed. */
export const rolleHendelseSchema = documentedRolleHendelse
  .pick({ time: true, data: true })
  .extend({
    id: z.union([z.string().regex(/^\d+$/, 'must be digits'), z.number().int().nonnegative()]).transform(String),
    type: z.string().nullish(),
  })
  .loose();
export type RolleHendelse = z.infer<typeof rolleHendelseSchema>;

export const rolleHendelserSchema = z.array(z.unknown());
