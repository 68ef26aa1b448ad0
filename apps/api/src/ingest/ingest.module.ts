import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Pool } from 'pg';
import { LOGGER, type Logger } from '../common/logger';
import { Metrics } from '../observability/metrics';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { CredentialsModule } from '../credentials/credentials.module';
import { PG_POOL } from '../database/database.module';
import { EventBus } from '../events/event-bus';
import { DISPATCHER, type Dispatcher } from '../runtime/dispatch/dispatcher';
import { RunLedger } from '../runtime/ledger/run-ledger';
import { RuntimeModule } from '../runtime/runtime.module';
import { TriggerSecretsService } from '../secrets/trigger-secrets.service';
import { VersionStore } from '../versions/version-store';
import { VersionsModule } from '../versions/versions.module';
import { DedupeJanitor } from './dedupe-janitor';
import { FLOW_CLOCK, type FlowClock, FlowController } from './flow-control';
import { GroupCommitWriter, handOverable, startedRuns } from './group-commit-writer';
import { InProcessDispatcher } from '../runtime/dispatch/in-process.dispatcher';
import { IngestService } from './ingest.service';
import { loadTrigger } from './load-trigger';
import { ResponseWaiter } from './response-waiter';
import { TriggerCache } from './trigger-cache';

/**
 * The webhook edge's own connections (trigger lookups and group-commit writes), so that runs
 * executing in the same process can never starve ingest of a connection.
 */
export const INGEST_POOL = Symbol('INGEST_POOL');

/** Deletes expired dedupe keys now and then; closes the edge's pool once the listener has closed. */
@Injectable()
class IngestLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly janitor: DedupeJanitor,
    @Inject(INGEST_POOL) private readonly pool: Pool,
  ) {}

  onApplicationBootstrap(): void {
    this.janitor.start();
  }

  beforeApplicationShutdown(): void {
    this.janitor.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Webhook ingest (`ANY /hooks/:token`, registered on Fastify by bootstrap): trigger lookups, the
 * checks, the group-commit writer, answers in wait mode. HTTP processes only.
 */
@Module({
  imports: [RuntimeModule, CredentialsModule, VersionsModule],
  providers: [
    {
      provide: INGEST_POOL,
      useFactory: (config: AppConfig, logger: Logger, metrics: Metrics) => {
        const pool = new Pool({ connectionString: config.databaseUrl, max: 6, connectionTimeoutMillis: 5000 });
        metrics.watchPool('ingest', pool);
        // An idle connection that PostgreSQL drops (restart, shutdown) must not crash the process.
        pool.on('error', (err) => logger.warn({ err: err.message }, 'ingest pool connection lost'));
        return pool;
      },
      inject: [APP_CONFIG, LOGGER, Metrics],
    },
    {
      provide: TriggerCache,
      useFactory: (pool: Pool, secrets: TriggerSecretsService, versions: VersionStore, logger: Logger) =>
        new TriggerCache((token) => loadTrigger(pool, secrets, versions, logger, token)),
      inject: [INGEST_POOL, TriggerSecretsService, VersionStore, LOGGER],
    },
    {
      provide: GroupCommitWriter,
      useFactory: (pool: Pool, dispatcher: Dispatcher, events: EventBus, ledger: RunLedger, metrics: Metrics) =>
        new GroupCommitWriter(
          pool,
          (committed) => {
            metrics.groupCommitBatchSize.observe(committed.length);
            const runIds = committed.flatMap((c) => (c.run && !c.run.startedAt ? [c.run.id] : []));
            // Runs executed in this process take their request from here, not back from PostgreSQL.
            if (dispatcher instanceof InProcessDispatcher) {
              ledger.handOver(handOverable(committed));
              dispatcher.start(startedRuns(committed));
            }
            if (runIds.length > 0) dispatcher.dispatch(runIds);
            events.publish(
              committed.map(({ request, run }) => ({
                type: 'request',
                id: request.id,
                workflowId: request.workflowId,
                verdict: request.verdict,
                statusCode: request.statusCode,
                receivedAt: request.receivedAt.toISOString(),
                runId: run?.id ?? null,
              })),
            );
          },
          undefined,
          dispatcher instanceof InProcessDispatcher ? dispatcher : null,
        ),
      inject: [INGEST_POOL, DISPATCHER, EventBus, RunLedger, Metrics],
    },
    {
      provide: ResponseWaiter,
      useFactory: (ledger: RunLedger, logger: Logger) => new ResponseWaiter(ledger, logger),
      inject: [RunLedger, LOGGER],
    },
    // The clock of flow control (receive times, due buckets): tests set its `now`.
    { provide: FLOW_CLOCK, useFactory: (): FlowClock => ({ now: () => Date.now() }) },
    {
      provide: FlowController,
      useFactory: (pool: Pool, dispatcher: Dispatcher, clock: FlowClock, logger: Logger, events: EventBus) =>
        new FlowController(pool, dispatcher, clock, logger, (published) => events.publish(published)),
      inject: [INGEST_POOL, DISPATCHER, FLOW_CLOCK, LOGGER, EventBus],
    },
    {
      provide: IngestService,
      useFactory: (
        triggers: TriggerCache,
        writer: GroupCommitWriter,
        responses: ResponseWaiter,
        config: AppConfig,
        logger: Logger,
        flow: FlowController,
        clock: FlowClock,
      ) => new IngestService(triggers, writer, logger, config.SWITCHYARD_MAX_BODY_BYTES, responses, () => clock.now(), flow),
      inject: [TriggerCache, GroupCommitWriter, ResponseWaiter, APP_CONFIG, LOGGER, FlowController, FLOW_CLOCK],
    },
    { provide: DedupeJanitor, useFactory: (pool: Pool, logger: Logger) => new DedupeJanitor(pool, logger), inject: [PG_POOL, LOGGER] },
    IngestLifecycle,
  ],
  exports: [IngestService, TriggerCache, FlowController],
})
export class IngestModule {}
