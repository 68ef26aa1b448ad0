import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';

/** One lock for every `switchyard migrate` on a database (pg_advisory_lock keys are per database). */
const MIGRATION_LOCK = "hashtext('switchyard:migrations')";

/**
 * Runs the pending migrations while holding a PostgreSQL advisory lock, so that several processes
 * started at once (Kubernetes init containers of every api and worker pod) migrate one after the
 * other instead of racing on the same DDL. Resolves to the names of the migrations it ran.
 */
export async function migrateDatabase(url: string): Promise<{ ran: string[]; total: number }> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    const ds = new DataSource({ ...dataSourceOptions(url), migrationsRun: false });
    await ds.initialize();
    try {
      const ran = await ds.runMigrations({ transaction: 'each' });
      return { ran: ran.map((m) => m.name), total: ds.migrations.length };
    } finally {
      await ds.destroy();
    }
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}
