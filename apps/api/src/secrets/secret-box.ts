import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

const FORMAT_VERSION = 1;
const KEY_ID_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES + IV_BYTES + TAG_BYTES;

/** A short fingerprint of a master key, stored with each ciphertext so a rotated key can be told apart. */
export function keyId(key: Buffer): Buffer {
  return createHash('sha256').update(key).digest().subarray(0, KEY_ID_BYTES);
}

export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretDecryptionError';
  }
}

/**
 * AES-256-GCM with a 32-byte master key. A ciphertext is `version | keyId | iv | tag | data`; the
 * associated data (e.g. the workflow id) binds a ciphertext to its row, so it cannot be moved to
 * another. `previousKeys` still decrypt, for key rotation.
 */
export class SecretBox {
  private readonly currentId: Buffer;

  constructor(
    private readonly key: Buffer,
    private readonly previousKeys: ReadonlyArray<Buffer> = [],
  ) {
    for (const k of [key, ...previousKeys]) if (k.length !== 32) throw new Error('A master key must be 32 bytes');
    this.currentId = keyId(key);
  }

  /**
   * A keyed hash of `data` for one purpose (`label`), under the current key: stable while the key is,
   * unguessable without it (one-time links derived per run, ADR 0022).
   */
  mac(label: string, data: string): Buffer {
    const subkey = createHmac('sha256', this.key).update(label, 'utf8').digest();
    return createHmac('sha256', subkey).update(data, 'utf8').digest();
  }

  encrypt(plaintext: Buffer, associatedData: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_VERSION]), this.currentId, iv, cipher.getAuthTag(), data]);
  }

  decrypt(ciphertext: Buffer, associatedData: string): Buffer {
    if (ciphertext.length < HEADER_BYTES || ciphertext[0] !== FORMAT_VERSION)
      throw new SecretDecryptionError('not a Switchyard ciphertext');
    const id = ciphertext.subarray(1, 1 + KEY_ID_BYTES);
    const key = [this.key, ...this.previousKeys].find((k) => keyId(k).equals(id));
    if (!key) throw new SecretDecryptionError('encrypted with a master key this server does not have (SWITCHYARD_SECRET_KEY changed?)');
    const iv = ciphertext.subarray(1 + KEY_ID_BYTES, 1 + KEY_ID_BYTES + IV_BYTES);
    const tag = ciphertext.subarray(1 + KEY_ID_BYTES + IV_BYTES, HEADER_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext.subarray(HEADER_BYTES)), decipher.final()]);
    } catch {
      throw new SecretDecryptionError('the ciphertext failed authentication');
    }
  }

  /** Whether a ciphertext was made with an older key (and should be re-encrypted). */
  isStale(ciphertext: Buffer): boolean {
    return !ciphertext.subarray(1, 1 + KEY_ID_BYTES).equals(this.currentId);
  }

  encryptJson(value: unknown, associatedData: string): Buffer {
    return this.encrypt(Buffer.from(JSON.stringify(value), 'utf8'), associatedData);
  }

  decryptJson<T>(ciphertext: Buffer, associatedData: string): T {
    return JSON.parse(this.decrypt(ciphertext, associatedData).toString('utf8')) as T;
  }
}
