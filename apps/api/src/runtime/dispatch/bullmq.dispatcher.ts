import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../../common/logger';
import { RUNS_QUEUE, type Dispatcher, type RunJobData } from './dispatcher';

const jobDataSchema = z.object({ runId: z.string().uuid() });

// Jobs are only messages (PostgreSQL holds the runs): none is kept, so a job id can always be reused.
const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: true } as const;

/** Producer side: adds run ids to the BullMQ queue with job id = run id (never dispatched twice). */
export class BullMqDispatcher implements Dispatcher {
  readonly kind = 'bullmq' as const;
  private readonly connection: IORedis;
  private readonly queue: Queue<RunJobData>;

  constructor(
    redisUrl: string,
    prefix: string,
    private readonly logger: Logger,
  ) {
    // No offline queue: while Redis is down, adds fail at once and the sweeper retries later.
    this.connection = new IORedis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.connection.on('error', (err) => this.logger.debug({ err: err.message }, 'redis (queue producer) error'));
    this.queue = new Queue<RunJobData>(RUNS_QUEUE, { connection: this.connection, prefix });
    this.queue.on('error', () => undefined);
  }

  dispatch(runIds: string[]): void {
    if (runIds.length === 0) return;
    this.queue
      .addBulk(runIds.map((runId) => ({ name: 'run', data: { runId }, opts: { jobId: runId, ...JOB_OPTIONS } })))
      .catch((err) =>
        this.logger.warn({ err: (err as Error).message, count: runIds.length }, 'could not enqueue runs; the sweeper will retry'),
      );
  }

  async redispatch(runs: Array<{ id: string; claims: number }>): Promise<void> {
    if (runs.length === 0) return;
    await this.queue
      .addBulk(runs.map((r) => ({ name: 'run', data: { runId: r.id }, opts: { jobId: `${r.id}-${r.claims}`, ...JOB_OPTIONS } })))
      .catch((err) =>
        this.logger.warn({ err: (err as Error).message, count: runs.length }, 'could not enqueue runs; the sweeper will retry'),
      );
  }

  async healthy(): Promise<boolean> {
    try {
      return (await this.connection.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.connection.disconnect();
  }
}

/** Consumer side: a BullMQ worker that runs each dequeued run id through the executor. */
export class BullMqRunWorker {
  private readonly worker: Worker<RunJobData>;

  constructor(
    redisUrl: string,
    prefix: string,
    concurrency: number,
    execute: (runId: string) => Promise<void>,
    private readonly logger: Logger,
  ) {
    const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
    connection.on('error', (err) => this.logger.debug({ err: err.message }, 'redis (worker) error'));
    this.worker = new Worker<RunJobData>(
      RUNS_QUEUE,
      async (job) => {
        const data = jobDataSchema.safeParse(job.data);
        if (!data.success) {
          this.logger.warn({ jobId: job.id }, 'dropping a job whose data is not a run id');
          return;
        }
        // A failed execution (PostgreSQL out, a shutdown) leaves the run in PostgreSQL for the
        // sweeper; failing the job too would only leave a stale job behind.
        await execute(data.data.runId).catch((err) =>
          this.logger.warn({ err: (err as Error).message, runId: data.data.runId }, 'run execution stopped; the sweeper will resume it'),
        );
      },
      { connection, prefix, concurrency, autorun: true },
    );
    this.worker.on('error', (err) => this.logger.debug({ err: err.message }, 'bullmq worker error'));
  }

  /** Stops taking jobs and waits for the active ones (`force`: does not wait). */
  async close(force = false): Promise<void> {
    await this.worker.close(force);
  }
}
