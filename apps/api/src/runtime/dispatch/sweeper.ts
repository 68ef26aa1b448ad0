import type { Logger } from '../../common/logger';
import type { RunLedger } from '../ledger/run-ledger';
import type { Dispatcher } from './dispatcher';

/**
 * PostgreSQL is the source of truth: runs left `queued` (a lost message, Redis down, a restart)
 * `running` runs whose worker lease passed (a dead worker) and `waiting` runs that are due (a delay
 * step) are dispatched again, oldest first. Due times live in the database, so delays survive restarts
 * in both dispatch modes.
 */
export class Sweeper {
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;

  constructor(
    private readonly ledger: Pick<RunLedger, 'dueForDispatch'>,
    private readonly dispatcher: Dispatcher,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly onRecovered: (count: number) => void = () => undefined,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
    void this.sweep();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const rows = await this.ledger.dueForDispatch();
      if (rows.length > 0) {
        this.logger.info({ count: rows.length }, 'sweeper re-dispatching runs');
        await this.dispatcher.redispatch(rows);
        this.onRecovered(rows.length);
      }
      return rows.length;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'sweep failed');
      return 0;
    } finally {
      this.sweeping = false;
    }
  }
}
