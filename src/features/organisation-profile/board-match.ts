/**
 * Matching a signed-in person to a board role in Enhetsregisteret (brief §1.6: the open roles API gives name
 * and birth date only). The birth date must be equal; the names are compared on the first given name and the
 * last surname, normalised (Unicode NFC, case, hyphens and extra spaces), so "Kari Nordmann" matches
 * fornavn "KARI ANNE", etternavn "NORDMANN", and "Per Berg-Hansen" matches etternavn "BERG HANSEN".
 */

/** The roles that count as "a current board role" for claiming a workspace (rolletyper: LEDE, NEST, MEDL). */
export const BOARD_ROLE_CODES = ['LEDE', 'NEST', 'MEDL'] as const;

export function nameTokens(value: string | null | undefined): string[] {
  return (value ?? '')
    .normalize('NFC')
    .toLocaleLowerCase('nb')
    .split(/[^\p{L}\p{M}']+/u)
    .filter(Boolean);
}

export function namesMatch(personName: string, role: { fornavn: string | null; etternavn: string | null }): boolean {
  const person = nameTokens(personName);
  const given = nameTokens(role.fornavn);
  const family = nameTokens(role.etternavn);
  if (person.length < 2 || given.length === 0 || family.length === 0) return false;
  return person[0] === given[0] && person[person.length - 1] === family[family.length - 1];
}
