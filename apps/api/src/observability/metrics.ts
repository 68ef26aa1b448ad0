import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Pool } from 'pg';
import type { Role } from '../config/config.schema';

/** The global queue figures, read from PostgreSQL (the source of truth) when Prometheus scrapes. */
export interface QueueSnapshot {
  queued: number;
  oldestQueuedAgeSeconds: number;
  waiting: number;
}

export type QueueReader = () => Promise<QueueSnapshot>;

const QUEUE_SQL = `
SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued,
       COALESCE(EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE status = 'queued')), 0)::float8 AS oldest,
       count(*) FILTER (WHERE status = 'waiting')::int AS waiting
  FROM runs WHERE status IN ('queued', 'waiting')`;

/** Reads the queue figures with one query (the partial indexes on status keep it cheap). */
export function queueReader(pool: Pool): QueueReader {
  return async () => {
    const { rows } = await pool.query<{ queued: number; oldest: number; waiting: number }>(QUEUE_SQL);
    return { queued: rows[0].queued, oldestQueuedAgeSeconds: Math.max(0, rows[0].oldest), waiting: rows[0].waiting };
  };
}

/** Seconds, for latencies from a millisecond webhook answer to a long wait-mode run. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];
const BATCH_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 500];

export interface MetricsOptions {
  role: Role;
  /** Adds a `workflow` label (the workflow id) to the per-workflow series: opt in, it grows with the workflows. */
  workflowLabels: boolean;
  /** Node's process metrics (event-loop lag, heap, GC); off in unit tests. */
  processMetrics?: boolean;
}

