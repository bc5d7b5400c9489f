/**
 * The four gains the ecosystem works towards (issue 5; shared ids for the roadmap, the portfolio, the
 * marketplace and the gains dashboard). Names and definitions in bokmål and nynorsk; English for the API.
 */
export const GAIN_IDS = ['less-admin-organisations', 'less-admin-public', 'register-data-reuse', 'targeted-grants'] as const;
export type GainId = (typeof GAIN_IDS)[number];

export interface Gain {
  id: GainId;
  name: { nb: string; nn: string; en: string };
  definition: { nb: string; nn: string; en: string };
}

export const GAINS: readonly Gain[] = [
  {
    id: 'less-admin-organisations',
    name: {
      nb: 'Mindre administrasjon for organisasjonene',
      nn: 'Mindre administrasjon for organisasjonane',
      en: 'Less administration for the organisations',
    },
    definition: {
      nb: 'Frivillige organisasjoner bruker mindre tid på skjema, rapportering og regler, og mer tid på aktiviteten sin.',
      nn: 'Frivillige organisasjonar brukar mindre tid på skjema, rapportering og reglar, og meir tid på aktiviteten sin.',
      en: 'Voluntary organisations spend less time on forms, reporting and rules, and more time on their activity.',
    },
  },
  {
    id: 'less-admin-public',
    name: {
      nb: 'Mindre administrasjon for offentlige aktører',
      nn: 'Mindre administrasjon for offentlege aktørar',
      en: 'Less administration for public bodies',
    },
    definition: {
      nb: 'Kommuner, fylker og statlige etater bruker mindre tid på å behandle søknader, kontrollere opplysninger og svare på spørsmål.',
      nn: 'Kommunar, fylke og statlege etatar brukar mindre tid på å handsame søknader, kontrollere opplysningar og svare på spørsmål.',
      en: 'Municipalities, counties and state agencies spend less time handling applications, checking facts and answering questions.',
    },
  },
  {
    id: 'register-data-reuse',
    name: {
      nb: 'Offentlige aktører får data fra etablerte registre',
      nn: 'Offentlege aktørar får data frå etablerte register',
      en: 'Public bodies get data from established registers',
    },
    definition: {
      nb: 'Opplysninger organisasjonene allerede har gitt, hentes fra Enhetsregisteret og Frivillighetsregisteret i stedet for å spørres om igjen (kun én gang).',
      nn: 'Opplysningar organisasjonane alt har gitt, blir henta frå Einingsregisteret og Frivilligregisteret i staden for å bli spurde om att (berre éin gong).',
      en: 'Facts the organisations have already given are taken from the registers instead of being asked for again (once-only).',
    },
  },
  {
    id: 'targeted-grants',
    name: {
      nb: 'Mer målrettede tilskudd og virkemidler',
      nn: 'Meir målretta tilskot og verkemiddel',
      en: 'More targeted grants and schemes',
    },
    definition: {
      nb: 'Tilskudd og andre virkemidler når de organisasjonene de er ment for, fordi ordningene kan matches mot data om organisasjonene.',
      nn: 'Tilskot og andre verkemiddel når dei organisasjonane dei er meinte for, fordi ordningane kan matchast mot data om organisasjonane.',
      en: 'Grants and other schemes reach the organisations they are meant for, because schemes can be matched against data about the organisations.',
    },
  },
];

export function isGainId(value: unknown): value is GainId {
  return typeof value === 'string' && (GAIN_IDS as readonly string[]).includes(value);
}

export function gainById(id: GainId): Gain {
  const gain = GAINS.find((g) => g.id === id);
  if (!gain) throw new Error(`unknown gain ${id}`);
  return gain;
}

/** The gain's name or definition in the page's language (nb, nn or en). */
export function gainText(gain: Gain, field: 'name' | 'definition', lang: string): string {
  const texts = gain[field];
  return lang === 'nn' ? texts.nn : lang === 'en' ? texts.en : texts.nb;
}
