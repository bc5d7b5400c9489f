import { z } from 'zod';
import { isValidOrgnr } from '../../core/validators/orgnr.ts';

/**
 * The documented shapes of Brønnøysundregistrene's open APIs (domain brief §1.2–§1.7, §2.3), as zod schemas.
 *
 * They describe what the registers send, field by field, so that the register double
 * (src/features/registry-double) can prove it speaks the same contract, and so that importers and sync code
 * can type what they read. Objects are `z.object`: parsing keeps the documented fields and drops any other,
 * which makes `deepEqual(parse(x), x)` a test that x has no undocumented field. Code that must keep unknown
 * fields (the importer stores records as received) should validate with these and store the raw value.
 *
 * Where the brief marks a detail as unverified, the comment says so; the real registers will be plugged in.
 */

/** Media types chosen in the Accept header (brief §1.1, §1.4). */
export const MEDIA_TYPE_ENHET_JSON = 'application/vnd.brreg.enhetsregisteret.enhet.v2+json';
export const MEDIA_TYPE_ENHET_BULK = 'application/vnd.brreg.enhetsregisteret.enhet.v2+gzip';

/** ISO calendar date, "2024-05-06". */
export const isoDateSchema = z.iso.date();
/** ISO timestamp with a zone, as the change feeds write it ("2026-09-14T04:05:11.193Z"). */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const orgnrSchema = z
  .string()
  .regex(/^\d{9}$/, 'must be nine digits')
  .refine(isValidOrgnr, 'fails the MOD11 check');

export const halLinkSchema = z.object({ href: z.string().min(1) });
const selfLinksSchema = z.object({ self: halLinkSchema });

/** `{kode, beskrivelse}` code values: naeringskode, institusjonellSektorkode, hjelpeenhetskode. */
export const kodeBeskrivelseSchema = z.object({ kode: z.string().min(1), beskrivelse: z.string() });

export const organisasjonsformSchema = z.object({
  kode: z.string().min(1),
  beskrivelse: z.string(),
  /** Set on forms no longer in use (seen on deleted units). */
  utgaatt: isoDateSchema.optional(),
  _links: selfLinksSchema,
});

/**
 * Postadresse and forretningsadresse. Kommune names are upper case; foreign addresses have no kommune or
 * kommunenummer and may have no postnummer (brief §1.2). Address lines can be null or empty in real data.
 */
export const adresseSchema = z.object({
  land: z.string(),
  landkode: z.string().regex(/^[A-Z]{2}$/, 'two capital letters'),
  postnummer: z.string().optional(),
  poststed: z.string().optional(),
  adresse: z.array(z.string().nullable()),
  kommune: z.string().optional(),
  kommunenummer: z
    .string()
    .regex(/^\d{4}$/, 'four digits')
    .optional(),
});

export const historiskNavnSchema = z.object({ navn: z.string(), fraDato: z.string(), tilDato: z.string() });

export const kapitalSchema = z.object({
  belop: z.number(),
  valuta: z.string(),
  type: z.string(),
  antallAksjer: z.number().int().optional(),
  innfortDato: isoDateSchema.optional(),
});

/** A main unit (hovedenhet) from `GET /enheter/{orgnr}`, the search and the bulk file (brief §1.2). */
export const enhetSchema = z.object({
  organisasjonsnummer: orgnrSchema,
  navn: z.string().min(1),
  organisasjonsform: organisasjonsformSchema,
  historiskeNavn: z.array(historiskNavnSchema).optional(),
  hjemmeside: z.string().optional(),
  epostadresse: z.string().optional(),
  telefon: z.string().optional(),
  mobil: z.string().optional(),
  postadresse: adresseSchema.optional(),
  forretningsadresse: adresseSchema.optional(),
  registreringsdatoEnhetsregisteret: isoDateSchema,
  registrertIMvaregisteret: z.boolean(),
  registreringsdatoMerverdiavgiftsregisteret: isoDateSchema.optional(),
  naeringskode1: kodeBeskrivelseSchema.optional(),
  naeringskode2: kodeBeskrivelseSchema.optional(),
  naeringskode3: kodeBeskrivelseSchema.optional(),
  vedtektsfestetFormaal: z.array(z.string()).optional(),
  aktivitet: z.array(z.string()).optional(),
  vedtektsdato: isoDateSchema.optional(),
  /** Left out for 0–4 employees since API v2, so a missing value does not mean zero (brief §1.2). */
  antallAnsatte: z.number().int().min(0).optional(),
  harRegistrertAntallAnsatte: z.boolean(),
  registreringsdatoAntallAnsatteEnhetsregisteret: isoDateSchema.optional(),
  registreringsdatoAntallAnsatteNAVAaregisteret: isoDateSchema.optional(),
  institusjonellSektorkode: kodeBeskrivelseSchema.optional(),
  overordnetEnhet: orgnrSchema.optional(),
  stiftelsesdato: isoDateSchema.optional(),
  registrertIForetaksregisteret: z.boolean(),
  registreringsdatoForetaksregisteret: isoDateSchema.optional(),
  registrertIStiftelsesregisteret: z.boolean(),
  registrertIFrivillighetsregisteret: z.boolean(),
  registreringsdatoFrivillighetsregisteret: isoDateSchema.optional(),
  registrertIPartiregisteret: z.boolean(),
  konkurs: z.boolean(),
  konkursdato: isoDateSchema.optional(),
  underAvvikling: z.boolean(),
  underAvviklingDato: isoDateSchema.optional(),
  underTvangsavviklingEllerTvangsopplosning: z.boolean(),
  slettedato: isoDateSchema.optional(),
  sisteInnsendteAarsregnskap: z
    .string()
    .regex(/^\d{4}$/, 'a year')
    .optional(),
  kapital: kapitalSchema.optional(),
  erIKonsern: z.boolean().optional(),
  registreringsnummerIHjemlandet: z.string().optional(),
  maalform: z.enum(['Bokmål', 'Nynorsk']),
  _links: selfLinksSchema,
  respons_klasse: z.literal('Enhet'),
});
export type Enhet = z.infer<typeof enhetSchema>;

