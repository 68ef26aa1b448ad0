import type { SecretBox } from '../secrets/secret-box';

/** The associated data of a credential's ciphertext: its id, so a ciphertext cannot be moved to another row. */
export const credentialAssociatedData = (credentialId: string) => `credential:${credentialId}`;

export function sealCredentialSecrets(box: SecretBox, credentialId: string, secret: Record<string, string>): Buffer {
  return box.encryptJson(secret, credentialAssociatedData(credentialId));
}

export function openCredentialSecrets(box: SecretBox, credentialId: string, ciphertext: Buffer): Record<string, string> {
  return box.decryptJson<Record<string, string>>(ciphertext, credentialAssociatedData(credentialId));
}
