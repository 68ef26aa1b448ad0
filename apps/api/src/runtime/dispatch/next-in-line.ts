import type { Logger } from '../../common/logger';
import type { RunLedger } from '../ledger/run-ledger';
import type { RunEvents, RunFinished } from '../run-events';
import type { Dispatcher } from './dispatcher';

/**
 * A run of a workflow with a concurrency limit finished: hands the oldest queued runs of that
 * workflow to workers (they claim in arrival order; see RunLedger.claim), so a refused run does not
 * wait for the sweeper.
 */
export class NextInLine {
  constructor(
    private readonly ledger: RunLedger,
    private readonly dispatcher: Dispatcher,
    private readonly logger: Logger,
    events: RunEvents,
  ) {
    events.onFinished((event) => this.onRunFinished(event));
  }

  private async onRunFinished(event: RunFinished): Promise<void> {
    if (!event.concurrency) return;
    try {
      const ids = await this.ledger.nextQueued(event.workflowId, event.concurrency);
      if (ids.length > 0) this.dispatcher.dispatch(ids);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'could not dispatch the next queued runs; the sweeper will');
    }
  }
}
