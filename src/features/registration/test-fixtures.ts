import { generateKeyPairSync } from 'node:crypto';

/**
 * Test data for the registration package: valid fødselsnummer made with the real MOD11 rules (so no real person's
 * number is written into the repository by hand), and a fresh RSA key for the Maskinporten client in tests.
 */

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function check(digits: number[], weights: number[]): number | null {
  const rest = 11 - (weights.reduce((acc, w, i) => acc + w * digits[i]!, 0) % 11);
  if (rest === 11) return 0;
  if (rest === 10) return null;
  return rest;
}

/**
 * A valid fødselsnummer for a birth date (ddmmyy) with the first individnummer from `start` that gives two valid
 * check digits. Individnummer 500–749 with year 00–39 means born in the 2000s, 000–499 in the 1900s.
 */
export function makeFnr(ddmmyy: string, start = 100): string {
  for (let individ = start; individ < start + 400; individ++) {
    const base = `${ddmmyy}${String(individ).padStart(3, '0')}`;
    const digits = [...base].map(Number);
    const c1 = check(digits, K1);
    if (c1 === null) continue;
    const c2 = check([...digits, c1], K2);
    if (c2 === null) continue;
    return `${base}${c1}${c2}`;
  }
  throw new Error(`no valid fødselsnummer for ${ddmmyy} from ${start}`);
}

/** A D-nummer: the day plus 40. */
export function makeDnr(ddmmyy: string, start = 100): string {
  const day = Number(ddmmyy.slice(0, 2)) + 40;
  return makeFnr(`${day}${ddmmyy.slice(2)}`, start);
}

export function testRsaKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
