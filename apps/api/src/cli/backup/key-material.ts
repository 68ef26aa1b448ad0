import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Client } from 'pg';
import { parseMasterKey } from '../../secrets/master-key';
import { SEALED_TABLES, sealedColumn } from '../../secrets/reencrypt-secrets';
import { SecretBox } from '../../secrets/secret-box';
import type { BackupManifest } from './backup-manifest';

/** The key files of a data directory: the key, and the next one while a rotation is under way. */
const KEY_FILES = ['secret.key', 'secret.key.next'];
export const KEY_NOTE_FILE = 'MASTER-KEY.txt';

/** `sha256:<hex>` of a master key: recognises a key without revealing it. */
export function keyFingerprint(key: Buffer): string {
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * Puts the master key material beside the dump: the data directory's key files, or, when the key
 * comes from SWITCHYARD_SECRET_KEY (or --no-key), a note saying that it must be kept separately.
 */
export function collectKeyMaterial(options: {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  archiveDir: string;
  includeKey: boolean;
}): BackupManifest['masterKey'] {
  const { env, dataDir, archiveDir } = options;
  const note = (text: string) => writeFileSync(join(archiveDir, KEY_NOTE_FILE), `${text}\n`, { mode: 0o600 });
  if (env.SWITCHYARD_SECRET_KEY) {
    const fingerprint = keyFingerprint(parseMasterKey(env.SWITCHYARD_SECRET_KEY, 'SWITCHYARD_SECRET_KEY'));
    note(
      [
        'The master key of this installation comes from the environment (SWITCHYARD_SECRET_KEY) and is NOT in this archive.',
        'Trigger secrets and credentials in the dump are encrypted with it: keep it with the backup, separately.',
        `Restore with the same SWITCHYARD_SECRET_KEY (fingerprint ${fingerprint}); switchyard restore checks that it decrypts.`,
        ...(env.SWITCHYARD_SECRET_KEY_PREVIOUS
          ? [
              'SWITCHYARD_SECRET_KEY_PREVIOUS was set (a rotation under way): some rows may need those keys too; set it again when restoring.',
            ]
          : []),
      ].join('\n'),
    );
    return { source: 'environment', fingerprint, files: [] };
  }
  const present = KEY_FILES.filter((f) => existsSync(join(dataDir, f)));
  if (present.length === 0) {
    note(`No master key was found (SWITCHYARD_SECRET_KEY unset, no ${join(dataDir, 'secret.key')}): the dump holds no readable secrets.`);
    return { source: 'none', fingerprint: null, files: [] };
  }
  const fingerprint = existsSync(join(dataDir, 'secret.key'))
    ? keyFingerprint(parseMasterKey(readFileSync(join(dataDir, 'secret.key'), 'utf8'), 'secret.key'))
    : null;
  if (!options.includeKey) {
    note(
      [
        `The master key (${join(dataDir, 'secret.key')}) was left out of this archive (--no-key): keep it separately.`,
        `Before restoring, put it in the new data directory as secret.key (mode 0600), or set SWITCHYARD_SECRET_KEY to its content (fingerprint ${fingerprint}).`,
      ].join('\n'),
    );
    return { source: 'excluded', fingerprint, files: [] };
  }
  mkdirSync(join(archiveDir, 'keys'), { recursive: true, mode: 0o700 });
  const files = present.map((f) => {
    copyFileSync(join(dataDir, f), join(archiveDir, 'keys', f));
    chmodSync(join(archiveDir, 'keys', f), 0o600);
    return `keys/${f}`;
  });
  return { source: 'data-dir', fingerprint, files };
}

/** Key files of the archive that would replace a different key already in the data directory. */
export function conflictingKeyFiles(dataDir: string, archiveDir: string, manifest: BackupManifest): string[] {
  return manifest.masterKey.files
    .map((file) => ({ target: join(dataDir, basename(file)), content: readFileSync(join(archiveDir, file), 'utf8') }))
    .filter(({ target, content }) => existsSync(target) && readFileSync(target, 'utf8').trim() !== content.trim())
    .map(({ target }) => target);
}

export interface KeyRestore {
  /** What happened to the key material, for the summary. */
  message: string;
  /** Keys the restored installation will decrypt with, when known. */
  keys: Buffer[] | null;
}

/**
 * Writes the archive's key files into the target data directory (an existing different key is kept
 * as secret.key.replaced-<time>), and works out which keys the
 * restored installation will use: SWITCHYARD_SECRET_KEY wins over the data directory, as at start.
 */
export function restoreKeyMaterial(options: {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  archiveDir: string;
  manifest: BackupManifest;
}): KeyRestore {
  const { env, dataDir, archiveDir, manifest } = options;
  const previous = (env.SWITCHYARD_SECRET_KEY_PREVIOUS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((v) => parseMasterKey(v, 'SWITCHYARD_SECRET_KEY_PREVIOUS'));
  const messages: string[] = [];
  const fileKeys: Buffer[] = [];
  if (manifest.masterKey.files.length > 0) {
    mkdirSync(dataDir, { recursive: true });
    for (const file of manifest.masterKey.files) {
      const name = basename(file);
      const content = readFileSync(join(archiveDir, file), 'utf8');
      fileKeys.push(parseMasterKey(content, file));
      const target = join(dataDir, name);
      // Checked before anything was written (conflictingKeyFiles); with --force the old key is kept aside.
      if (existsSync(target) && readFileSync(target, 'utf8').trim() !== content.trim())
        renameSync(target, `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      writeFileSync(target, content, { mode: 0o600 });
      chmodSync(target, 0o600);
    }
    messages.push(`restored to ${join(dataDir, 'secret.key')}`);
  }
  if (env.SWITCHYARD_SECRET_KEY) {
    const key = parseMasterKey(env.SWITCHYARD_SECRET_KEY, 'SWITCHYARD_SECRET_KEY');
    const matches = manifest.masterKey.fingerprint === null || keyFingerprint(key) === manifest.masterKey.fingerprint;
    messages.push(
      matches
        ? 'SWITCHYARD_SECRET_KEY is set and is the key of the backup'
        : `SWITCHYARD_SECRET_KEY is set but is not the key the backup was made with (${manifest.masterKey.fingerprint}); the server will use SWITCHYARD_SECRET_KEY`,
    );
    return { message: messages.join('; '), keys: [key, ...previous] };
  }
  if (fileKeys.length > 0) return { message: messages.join('; '), keys: [...fileKeys, ...previous] };
  const existing = join(dataDir, 'secret.key');
  if (existsSync(existing)) {
    const key = parseMasterKey(readFileSync(existing, 'utf8'), existing);
    const matches = manifest.masterKey.fingerprint === null || keyFingerprint(key) === manifest.masterKey.fingerprint;
    messages.push(matches ? `${existing} is the key of the backup` : `${existing} is not the key the backup was made with`);
    return { message: messages.join('; '), keys: [key, ...previous] };
  }
  messages.push(
    manifest.masterKey.source === 'environment'
      ? `not in the backup: set SWITCHYARD_SECRET_KEY to the key it was made with (${manifest.masterKey.fingerprint}) on every api and worker process`
      : `not in the backup: put the original key in ${existing} or SWITCHYARD_SECRET_KEY${manifest.masterKey.fingerprint ? ` (${manifest.masterKey.fingerprint})` : ''}`,
  );
  return { message: messages.join('; '), keys: null };
}

export interface SecretCheck {
  checked: number;
  decrypted: number;
  failed: Array<{ table: string; id: string }>;
}

/** Opens every sealed trigger secret and credential with the given keys (nothing is written). */
export async function checkSecrets(client: Client, keys: Buffer[]): Promise<SecretCheck> {
  const box = new SecretBox(keys[0], keys.slice(1));
  const result: SecretCheck = { checked: 0, decrypted: 0, failed: [] };
  for (const spec of SEALED_TABLES) {
    const { rows } = await client.query<{ id: string; ciphertext: Buffer }>(
      `SELECT ${spec.idColumn}::text AS id, ${sealedColumn(spec)} AS ciphertext FROM ${spec.table} WHERE ${sealedColumn(spec)} IS NOT NULL ORDER BY 1`,
    );
    for (const row of rows) {
      result.checked++;
      try {
        box.decrypt(row.ciphertext, spec.associatedData(row.id));
        result.decrypted++;
      } catch {
        result.failed.push({ table: spec.table, id: row.id });
      }
    }
  }
  return result;
}
