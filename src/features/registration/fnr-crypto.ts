import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Fødselsnummer and D-nummer are kept encrypted at rest (issue 4; brief §4.1: every person with a role must be
 * identified by one, so the registration package has to hold them until the intake has received it). AES-256-GCM
 * with a random 96-bit IV per value; the stored text is "v1.<iv>.<tag>.<ciphertext>" in base64url, so a key or
 * algorithm change later can be recognised by its prefix. The additional authenticated data binds each value to
 * the package row it belongs to, so a ciphertext copied into another package does not decrypt there.
 *
 * The key comes from FNR_ENCRYPTION_KEY (src/core/config.ts). Sub-keys are derived with HKDF so the same secret
 * never serves two purposes: one for encryption, one for the keyed content hash board members confirm.
 */

const VERSION = 'v1';

export interface FnrCipher {
  encrypt(plaintext: string, context: string): string;
  /** Throws when the value was not made with this key and context (tampered, moved or wrong key). */
  decrypt(stored: string, context: string): string;
  /** HMAC-SHA256 (hex) under a derived key: a content hash that cannot be used to guess the numbers inside it. */
  contentHash(canonical: string): string;
}

export class FnrDecryptError extends Error {
  constructor() {
    super('a stored fødselsnummer could not be decrypted (wrong FNR_ENCRYPTION_KEY, or the value was altered)');
    this.name = 'FnrDecryptError';
  }
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

export function createFnrCipher(masterKey: Buffer): FnrCipher {
  if (masterKey.length !== 32) throw new Error('FNR_ENCRYPTION_KEY must be 32 bytes');
  const encKey = derive(masterKey, 'frivillig/registration/fnr-encryption/v1');
  const hashKey = derive(masterKey, 'frivillig/registration/content-hash/v1');
  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
    },
    decrypt(stored, context) {
      const parts = stored.split('.');
      if (parts.length !== 4 || parts[0] !== VERSION) throw new FnrDecryptError();
      try {
        const [, iv, tag, ct] = parts as [string, string, string, string];
        const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new FnrDecryptError();
      }
    },
    contentHash(canonical) {
      return createHmac('sha256', hashKey).update(canonical, 'utf8').digest('hex');
    },
  };
}
