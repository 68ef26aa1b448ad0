import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source-options';
import { MIGRATIONS } from '../../database/migrations';
import type { BackupManifest } from './backup-manifest';
import { listColumns, listTables, loadOrder, MIGRATIONS_TABLE, PORTABLE_SESSION, quoteIdent } from './table-catalog';

/** The database already holds tables and --force was not given. */
export class DatabaseNotEmptyError extends Error {}

/** Tables whose counts an operator recognises, for the refusal message. */
const TELLING_TABLES = ['workflows', 'runs', 'credentials', 'users'];

/**
 * Refuses a database that has tables, unless `force`: then drops every table of the public schema
 * (the backup replaces everything; nothing else of Switchyard lives outside its tables).
 */
export async function prepareEmptyDatabase(client: Client, force: boolean): Promise<{ dropped: string[] }> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  const tables = rows.map((r) => r.name);
  if (tables.length === 0) return { dropped: [] };
  if (!force) {
    const counts: string[] = [];
    for (const table of TELLING_TABLES.filter((t) => tables.includes(t))) {
      const { rows: c } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(table)}`);
      counts.push(`${c[0].n} ${table}`);
    }
    throw new DatabaseNotEmptyError(
      `The target database is not empty (${tables.length} tables${counts.length ? `: ${counts.join(', ')}` : ''}). ` +
        'Restore into a fresh database or data directory, or add --force to drop every table in it first (stop every Switchyard process using it).',
    );
  }
  await client.query(`DROP TABLE IF EXISTS ${tables.map(quoteIdent).join(', ')} CASCADE`);
  return { dropped: tables };
}

/**
 * The migrations of this build that made the backup's schema, in this build's order. A backup made
 * by a newer Switchyard names migrations this build lacks: restoring it here would lose columns.
 */
export function migrationsFor(manifest: BackupManifest): Array<new () => object> {
  const byName = new Map(MIGRATIONS.map((m) => [(new m() as { name?: string }).name ?? m.name, m]));
  const unknown = manifest.migrations.filter((m) => !byName.has(m.name));
  if (unknown.length > 0)
    throw new Error(
      `This backup was made by a newer Switchyard (${manifest.switchyardVersion}): its schema has migrations this version does not know ` +
        `(${unknown.map((m) => m.name).join(', ')}). Restore it with that version or a newer one.`,
    );
  const wanted = new Set(manifest.migrations.map((m) => m.name));
  return MIGRATIONS.filter((m) => wanted.has((new m() as { name?: string }).name ?? m.name));
}

/** Builds the backup's schema with this build's migrations, up to the backup's level and no further. */
export async function migrateTo(url: string, migrations: Array<new () => object>): Promise<void> {
  const ds = new DataSource({ ...dataSourceOptions(url), migrations, migrationsRun: false });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/**
 * Loads the archive's tables in one transaction: rows seeded by migrations are truncated first (the
 * backup has its own), tables are filled parents first, and the row counts are checked against the
 * manifest before the commit. Returns the rows per table.
 */
export async function loadTables(client: Client, archiveDir: string, manifest: BackupManifest): Promise<Record<string, number>> {
  for (const sql of PORTABLE_SESSION) await client.query(sql);
  await client.query('BEGIN');
  try {
    const present = await listTables(client);
    const missing = manifest.tables.filter((t) => !present.includes(t.name)).map((t) => t.name);
    if (missing.length > 0)
      throw new Error(`the migrated schema has no table ${missing.join(', ')}: the backup does not match its migrations`);
    if (present.length > 0) await client.query(`TRUNCATE ${present.map(quoteIdent).join(', ')} CASCADE`);
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    const counts: Record<string, number> = {};
    for (const name of await loadOrder(client, present)) {
      const table = byName.get(name);
      if (!table) {
        counts[name] = 0;
        continue;
      }
      const columns = await listColumns(client, name);
      const extra = table.columns.filter((c) => !columns.includes(c));
      if (extra.length > 0) throw new Error(`table ${name} has no column ${extra.join(', ')}: the backup does not match its migrations`);
      const stream = client.query(copyFrom(`COPY ${quoteIdent(name)} (${table.columns.map(quoteIdent).join(', ')}) FROM STDIN`));
      await pipeline(createReadStream(join(archiveDir, table.file)), stream);
      if (stream.rowCount !== table.rows) throw new Error(`table ${name}: loaded ${stream.rowCount} rows, the backup has ${table.rows}`);
      counts[name] = stream.rowCount;
    }
    await client.query('COMMIT');
    return counts;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** The migrations table's names after a restore, to report the schema level. */
export async function appliedMigrations(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`);
  return rows.map((r) => r.name);
}
