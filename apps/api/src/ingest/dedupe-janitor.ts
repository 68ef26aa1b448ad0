import type { Pool } from 'pg';
import type { Logger } from '../common/logger';

const DELETE_EXPIRED_SQL = `
DELETE FROM trigger_dedupe_keys WHERE ctid IN (
  SELECT ctid FROM trigger_dedupe_keys WHERE expires_at < now() - interval '1 minute' LIMIT 10000
)`;

/**
 * Deletes expired dedupe keys now and then (an expired key is also taken over by the next delivery
 * with that key, so this only keeps the table small).
 */
export class DedupeJanitor {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly logger: Logger,
    private readonly intervalMs = 10 * 60_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  async sweep(): Promise<number> {
    try {
      let total = 0;
      for (;;) {
        const { rowCount } = await this.pool.query(DELETE_EXPIRED_SQL);
        total += rowCount ?? 0;
        if ((rowCount ?? 0) < 10000) return total;
      }
    } catch (err) {
      this.logger.warn({ err }, 'could not delete expired dedupe keys');
      return 0;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
