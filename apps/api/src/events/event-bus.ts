import { Client, type Pool } from 'pg';
import { Subject, filter, type Observable } from 'rxjs';
import type { Logger } from '../common/logger';

/** What the builder and the history pages watch live. */
export type SwitchyardEvent =
  | { type: 'request'; id: string; workflowId: string; verdict: string; statusCode: number; receivedAt: string; runId: string | null }
  | { type: 'run'; id: string; workflowId: string; status: string };

const CHANNEL = 'switchyard_events';
/** NOTIFY payloads must stay under 8000 bytes: events are sent in small groups. */
const EVENTS_PER_NOTIFY = 25;

/**
 * Live events across processes through PostgreSQL LISTEN/NOTIFY: whichever api or worker process
 * received a request or finished a run, every api process streams it to its subscribers. Events
 * are hints for live views; the tables remain the record.
 */
export class EventBus {
  private readonly subject = new Subject<SwitchyardEvent>();
  private listener: Client | null = null;
  private closed = false;
  private reconnecting = false;
  private pending: SwitchyardEvent[] = [];

  constructor(
    private readonly pool: Pool,
    private readonly databaseUrl: string,
    private readonly logger: Logger,
  ) {}

  /** Starts listening (api processes only; workers just publish). Reconnects after a failure. */
  async listen(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.databaseUrl });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        for (const event of JSON.parse(msg.payload) as SwitchyardEvent[]) this.subject.next(event);
      } catch {
        this.logger.warn('ignoring a malformed event notification');
      }
    });
    client.on('error', (err) => {
      this.logger.warn({ err: err.message }, 'event listener connection lost; reconnecting');
      this.listener = null;
      client.end().catch(() => undefined);
      this.reconnectLater();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  /** Keeps trying while PostgreSQL is out (a restart), so live events come back by themselves. */
  private reconnectLater(): void {
    if (this.closed || this.reconnecting) return;
    this.reconnecting = true;
    setTimeout(() => {
      this.reconnecting = false;
      this.listen().catch((err) => {
        this.logger.debug({ err: (err as Error).message }, 'event listener could not reconnect yet');
        this.reconnectLater();
      });
    }, 1000).unref();
  }

  /** Queues events; those published in the same tick go out together, in few NOTIFY statements. */
  publish(events: SwitchyardEvent[]): void {
    if (this.closed || events.length === 0) return;
    const first = this.pending.length === 0;
    this.pending.push(...events);
    if (first) setImmediate(() => this.flush());
  }

  private flush(): void {
    const events = this.pending.splice(0);
    for (let i = 0; i < events.length; i += EVENTS_PER_NOTIFY) {
      const chunk = events.slice(i, i + EVENTS_PER_NOTIFY);
      this.pool
        .query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(chunk)])
        .catch((err) => this.logger.debug({ err: (err as Error).message }, 'could not publish events'));
    }
  }

  forWorkflow(workflowId: string): Observable<SwitchyardEvent> {
    return this.subject.pipe(filter((e) => e.workflowId === workflowId));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subject.complete();
    await this.listener?.end().catch(() => undefined);
  }
}
