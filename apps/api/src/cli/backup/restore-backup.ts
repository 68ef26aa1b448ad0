import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import * as tar from 'tar';
import { dataDirOf, openDatabaseTarget } from '../database-target';
import { ARCHIVE_ROOT, type BackupManifest, MANIFEST_FILE, parseBackupManifest } from './backup-manifest';
import { checkSecrets, conflictingKeyFiles, restoreKeyMaterial, type SecretCheck } from './key-material';
import { appliedMigrations, loadTables, migrateTo, migrationsFor, prepareEmptyDatabase } from './load-database';

export interface RestoreResult {
  file: string;
  manifest: BackupManifest;
  database: string;
  dropped: string[];
  migrations: string[];
  rows: Record<string, number>;
  key: string;
  /** null when no key is known yet (it comes from the environment and is not set here). */
  secrets: SecretCheck | null;
}

/** Extracts and checks an archive; the caller removes `dir`. */
export async function openArchive(file: string): Promise<{ dir: string; root: string; manifest: BackupManifest }> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-restore-'));
  try {
    await tar.extract({ file, cwd: dir, strict: true });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${file} is not a readable tar.gz archive: ${(err as Error).message}`);
  }
  const root = join(dir, ARCHIVE_ROOT);
  if (!existsSync(join(root, MANIFEST_FILE))) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${file} is not a Switchyard backup: it has no ${ARCHIVE_ROOT}/${MANIFEST_FILE}`);
  }
  try {
    const manifest = parseBackupManifest(readFileSync(join(root, MANIFEST_FILE), 'utf8'));
    for (const path of [...manifest.tables.map((t) => t.file), ...manifest.masterKey.files]) {
      if (path.includes('..') || !existsSync(join(root, path))) throw new Error(`the archive lacks ${path}`);
    }
    return { dir, root, manifest };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Restores a backup on a fresh install: DATABASE_URL, or the embedded PostgreSQL of
 * SWITCHYARD_DATA_DIR (created when the directory is new; refused while a Switchyard runs on it).
 * The schema is rebuilt with this build's migrations up to the backup's level, the rows are loaded
 * in one transaction, the key files go to the data directory, and every sealed secret is opened with
 * the key the restored install will use. Later migrations run when Switchyard starts, as after any
 * upgrade.
 */
export async function restoreBackup(options: { env: NodeJS.ProcessEnv; file: string; force: boolean }): Promise<RestoreResult> {
  const file = resolve(options.file);
  const archive = await openArchive(file);
  try {
    const { manifest } = archive;
    const migrations = migrationsFor(manifest);
    const dataDir = dataDirOf(options.env);
    const conflicts = conflictingKeyFiles(dataDir, archive.root, manifest);
    if (conflicts.length > 0 && !options.force)
      throw new Error(
        `${conflicts.join(', ')} holds another master key: restore into a fresh data directory, or add --force to replace it (the old key is kept aside)`,
      );
    const target = await openDatabaseTarget(options.env, { running: 'refuse', initialise: true });
    try {
      const client = new Client({ connectionString: target.url });
      await client.connect();
      try {
        const { dropped } = await prepareEmptyDatabase(client, options.force);
        await migrateTo(target.url, migrations);
        const rows = await loadTables(client, archive.root, manifest);
        const key = restoreKeyMaterial({
          env: options.env,
          dataDir,
          archiveDir: archive.root,
          manifest,
        });
        const secrets = key.keys ? await checkSecrets(client, key.keys) : null;
        return {
          file,
          manifest,
          database: target.description,
          dropped,
          migrations: await appliedMigrations(client),
          rows,
          key: key.message,
          secrets,
        };
      } finally {
        await client.end().catch(() => undefined);
      }
    } finally {
      await target.release();
    }
  } finally {
    rmSync(archive.dir, { recursive: true, force: true });
  }
}
