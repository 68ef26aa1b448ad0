import type { Logger } from '../common/logger';
import type { RunLedger } from './ledger/run-ledger';
import type { RunEvents, RunFinished } from './run-events';

/**
 * When a replay succeeds, the failed runs it replays (up the `replay_of` chain) are resolved by it:
 * they show a "Resolved" badge linking to it, leave "replay all failed" (unless asked) and their
 * pending automatic replay is cancelled, so the same request is not delivered twice.
 */
export class ReplayResolver {
  constructor(
    private readonly ledger: RunLedger,
    private readonly logger: Logger,
    events: RunEvents,
  ) {
    events.onFinished((event) => this.onRunFinished(event));
  }

  private async onRunFinished(event: RunFinished): Promise<void> {
    if (event.status !== 'succeeded' || !event.replayOf) return;
    const resolved = await this.ledger.resolveReplayed(event.runId);
    if (resolved.length > 0) this.logger.info({ runId: event.runId, resolved }, 'a replay resolved failed runs');
  }
}
