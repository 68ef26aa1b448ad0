import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const key = randomBytes(32);
  const box = new SecretBox(key);

  it('round-trips and never stores the plaintext', () => {
    const sealed = box.encryptJson(['whsec_abc'], 'wf-1');
    expect(sealed.includes(Buffer.from('whsec_abc'))).toBe(false);
    expect(box.decryptJson(sealed, 'wf-1')).toEqual(['whsec_abc']);
  });
  it('uses a fresh IV each time', () => {
    expect(box.encryptJson('x', 'a').equals(box.encryptJson('x', 'a'))).toBe(false);
  });
  it('refuses another row, a tampered ciphertext and an unknown key', () => {
    const sealed = box.encryptJson(['s'], 'wf-1');
    expect(() => box.decrypt(sealed, 'wf-2')).toThrow(/authentication/);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => box.decrypt(tampered, 'wf-1')).toThrow(/authentication/);
    expect(() => new SecretBox(randomBytes(32)).decrypt(sealed, 'wf-1')).toThrow(/SWITCHYARD_SECRET_KEY/);
  });
  it('decrypts with a previous key and reports it stale', () => {
    const sealed = box.encryptJson(['old'], 'wf');
    const rotated = new SecretBox(randomBytes(32), [key]);
    expect(rotated.decryptJson(sealed, 'wf')).toEqual(['old']);
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.isStale(rotated.encryptJson(['new'], 'wf'))).toBe(false);
  });
  it('requires 32-byte keys', () => expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/));
});