/** The body of a 410 Gone from `GET /enheter/{orgnr}`: a removed or deleted unit (brief §1.7). */
export const slettetEnhetSchema = z.object({
  organisasjonsnummer: orgnrSchema,
  slettedato: isoDateSchema,
});
export type SlettetEnhet = z.infer<typeof slettetEnhetSchema>;

/** Error body of data.brreg.no (brief §1.7; only status, feilmelding and valideringsfeil are attested). */
export const brregErrorSchema = z.object({
  timestamp: isoDateTimeSchema.optional(),
  status: z.number().int(),
  feilmelding: z.string(),
  sti: z.string().optional(),
  antallFeil: z.number().int().optional(),
  valideringsfeil: z.array(
    z.object({
      feilmelding: z.string(),
      parametere: z.array(z.string()),
      feilaktigVerdi: z.string().optional(),
    }),
  ),
});
export type BrregError = z.infer<typeof brregErrorSchema>;

/** `page` block of the HAL lists (search and change feed). */
export const pageSchema = z.object({
  size: z.number().int().min(0),
  totalElements: z.number().int().min(0),
  totalPages: z.number().int().min(0),
  number: z.number().int().min(0),
});

const pageLinksSchema = z.object({
  first: halLinkSchema.optional(),
  prev: halLinkSchema.optional(),
  self: halLinkSchema,
  next: halLinkSchema.optional(),
  last: halLinkSchema.optional(),
});

/** `GET /enheter` search: `_embedded` is missing when nothing matches (brief §1.3). */
export const enhetSokResponseSchema = z.object({
  _embedded: z.object({ enheter: z.array(enhetSchema) }).optional(),
  _links: pageLinksSchema,
  page: pageSchema,
});
export type EnhetSokResponse = z.infer<typeof enhetSokResponseSchema>;

export const endringstypeSchema = z.enum(['Ukjent', 'Ny', 'Endring', 'Sletting', 'Fjernet']);
export type Endringstype = z.infer<typeof endringstypeSchema>;

/** One JSON-Patch-style entry of `endringer` (brief §1.5, with includeChanges=true). */
export const endringSchema = z.object({
  op: z.enum(['add', 'replace', 'remove']),
  path: z.string().startsWith('/'),
  value: z.unknown().optional(),
});

/** One entry of `GET /oppdateringer/enheter` (brief §1.5). */
export const oppdatertEnhetSchema = z.object({
  oppdateringsid: z.number().int().positive(),
  dato: isoDateTimeSchema,
  organisasjonsnummer: orgnrSchema,
  endringstype: endringstypeSchema,
  _links: z.object({ enhet: halLinkSchema }),
  endringer: z.array(endringSchema).optional(),
});
export type OppdatertEnhet = z.infer<typeof oppdatertEnhetSchema>;

export const oppdaterteEnheterResponseSchema = z.object({
  _embedded: z.object({ oppdaterteEnheter: z.array(oppdatertEnhetSchema) }).optional(),
  _links: pageLinksSchema,
  page: pageSchema,
});

/** One CloudEvent of `GET /oppdateringer/roller` (brief §1.5): it only names the unit whose roles changed. */
export const rolleHendelseSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().regex(/^\d+$/, 'a number'),
  source: z.string(),
  type: z.string(),
  time: isoDateTimeSchema,
  datacontenttype: z.string().optional(),
  data: z.object({ organisasjonsnummer: orgnrSchema }),
});
export type RolleHendelse = z.infer<typeof rolleHendelseSchema>;
export const rolleHendelserResponseSchema = z.array(rolleHendelseSchema);

