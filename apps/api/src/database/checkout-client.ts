import type { Pool, PoolClient } from 'pg';

const ignore = () => undefined;

/**
 * Checks a client out of the pool for a transaction. While checked out, a client's connection error
 * (PostgreSQL restarting or shutting down between two statements) is emitted on the client, not
 * the pool, and would crash the process unheard: it is swallowed here (the statement in progress
 * fails anyway), and a broken client is destroyed on release rather than returned to the pool.
 */
export async function checkoutClient(pool: Pool): Promise<{ client: PoolClient; release: (err?: unknown) => void }> {
  const client = await pool.connect();
  client.on('error', ignore);
  return {
    client,
    release: (err?: unknown) => {
      client.removeListener('error', ignore);
      client.release(err instanceof Error ? err : undefined);
    },
  };
}
