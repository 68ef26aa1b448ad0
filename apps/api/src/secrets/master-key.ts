import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Logger } from '../common/logger';

/** Parses a base64 master key; throws naming the setting when it is not 32 bytes. */
export function parseMasterKey(value: string, setting: string): Buffer {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32)
    throw new Error(`${setting} must be the base64 of exactly 32 bytes (e.g. \`openssl rand -base64 32\`), got ${key.length} bytes`);
  return key;
}

/**
 * The master key that encrypts trigger secrets and credentials: `SWITCHYARD_SECRET_KEY` when set, otherwise
 * `<dataDir>/secret.key`, generated (mode 0600) on first start. `SWITCHYARD_SECRET_KEY_PREVIOUS`
 * (comma-separated) lists older keys that still decrypt during a rotation, and so does
 * `<dataDir>/secret.key.next`, written by `rotate-master-key` before it re-encrypts anything.
 */
export function loadMasterKeys(options: {
  secretKey?: string;
  previousKeys?: string;
  dataDir: string;
  logger: Logger;
  shared: boolean;
  /** false: never generate a key (a worker's own key could decrypt nothing the api sealed). */
  generate?: boolean;
}): { key: Buffer; previous: Buffer[] } {
  const previous = (options.previousKeys ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((value) => parseMasterKey(value, 'SWITCHYARD_SECRET_KEY_PREVIOUS'));
  if (options.secretKey) return { key: parseMasterKey(options.secretKey, 'SWITCHYARD_SECRET_KEY'), previous };
  const file = resolve(options.dataDir, 'secret.key');
  // A rotation in progress (or interrupted) may have sealed rows with the next key already.
  const next = `${file}.next`;
  if (existsSync(next)) previous.push(parseMasterKey(readFileSync(next, 'utf8'), next));
  if (existsSync(file)) return { key: parseMasterKey(readFileSync(file, 'utf8'), file), previous };
  if (options.generate === false) {
    throw new Error(
      `SWITCHYARD_SECRET_KEY is not set and ${file} does not exist: give every api and worker process the same SWITCHYARD_SECRET_KEY`,
    );
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process sharing the data directory created it first: use that one.
    if ((err as { code?: string }).code === 'EEXIST') return { key: parseMasterKey(readFileSync(file, 'utf8'), file), previous };
    throw err;
  }
  chmodSync(file, 0o600);
  options.logger.warn(
    { file },
    options.shared
      ? 'generated a master key for trigger secrets in the data directory; set SWITCHYARD_SECRET_KEY so every api process uses the same key'
      : 'generated a master key for trigger secrets; back it up with the database',
  );
  return { key, previous };
}
