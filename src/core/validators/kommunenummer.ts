import kommuner from '../../features/register/reference-data/kommuner_2024.json' with { type: 'json' };

/**
 * Kommunenummer valid from 1 January 2024 (357 kommuner in 15 fylker, SSB KLASS 131). The first two digits
 * are the fylkesnummer. The list is the same reference data the database holds.
 */
const BY_NUMBER = new Map(kommuner.kommuner.map((k) => [k.kommunenummer, k]));

export function isValidKommunenummer(input: string): boolean {
  return BY_NUMBER.has(input.trim());
}

export function kommuneName(nummer: string): string | null {
  return BY_NUMBER.get(nummer)?.navn ?? null;
}

export function fylkesnummerOf(kommunenummer: string): string | null {
  return BY_NUMBER.get(kommunenummer)?.fylkesnummer ?? null;
}
