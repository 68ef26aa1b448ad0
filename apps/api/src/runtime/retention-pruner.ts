import { checkoutClient } from '../database/checkout-client';
import type { Pool } from 'pg';
import type { Logger } from '../common/logger';
import { uuidV7Floor } from '../common/uuid-v7-floor';

const LOCK_KEY = 727_001;
const BATCH = 5000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Deletes requests (and, by cascade, their runs and step runs) older than each workflow's retention
 * period (its `retention_days`, else the default),
 * in batches so that no statement holds locks for long. One process prunes at a time.
 */
export class RetentionPruner {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly retentionDays: number,
    private readonly logger: Logger,
    private readonly intervalMs = 3600_000,
  ) {}

  start(): void {
    this.timer = setInterval(
      () => void this.prune().catch((err) => this.logger.warn({ err: (err as Error).message }, 'pruning failed')),
      this.intervalMs,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Returns how many requests were deleted, or null when another process holds the lock. */
  async prune(now = Date.now()): Promise<number | null> {
    const { client, release } = await checkoutClient(this.pool);
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LOCK_KEY]);
      if (!rows[0].locked) return null;
      try {
        const { rows: workflows } = await client.query<{ id: string; retention_days: number | null }>(
          'SELECT id, retention_days FROM workflows',
        );
        let total = 0;
        for (const workflow of workflows) {
          const floor = uuidV7Floor(now - (workflow.retention_days ?? this.retentionDays) * DAY_MS);
          for (;;) {
            const res = await client.query(
              'DELETE FROM inbound_requests WHERE id IN (SELECT id FROM inbound_requests WHERE workflow_id = $1 AND id < $2 LIMIT $3)',
              [workflow.id, floor, BATCH],
            );
            total += res.rowCount ?? 0;
            if ((res.rowCount ?? 0) < BATCH) break;
          }
        }
        if (total > 0) this.logger.info({ deleted: total, retentionDays: this.retentionDays }, 'pruned old requests and runs');
        return total;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
      }
    } finally {
      release();
    }
  }
}