/**
 * Every Prometheus metric of one Switchyard process, in its own registry. The hot paths only bump
 * counters and histograms; queue depth, waiting runs and pool usage are read when scraped. Labels are
 * bounded: verdicts, statuses, step types, address ranges; never a run id, and a workflow id only
 * with `workflowLabels`.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly workflowLabels: boolean;

  readonly webhooksReceived: Counter<string>;
  readonly ingestLatency: Histogram<string>;
  readonly groupCommitBatchSize: Histogram<string>;
  readonly runsStarted: Counter<string>;
  readonly runsFinished: Counter<string>;
  readonly runDuration: Histogram<string>;
  readonly stepDuration: Histogram<string>;
  readonly stepRetries: Counter<string>;
  readonly deadLetters: Counter<string>;
  readonly sweeperRecoveries: Counter<string>;
  readonly egressRefusals: Counter<string>;
  readonly queueReadErrors: Counter<string>;

  private readonly pools = new Map<string, Pool>();
  private queue: QueueReader | null = null;
  private snapshot: Promise<QueueSnapshot | null> | null = null;

  constructor(options: MetricsOptions) {
    this.workflowLabels = options.workflowLabels;
    const registers = [this.registry];
    this.registry.setDefaultLabels({ role: options.role });
    const wf = options.workflowLabels ? ['workflow'] : [];
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });

    this.webhooksReceived = new Counter({
      name: 'switchyard_webhooks_received_total',
      help: 'Requests to trigger URLs, by verdict and the HTTP status answered',
      labelNames: ['verdict', 'status', ...wf],
      registers,
    });
    this.ingestLatency = new Histogram({
      name: 'switchyard_ingest_duration_seconds',
      help: 'Time from receiving a webhook to answering it (wait-mode requests include their run up to the answer)',
      labelNames: ['verdict'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.groupCommitBatchSize = new Histogram({
      name: 'switchyard_group_commit_batch_size',
      help: 'Requests written together by one group-commit statement',
      buckets: BATCH_BUCKETS,
      registers,
    });
    this.runsStarted = new Counter({
      name: 'switchyard_runs_started_total',
      help: 'Run executions started by this process (a resumed or retried run counts again)',
      labelNames: [...wf],
      registers,
    });
    this.runsFinished = new Counter({
      name: 'switchyard_runs_finished_total',
      help: 'Run executions ended by this process, by the status they left the run in',
      labelNames: ['status', ...wf],
      registers,
    });
    this.runDuration = new Histogram({
      name: 'switchyard_run_duration_seconds',
      help: 'Run time from its first start to its end, by final status (waiting runs are observed when they end)',
      labelNames: ['status'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.stepDuration = new Histogram({
      name: 'switchyard_step_duration_seconds',
      help: 'Step execution time by step type and outcome',
      labelNames: ['type', 'status'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.stepRetries = new Counter({
      name: 'switchyard_step_retries_total',
      help: 'Step retries scheduled (the run waits, then resumes at the failed step)',
      labelNames: ['type'],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'switchyard_dead_letters_total',
      help: 'Runs dead-lettered: their auto-replay schedule was used up',
      labelNames: [...wf],
      registers,
    });
    this.sweeperRecoveries = new Counter({
      name: 'switchyard_sweeper_recoveries_total',
      help: 'Runs the sweeper dispatched again (left queued, lease expired, or due after a wait)',
      registers,
    });
    this.egressRefusals = new Counter({
      name: 'switchyard_egress_refusals_total',
      help: 'Outbound HTTP or SMTP connections refused by the egress guard, by address range',
      labelNames: ['range'],
      registers,
    });

    this.queueReadErrors = new Counter({
      name: 'switchyard_queue_read_errors_total',
      help: 'Scrapes that could not read the queue figures from PostgreSQL (the queue gauges then keep their last value)',
      registers,
    });

    const read = (pick: (s: QueueSnapshot) => number) =>
      async function (this: Gauge<string>) {
        const s = await metrics.readQueue();
        if (s) this.set(pick(s));
      };
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const metrics = this;
    new Gauge({
      name: 'switchyard_queue_depth',
      help: 'Runs waiting for a worker (status queued); global, read from PostgreSQL: aggregate with max()',
      registers,
      collect: read((s) => s.queued),
    });
    new Gauge({
      name: 'switchyard_queue_oldest_age_seconds',
      help: 'Seconds since the oldest queued run was created, 0 when none; global: aggregate with max()',
      registers,
      collect: read((s) => s.oldestQueuedAgeSeconds),
    });
    new Gauge({
      name: 'switchyard_waiting_runs',
      help: 'Runs waiting for a delay or a step retry (status waiting); global: aggregate with max()',
      registers,
      collect: read((s) => s.waiting),
    });
    new Gauge({
      name: 'switchyard_db_pool_connections',
      help: "Connections of this process's PostgreSQL pools, by pool and state (idle, busy, waiting clients)",
      labelNames: ['pool', 'state'],
      registers,
      collect(this: Gauge<string>) {
        this.reset();
        for (const [name, pool] of metrics.pools) {
          this.set({ pool: name, state: 'idle' }, pool.idleCount);
          this.set({ pool: name, state: 'busy' }, pool.totalCount - pool.idleCount);
          this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
        }
      },
    });
  }

  /** Reports a pool's usage under `name` (`main`, `ingest`). */
  watchPool(name: string, pool: Pool): void {
    this.pools.set(name, pool);
  }

  /** Where the queue figures come from (every role sets it; without it the gauges stay absent). */
  watchQueue(reader: QueueReader): void {
    this.queue = reader;
  }

  /** Labels with the workflow id when the operator opted in. */
  wf(workflowId: string, labels: Record<string, string | number> = {}): Record<string, string | number> {
    return this.workflowLabels ? { ...labels, workflow: workflowId } : labels;
  }

  /** The metrics in Prometheus' text format; the queue is read once per scrape. */
  async render(): Promise<string> {
    this.snapshot = null;
    try {
      await this.readQueue();
      return await this.registry.metrics();
    } finally {
      this.snapshot = null;
    }
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private readQueue(): Promise<QueueSnapshot | null> {
    if (!this.queue) return Promise.resolve(null);
    this.snapshot ??= this.queue().catch(() => {
      this.queueReadErrors.inc();
      return null;
    });
    return this.snapshot;
  }
}
