import { Client, type Pool } from 'pg';
import { Observable, Subject, filter } from 'rxjs';
import type { Logger } from '../common/logger';

/** What the builder and the history pages watch live. */
export type SwitchyardEvent =
  | { type: 'request'; id: string; workflowId: string; verdict: string; statusCode: number; receivedAt: string; runId: string | null }
  | { type: 'run'; id: string; workflowId: string; status: string };

const CHANNEL = 'switchyard_events';
/** NOTIFY payloads must stay under 8000 bytes: events are sent in small groups. */
const EVENTS_PER_NOTIFY = 25;
/** The listener connection's `application_name`, which says whether its process has live viewers. */
export const LISTENER_IDLE = 'switchyard-events';
export const LISTENER_WATCHED = 'switchyard-events-watched';
/** How often a publishing process looks whether another process has live viewers. */
const WATCH_POLL_MS = 1000;

/**
 * Live events across processes through PostgreSQL LISTEN/NOTIFY: whichever api or worker process
 * received a request or finished a run, every api process streams it to its subscribers. Events
 * are hints for live views; the tables remain the record.
 *
 * Events are published only while someone watches (issue 15: a NOTIFY is a statement and a commit,
 * and most webhooks arrive with no builder or run list open). An api process with live viewers names
 * its listener connection LISTENER_WATCHED; a process with viewers of its own publishes at once, and
 * the others look at `pg_stat_activity` for such a connection at most once a second, only while they
 * publish. A viewer that has just connected may miss the events of that second in another process;
 * the pages read the tables when they open.
 */
export class EventBus {
  private readonly subject = new Subject<SwitchyardEvent>();
  private listener: Client | null = null;
  private closed = false;
  private reconnecting = false;
  private pending: SwitchyardEvent[] = [];
  /** Live subscriptions in this process. */
  private watchers = 0;
  /** Whether some process's listener said it has live viewers, as last seen. */
  private watchedElsewhere = false;
  private watchCheckedAt = 0;
  private watchCheck: Promise<void> | null = null;
  /** The name the listener connection has now. */
  private advertised = LISTENER_IDLE;

  constructor(
    private readonly pool: Pool,
    private readonly databaseUrl: string,
    private readonly logger: Logger,
    private readonly watchPollMs = WATCH_POLL_MS,
  ) {}

  /** Starts listening (api processes only; workers just publish). Reconnects after a failure. */
  async listen(): Promise<void> {
    if (this.closed) return;
    const name = this.listenerName();
    const client = new Client({ connectionString: this.databaseUrl, application_name: name });
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
    this.advertised = name;
    // Viewers may have come or gone while this connection was being made.
    this.advertise();
  }

  private listenerName(): string {
    return this.watchers > 0 ? LISTENER_WATCHED : LISTENER_IDLE;
  }

  /** Tells the other processes, through the listener connection's name, whether this one has viewers. */
  private advertise(): void {
    const client = this.listener;
    const name = this.listenerName();
    if (!client || name === this.advertised) return;
    this.advertised = name;
    client
      .query(`SET application_name = '${name}'`)
      .catch((err) => this.logger.debug({ err: (err as Error).message }, 'could not advertise live viewers'));
  }

  /** Whether events are worth publishing: this process or another has live viewers. */
  private watched(): boolean {
    if (this.watchers > 0) return true;
    if (Date.now() - this.watchCheckedAt >= this.watchPollMs && !this.watchCheck) {
      this.watchCheckedAt = Date.now();
      this.watchCheck = this.pool
        .query<{ watched: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1) AS watched`,
          [LISTENER_WATCHED],
        )
        .then(
          ({ rows }) => {
            this.watchedElsewhere = rows[0]?.watched === true;
          },
          (err) => this.logger.debug({ err: (err as Error).message }, 'could not look for live viewers'),
        )
        .finally(() => {
          this.watchCheck = null;
        });
    }
    return this.watchedElsewhere;
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
    if (this.closed || events.length === 0 || !this.watched()) return;
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

  /** The events of one workflow; while subscribed, this process counts as having a live viewer. */
  forWorkflow(workflowId: string): Observable<SwitchyardEvent> {
    return new Observable<SwitchyardEvent>((subscriber) => {
      if (++this.watchers === 1) this.advertise();
      const subscription = this.subject.pipe(filter((e) => e.workflowId === workflowId)).subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        if (--this.watchers === 0) this.advertise();
      };
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subject.complete();
    await this.listener?.end().catch(() => undefined);
  }
}
