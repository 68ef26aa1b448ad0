import { resolve } from 'node:path';
import { createLogger } from '../common/logger';
import { hasEmbeddedDatabase, runningEmbeddedDatabaseUrl, startEmbeddedDatabase } from '../database/embedded-database';

/** The PostgreSQL a command works on, and how to let go of it. */
export interface DatabaseTarget {
  url: string;
  kind: 'url' | 'embedded';
  /** For messages: "PostgreSQL at DATABASE_URL (host/db)" or "the embedded PostgreSQL in <dir>". */
  description: string;
  release(): Promise<void>;
}

/** The data directory as the server resolves it (`SWITCHYARD_DATA_DIR`, default `./.switchyard`). */
export function dataDirOf(env: NodeJS.ProcessEnv): string {
  return resolve(env.SWITCHYARD_DATA_DIR || './.switchyard');
}

/**
 * DATABASE_URL when set, otherwise the embedded PostgreSQL of the data directory: the running one
 * when a Switchyard has it started (`running: 'use'`, e.g. a backup of a live install) or started
 * here for the command. `running: 'refuse'` is for commands that must have the database to
 * themselves; `initialise` lets a fresh data directory get a new database (restore).
 */
export async function openDatabaseTarget(
  env: NodeJS.ProcessEnv,
  options: { running: 'use' | 'refuse'; initialise: boolean },
): Promise<DatabaseTarget> {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    return {
      url: env.DATABASE_URL,
      kind: 'url',
      description: `PostgreSQL at DATABASE_URL (${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname})`,
      release: async () => undefined,
    };
  }
  const dataDir = dataDirOf(env);
  const running = runningEmbeddedDatabaseUrl(dataDir);
  if (running) {
    if (options.running === 'refuse')
      throw new Error(
        `The embedded PostgreSQL in ${dataDir} is running: stop Switchyard first (this command needs the database to itself).`,
      );
    return { url: running, kind: 'embedded', description: `the running embedded PostgreSQL in ${dataDir}`, release: async () => undefined };
  }
  if (!options.initialise && !hasEmbeddedDatabase(dataDir))
    throw new Error(`There is no embedded database in ${dataDir}: set SWITCHYARD_DATA_DIR to the data directory, or DATABASE_URL.`);
  const embedded = await startEmbeddedDatabase(dataDir, createLogger(env.LOG_LEVEL ?? 'warn'));
  return { url: embedded.url, kind: 'embedded', description: `the embedded PostgreSQL in ${dataDir}`, release: () => embedded.stop() };
}
