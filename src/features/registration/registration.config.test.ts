import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseFnrKey } from '../../core/config.ts';
import { testRsaKeys } from './test-fixtures.ts';

/** The registration package's configuration (src/core/config.ts; README "Configuration"). */

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => p.variable);
  }
};

const keys = testRsaKeys();
const HEX_KEY = 'a'.repeat(64);

describe('FNR_ENCRYPTION_KEY', () => {
  it('takes 32 bytes as hex or base64, and nothing else', () => {
    expect(parseFnrKey(HEX_KEY)?.length).toBe(32);
    expect(parseFnrKey(Buffer.alloc(32, 7).toString('base64'))?.length).toBe(32);
    expect(parseFnrKey(Buffer.alloc(32, 7).toString('base64url'))?.length).toBe(32);
    expect(parseFnrKey('too-short')).toBeNull();
    expect(parseFnrKey('a'.repeat(63))).toBeNull();
    expect(problems({ FNR_ENCRYPTION_KEY: 'secret' })).toEqual(['FNR_ENCRYPTION_KEY']);
  });

  it('is required in production; the development key is only for the embedded demo and tests', () => {
    expect(problems({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) })).toEqual(['FNR_ENCRYPTION_KEY']);
    const prod = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32), FNR_ENCRYPTION_KEY: HEX_KEY });
    expect(prod.fnrKeyIsDevelopmentDefault).toBe(false);
    expect(prod.fnrEncryptionKey.toString('hex')).toBe(HEX_KEY);
    const dev = loadConfig({});
    expect(dev.fnrKeyIsDevelopmentDefault).toBe(true);
    expect(dev.fnrEncryptionKey.length).toBe(32);
  });
});

describe('electronic intake and Maskinporten', () => {
  it('defaults to the test environment outside production and to production in production', () => {
    expect(loadConfig({}).mottakUrl).toBe('https://mottak.ppe.brreg.no');
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32), FNR_ENCRYPTION_KEY: HEX_KEY }).mottakUrl).toBe(
      'https://mottak.brreg.no',
    );
    expect(loadConfig({ BRREG_MOTTAK_URL: 'http://127.0.0.1:9/' }).mottakUrl).toBe('http://127.0.0.1:9');
    expect(loadConfig({}).maskinporten).toBeNull();
  });

  it('needs client id, key id, a key and the sender organisation together', () => {
    expect(problems({ MASKINPORTEN_CLIENT_ID: 'c' })).toEqual([
      'MASKINPORTEN_KID',
      'MASKINPORTEN_PRIVATE_KEY',
      'BRREG_MOTTAK_AVSENDER_ORGNR',
    ]);
    const full = {
      MASKINPORTEN_CLIENT_ID: 'c',
      MASKINPORTEN_KID: 'k',
      MASKINPORTEN_PRIVATE_KEY: keys.privateKeyPem,
      BRREG_MOTTAK_AVSENDER_ORGNR: '910 000 012',
    };
    const c = loadConfig(full);
    expect(c.maskinporten).toMatchObject({
      issuer: 'https://test.maskinporten.no/',
      tokenUrl: 'https://test.maskinporten.no/token',
      clientId: 'c',
      kid: 'k',
      scope: 'brreg:mottak',
    });
    expect(c.BRREG_MOTTAK_AVSENDER_ORGNR).toBe('910000012');
    expect(problems({ ...full, BRREG_MOTTAK_AVSENDER_ORGNR: '910000013' })).toEqual(['BRREG_MOTTAK_AVSENDER_ORGNR']);
    expect(problems({ ...full, MASKINPORTEN_PRIVATE_KEY: 'not a key' })).toEqual(['MASKINPORTEN_PRIVATE_KEY']);
    // A PEM in one line with \n escapes, as environment files often carry it.
    expect(loadConfig({ ...full, MASKINPORTEN_PRIVATE_KEY: keys.privateKeyPem.replaceAll('\n', '\\n') }).maskinporten?.privateKeyPem).toBe(
      keys.privateKeyPem,
    );
  });

  it('reads the key from a file, and names the variable when it cannot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frivillig-mp-'));
    const file = join(dir, 'key.pem');
    writeFileSync(file, keys.privateKeyPem);
    const base = { MASKINPORTEN_CLIENT_ID: 'c', MASKINPORTEN_KID: 'k', BRREG_MOTTAK_AVSENDER_ORGNR: '910000012' };
    expect(loadConfig({ ...base, MASKINPORTEN_PRIVATE_KEY_FILE: file }).maskinporten?.privateKeyPem).toBe(keys.privateKeyPem);
    expect(problems({ ...base, MASKINPORTEN_PRIVATE_KEY_FILE: join(dir, 'missing.pem') })).toEqual(['MASKINPORTEN_PRIVATE_KEY_FILE']);
    expect(problems({ ...base, MASKINPORTEN_PRIVATE_KEY_FILE: file, MASKINPORTEN_PRIVATE_KEY: keys.privateKeyPem })).toEqual([
      'MASKINPORTEN_PRIVATE_KEY_FILE',
    ]);
  });

  it('refuses plain http in production', () => {
    const prod = { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32), FNR_ENCRYPTION_KEY: HEX_KEY };
    expect(problems({ ...prod, BRREG_MOTTAK_URL: 'http://mottak.example' })).toEqual(['BRREG_MOTTAK_URL']);
  });
});
