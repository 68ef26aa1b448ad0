import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { GuardedHttpInvoker } from '../adapters/http-invoker';
import { LOGGER, type Logger } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { withinDeadline } from '../lifecycle/drain-state';
import { BullMqRunWorker } from './dispatch/bullmq.dispatcher';
import { DISPATCHER, type Dispatcher } from './dispatch/dispatcher';
import { Sweeper } from './dispatch/sweeper';
import { RunExecutor } from './run-executor';

/**
 * Starts and stops what moves runs in this process: the sweeper (every role) and, when the worker
 * root asks with REDIS_URL set, the BullMQ consumer; at shutdown, drains the runs in flight.
 */
@Injectable()
export class RuntimeLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: BullMqRunWorker | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DISPATCHER) private readonly dispatcher: Dispatcher,
    private readonly executor: RunExecutor,
    private readonly sweeper: Sweeper,
    private readonly invoker: GuardedHttpInvoker,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeper.start();
  }

  /**
   * The worker root: executes runs from the BullMQ queue. Without REDIS_URL there is nothing to do:
   * the in-process dispatcher already hands runs to the executor.
   */
  consumeQueue(): void {
    if (!this.config.REDIS_URL || this.consumer) return;
    this.consumer = new BullMqRunWorker(
      this.config.REDIS_URL,
      this.config.SWITCHYARD_QUEUE_PREFIX,
      this.config.SWITCHYARD_WORKER_CONCURRENCY,
      (runId) => this.executor.execute(runId),
      this.logger,
    );
  }

  /**
   * Runs after the HTTP listener has closed (see bootstrap): lets the runs in flight finish up to
   * SWITCHYARD_SHUTDOWN_TIMEOUT_MS, then gives back the leases of the others and re-dispatches them,
   * so another worker resumes them after their last completed step.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.sweeper.stop();
    const timeoutMs = this.config.SWITCHYARD_SHUTDOWN_TIMEOUT_MS;
    const drained = this.consumer
      ? this.consumer.close()
      : this.dispatcher.kind === 'in-process'
        ? this.dispatcher.close()
        : Promise.resolve();
    if (this.executor.activeCount > 0)
      this.logger.info({ runs: this.executor.activeCount, timeoutMs }, 'shutting down: waiting for the runs in flight');
    const inTime = await withinDeadline(drained, timeoutMs);
    if (!inTime) {
      const released = await this.executor.releaseAll().catch((err) => {
        this.logger.warn({ err: (err as Error).message }, 'could not release run leases; they will be resumed when the leases pass');
        return [];
      });
      await this.dispatcher.redispatch(released);
    }
    // The in-process dispatcher's close is `drained` itself: past the deadline it is not waited for.
    if (inTime || this.dispatcher.kind !== 'in-process') await this.dispatcher.close();
    // Past the deadline, the calls of the released runs are aborted; otherwise the adapters module
    // closes the invoker gracefully once every module has shut down.
    if (!inTime) await this.invoker.close(true);
  }
}
