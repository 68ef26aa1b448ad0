import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import * as tar from 'tar';
import { dataDirOf, openDatabaseTarget } from '../database-target';
import { switchyardVersion } from '../version';
import { ARCHIVE_ROOT, type BackupManifest, FORMAT_VERSION, MANIFEST_FILE } from './backup-manifest';
import { dumpDatabase } from './dump-database';
import { collectKeyMaterial } from './key-material';

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  database: string;
}

/** `switchyard-backup-2026-01-31T12-00-00Z.tar.gz` in the current directory. */
export function defaultBackupFile(now = new Date()): string {
  return resolve(
    `switchyard-backup-${now
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
      .replace(/:/g, '-')}.tar.gz`,
  );
}

/**
 * Writes a backup archive (tar.gz, mode 0600): manifest.json, one COPY file per table taken in a
 * single snapshot, and the master key files of the data directory or a note saying where the key
 * lives. Written beside the target under a temporary name and renamed when complete, so a backup
 * interrupted half way never looks like a good one.
 */
export async function createBackup(options: { env: NodeJS.ProcessEnv; out?: string; includeKey: boolean }): Promise<BackupResult> {
  const file = resolve(options.out ?? defaultBackupFile());
  if (!existsSync(dirname(file))) throw new Error(`${dirname(file)} does not exist: create it, or choose another --out`);
  if (existsSync(file)) throw new Error(`${file} already exists: choose another --out, or move it away first`);
  const staging = mkdtempSync(join(tmpdir(), 'switchyard-backup-'));
  const root = join(staging, ARCHIVE_ROOT);
  const target = await openDatabaseTarget(options.env, { running: 'use', initialise: false });
  try {
    const client = new Client({ connectionString: target.url });
    await client.connect();
    let dump;
    try {
      dump = await dumpDatabase(client, root);
    } finally {
      await client.end().catch(() => undefined);
    }
    const manifest: BackupManifest = {
      format: 'switchyard-backup',
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      switchyardVersion: switchyardVersion(),
      source: { kind: target.kind, serverVersion: dump.serverVersion },
      migrations: dump.migrations,
      tables: dump.tables,
      masterKey: collectKeyMaterial({
        env: options.env,
        dataDir: dataDirOf(options.env),
        archiveDir: root,
        includeKey: options.includeKey,
      }),
    };
    writeFileSync(join(root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const partial = join(dirname(file), `.${ARCHIVE_ROOT}-${process.pid}.partial`);
    // Created 0600 before the first byte: the archive holds the master key and every secret's ciphertext.
    writeFileSync(partial, '', { mode: 0o600 });
    try {
      await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, [ARCHIVE_ROOT]);
      renameSync(partial, file);
    } catch (err) {
      rmSync(partial, { force: true });
      throw err;
    }
    return { file, manifest, database: target.description };
  } finally {
    await target.release();
    rmSync(staging, { recursive: true, force: true });
  }
}
