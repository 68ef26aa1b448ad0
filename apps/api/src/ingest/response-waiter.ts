import type { Logger } from '../common/logger';
import type { RunLedger } from '../runtime/ledger/run-ledger';
import { isTerminal } from '../runtime/ledger/run-status';

/** What a `respond` step set (see the engine's RespondOutput). */
export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type WaitResult = { kind: 'response'; response: RecordedResponse } | { kind: 'finished'; status: string } | { kind: 'timeout' };

interface Waiter {
  resolve: (result: WaitResult) => void;
  timer: NodeJS.Timeout;
}

/**
 * Holds requests of triggers in `wait` mode until their run's `respond` step has been recorded
 * (by whichever worker process ran it), the run ended, or the timeout passed. The step_runs table
 * is the channel (read through the run ledger), so it works across machines; all waiters share one poll.
 */
export class ResponseWaiter {
  private readonly waiters = new Map<string, Waiter[]>();
  private polling: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly ledger: Pick<RunLedger, 'responses'>,
    private readonly logger: Logger,
    private readonly intervalMs = 25,
  ) {}

  wait(runId: string, timeoutMs: number): Promise<WaitResult> {
    if (this.closed) return Promise.resolve({ kind: 'timeout' });
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve,
        timer: setTimeout(() => {
          this.remove(runId, waiter);
          resolve({ kind: 'timeout' });
        }, timeoutMs),
      };
      this.waiters.set(runId, [...(this.waiters.get(runId) ?? []), waiter]);
      this.schedule();
    });
  }

  /** Nest calls this on shutdown: waiting senders get 202 with their run id. */
  beforeApplicationShutdown(): void {
    this.close();
  }

  close(): void {
    this.closed = true;
    if (this.polling) clearTimeout(this.polling);
    for (const [runId, list] of this.waiters) for (const w of list) this.settle(runId, w, { kind: 'timeout' });
  }

  private remove(runId: string, waiter: Waiter): void {
    const rest = (this.waiters.get(runId) ?? []).filter((w) => w !== waiter);
    if (rest.length > 0) this.waiters.set(runId, rest);
    else this.waiters.delete(runId);
  }

  private settle(runId: string, waiter: Waiter, result: WaitResult): void {
    clearTimeout(waiter.timer);
    this.remove(runId, waiter);
    waiter.resolve(result);
  }

  private schedule(): void {
    if (this.polling || this.closed || this.waiters.size === 0) return;
    this.polling = setTimeout(() => void this.poll(), this.intervalMs);
  }

  private async poll(): Promise<void> {
    try {
      const ids = [...this.waiters.keys()];
      for (const row of await this.ledger.responses(ids)) {
        const result: WaitResult | null = row.response
          ? { kind: 'response', response: row.response as RecordedResponse }
          : isTerminal(row.status)
            ? { kind: 'finished', status: row.status }
            : null;
        if (result) for (const w of this.waiters.get(row.id) ?? []) this.settle(row.id, w, result);
      }
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'could not poll for workflow responses');
    } finally {
      this.polling = null;
      this.schedule();
    }
  }
}

const DROPPED_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'trailer',
  'te',
  'proxy-connection',
]);

/** The headers a respond step may set: hop-by-hop and framing headers are the server's to decide. */
export function responseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (DROPPED_HEADERS.has(lower) || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(lower)) continue;
    out[lower] = String(value).replace(/[\r\n]/g, ' ');
  }
  return out;
}
