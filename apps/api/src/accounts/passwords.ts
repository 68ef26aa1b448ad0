import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum recommendation). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/** Verifies against a throwaway hash so that an unknown email costs as much time as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hash('switchyard-dummy-password');
  await verifyPassword(await dummy, password);
}
