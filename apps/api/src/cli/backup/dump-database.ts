import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { BackupManifest } from './backup-manifest';
import { listColumns, listTables, MIGRATIONS_TABLE, PORTABLE_SESSION, quoteIdent } from './table-catalog';

export type DatabaseDump = Pick<BackupManifest, 'migrations' | 'tables'> & { serverVersion: string };

/**
 * Copies every data table into `<dir>/data/<table>.copy` (COPY text format) inside one
 * REPEATABLE READ, READ ONLY transaction: one snapshot, so runs, their steps and their requests
 * agree, while the server keeps taking webhooks. The schema is not dumped: it is the migrations
 * listed in the result, which restore runs again.
 *
 * Not pg_dump: it must match the server's major version, the embedded PostgreSQL ships without it,
 * and its output does not load into an older server; COPY text does, with the settings pinned.
 */
export async function dumpDatabase(client: Client, dir: string): Promise<DatabaseDump> {
  for (const sql of PORTABLE_SESSION) await client.query(sql);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  try {
    const { rows: version } = await client.query<{ server_version: string }>('SHOW server_version');
    const { rows: present } = await client.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`public.${MIGRATIONS_TABLE}`]);
    if (!present[0]?.t) throw new Error('This database has no Switchyard schema (no migrations table): nothing to back up');
    const { rows: migrations } = await client.query<{ timestamp: string; name: string }>(
      `SELECT "timestamp"::text AS timestamp, name FROM ${MIGRATIONS_TABLE} ORDER BY id`,
    );
    mkdirSync(join(dir, 'data'), { recursive: true, mode: 0o700 });
    const tables: DatabaseDump['tables'] = [];
    for (const name of await listTables(client)) {
      const columns = await listColumns(client, name);
      const file = `data/${name}.copy`;
      const stream = client.query(copyTo(`COPY ${quoteIdent(name)} (${columns.map(quoteIdent).join(', ')}) TO STDOUT`));
      await pipeline(stream, createWriteStream(join(dir, file), { mode: 0o600 }));
      tables.push({ name, columns, rows: stream.rowCount, file });
    }
    await client.query('COMMIT');
    return { serverVersion: version[0].server_version, migrations, tables };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