const typeMedLenkeSchema = z.object({ kode: z.string().min(1), beskrivelse: z.string(), _links: selfLinksSchema });

export const rollePersonSchema = z.object({
  fodselsdato: isoDateSchema,
  navn: z.object({ fornavn: z.string(), mellomnavn: z.string().optional(), etternavn: z.string() }),
  erDoed: z.boolean(),
});

/** A role held by an organisation (revisor, regnskapsfører…): it takes the place of `person` (brief §1.6). */
export const rolleEnhetSchema = z.object({
  organisasjonsnummer: orgnrSchema,
  organisasjonsform: organisasjonsformSchema,
  navn: z.array(z.string()),
  erSlettet: z.boolean(),
  _links: selfLinksSchema,
});

export const rolleSchema = z
  .object({
    type: typeMedLenkeSchema,
    person: rollePersonSchema.optional(),
    enhet: rolleEnhetSchema.optional(),
    valgtAv: kodeBeskrivelseSchema.optional(),
    ansvarsandel: z.string().optional(),
    fratraadt: z.boolean(),
    avregistrert: z.boolean().optional(),
    rekkefolge: z.number().int().min(0),
  })
  .refine((r) => (r.person ? 1 : 0) + (r.enhet ? 1 : 0) === 1, 'a role is held by exactly one person or one unit');

export const rollegruppeSchema = z.object({
  type: typeMedLenkeSchema,
  sistEndret: isoDateSchema,
  roller: z.array(rolleSchema).min(1),
});

/** `GET /enheter/{orgnr}/roller` (brief §1.6). */
export const rollerResponseSchema = z.object({
  rollegrupper: z.array(rollegruppeSchema).min(1),
  _links: z.object({ self: halLinkSchema, enhet: halLinkSchema }).optional(),
});
export type RollerResponse = z.infer<typeof rollerResponseSchema>;

export const icnpoKategoriSchema = z.object({
  /** Enum name such as "ICNPOKategori.internasjonaleOrganisasjoner" (only that one value is attested). */
  kategori: z.string(),
  icnpoNummer: z.string().regex(/^\d+$/, 'digits'),
  /** Null in list responses; use the code list (brief §2.3). */
  navn: z.string().nullable(),
  rekkefoelge: z.number().int().min(1).max(3),
});

/** One organisation in Frivillighetsregisteret: no name or address, join on organisasjonsnummer (brief §2.3). */
export const frivilligOrganisasjonSchema = z.object({
  organisasjonsnummer: orgnrSchema,
  /** The value set is not published (brief §8.6). */
  frivilligOrganisasjonsstatus: z.string(),
  kontonummer: z
    .string()
    .regex(/^\d{11}$/, 'eleven digits')
    .optional(),
  innfoertDato: isoDateSchema,
  foersteGangInnfoert: isoDateSchema,
  grasrotandel: z.object({
    deltarI: z.boolean(),
    utestengelsesperiode: z.object({ fraDato: isoDateSchema, tilDato: isoDateSchema }).optional(),
  }),
  regnskapsrapportering: z.object({
    harPaatattSegRapporteringsplikt: z.boolean(),
    avslutningsdatoForRegnskapsperiode: z.string().optional(),
    sistInnsendteAarsregnskap: z.object({ regnskapsaar: z.number().int(), registreringsdato: isoDateSchema }).optional(),
  }),
  vedtekter: z.object({ frivilligRegistrerteVedtekter: z.boolean(), sistOppdaterteVedtekter: isoDateSchema.optional() }),
  icnpoKategorier: z.array(icnpoKategoriSchema).min(1).max(3),
  paategninger: z.array(z.object({ identifikatorInformasjonstype: z.string(), paategning: z.string() })),
  slettetDato: isoDateSchema.optional(),
  _links: z.object({ self: halLinkSchema.optional() }),
});
export type FrivilligOrganisasjon = z.infer<typeof frivilligOrganisasjonSchema>;

/** `GET /frivillige-organisasjoner`: cursor paging through `_links.next` (searchAfter), no `page` block. */
export const frivilligeOrganisasjonerResponseSchema = z.object({
  _embedded: z.object({ frivilligeOrganisasjoner: z.array(frivilligOrganisasjonSchema) }).optional(),
  _links: z.object({ self: halLinkSchema, next: halLinkSchema.optional() }),
});

/** `GET /icnpo-kategorier?spraak=NOB` (brief §2.3): 46 rows, NOB only. */
export const icnpoKategorierResponseSchema = z.object({
  _embedded: z.object({
    icnpoKategorier: z.array(z.object({ icnpoNummer: z.string().regex(/^\d+$/), navn: z.string(), spraakkode: z.literal('NOB') })),
  }),
  _links: z.object({ self: halLinkSchema }),
});
