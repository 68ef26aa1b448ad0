import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { AdaptersModule } from '../adapters/adapters.module';
import { GuardedHttpInvoker } from '../adapters/http-invoker';
import { GuardedMailSender } from '../adapters/mail-sender';
import { LOGGER, type Logger } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { HostCredentialResolver } from '../credentials/credential-resolver';
import { ConnectionsModule } from '../connections/connections.module';
import { ConnectionsService } from '../connections/connections.service';
import { CredentialsModule } from '../credentials/credentials.module';
import { PG_POOL } from '../database/database.module';
import { EventBus } from '../events/event-bus';
import { MailModule } from '../mail/mail.module';
import { Metrics } from '../observability/metrics';
import { combineObservers, metricsObserver } from '../observability/run-observer';
import type { Tracing } from '../observability/tracing';
import { TRACING } from '../observability/tracing.module';
import { ServerMailer } from '../mail/server-mailer';
import { VersionStore } from '../versions/version-store';
import { VersionsModule } from '../versions/versions.module';
import { AutoReplayer } from './auto-replayer';
import { BullMqDispatcher } from './dispatch/bullmq.dispatcher';
import { DISPATCHER, type Dispatcher } from './dispatch/dispatcher';
import { InProcessDispatcher } from './dispatch/in-process.dispatcher';
import { NextInLine } from './dispatch/next-in-line';
import { Sweeper } from './dispatch/sweeper';
import { EnginePortsFactory } from './engine-ports';
import { SettingsStoreModule } from '../settings/settings-store.module';
import { WorkspaceHttp } from '../settings/workspace-http';
import { RunLedger } from './ledger/run-ledger';
import { ReplayResolver } from './replay-resolver';
import { RetentionPruner } from './retention-pruner';
import { RunEvents } from './run-events';
import { RunExecutor } from './run-executor';
import { RuntimeLifecycle } from './runtime-lifecycle';

/**
 * Runs, from dispatch to their last transition: the ledger (every run and step-run write), the
 * executor, the dispatcher (BullMQ with REDIS_URL, in process otherwise), the sweeper, auto-replay
 * and dead letters, retention. In every process; the roots decide which loops run where.
 */
@Module({
  imports: [AdaptersModule, CredentialsModule, ConnectionsModule, MailModule, VersionsModule, SettingsStoreModule],
  providers: [
    {
      provide: RunLedger,
      useFactory: (pool: Pool, config: AppConfig, logger: Logger) => new RunLedger(pool, config.SWITCHYARD_LEASE_MS, logger),
      inject: [PG_POOL, APP_CONFIG, LOGGER],
    },
    { provide: RunEvents, useFactory: (logger: Logger) => new RunEvents(logger), inject: [LOGGER] },
    {
      provide: EnginePortsFactory,
      useFactory: (
        http: GuardedHttpInvoker,
        mail: GuardedMailSender,
        credentials: HostCredentialResolver,
        connections: ConnectionsService,
        workspaceHttp: WorkspaceHttp,
      ) =>
        new EnginePortsFactory(
          http,
          mail,
          (workspaceId, options) => credentials.forWorkspace(workspaceId, options),
          (workspaceId, options) => connections.portFor(workspaceId, options),
          (workspaceId) => workspaceHttp.forWorkspace(workspaceId),
        ),
      inject: [GuardedHttpInvoker, GuardedMailSender, HostCredentialResolver, ConnectionsService, WorkspaceHttp],
    },

    {
      provide: RunExecutor,
      useFactory: (
        ledger: RunLedger,
        versions: VersionStore,
        ports: EnginePortsFactory,
        events: RunEvents,
        bus: EventBus,
        config: AppConfig,
        logger: Logger,
        metrics: Metrics,
        tracing: Tracing | null,
      ) =>
        new RunExecutor(
          ledger,
          versions,
          ports,
          events,
          (event) => bus.publish([event]),
          config.SWITCHYARD_LEASE_MS,
          logger,
          combineObservers([metricsObserver(metrics), ...(tracing ? [tracing.runObserver()] : [])]),
        ),
      inject: [RunLedger, VersionStore, EnginePortsFactory, RunEvents, EventBus, APP_CONFIG, LOGGER, Metrics, TRACING],
    },
    {
      provide: DISPATCHER,
      useFactory: (executor: RunExecutor, ledger: RunLedger, config: AppConfig, logger: Logger): Dispatcher =>
        config.REDIS_URL
          ? new BullMqDispatcher(config.REDIS_URL, config.SWITCHYARD_QUEUE_PREFIX, logger)
          : new InProcessDispatcher((runIds) => executor.executeMany(runIds), config.SWITCHYARD_WORKER_CONCURRENCY, logger, {
              workerId: ledger.workerId,
              leaseSeconds: config.SWITCHYARD_LEASE_MS / 1000,
              executeStarted: (run) => executor.executeStarted(run),
              release: (runIds) => ledger.release(runIds),
            }),
      inject: [RunExecutor, RunLedger, APP_CONFIG, LOGGER],
    },
    {
      provide: NextInLine,
      useFactory: (ledger: RunLedger, dispatcher: Dispatcher, logger: Logger, events: RunEvents) =>
        new NextInLine(ledger, dispatcher, logger, events),
      inject: [RunLedger, DISPATCHER, LOGGER, RunEvents],
    },
    {
      provide: Sweeper,
      useFactory: (ledger: RunLedger, dispatcher: Dispatcher, config: AppConfig, logger: Logger, metrics: Metrics) =>
        new Sweeper(ledger, dispatcher, config.SWITCHYARD_SWEEP_INTERVAL_MS, logger, (count) => metrics.sweeperRecoveries.inc(count)),
      inject: [RunLedger, DISPATCHER, APP_CONFIG, LOGGER, Metrics],
    },
    {
      provide: AutoReplayer,
      useFactory: (
        ledger: RunLedger,
        dispatcher: Dispatcher,
        http: GuardedHttpInvoker,
        config: AppConfig,
        logger: Logger,
        mailer: ServerMailer,
        events: RunEvents,
        metrics: Metrics,
      ) =>
        new AutoReplayer(
          ledger,
          dispatcher,
          http,
          config.SWITCHYARD_SWEEP_INTERVAL_MS,
          config.publicUrl,
          logger,
          mailer,
          events,
          (workflowId) => metrics.deadLetters.inc(metrics.wf(workflowId)),
        ),
      inject: [RunLedger, DISPATCHER, GuardedHttpInvoker, APP_CONFIG, LOGGER, ServerMailer, RunEvents, Metrics],
    },
    {
      provide: ReplayResolver,
      useFactory: (ledger: RunLedger, logger: Logger, events: RunEvents) => new ReplayResolver(ledger, logger, events),
      inject: [RunLedger, LOGGER, RunEvents],
    },
    {
      provide: RetentionPruner,
      useFactory: (pool: Pool, config: AppConfig, logger: Logger) => new RetentionPruner(pool, config.SWITCHYARD_RETENTION_DAYS, logger),
      inject: [PG_POOL, APP_CONFIG, LOGGER],
    },
    RuntimeLifecycle,
  ],
  exports: [DISPATCHER, RunLedger, RunEvents, EnginePortsFactory, AutoReplayer, ReplayResolver, RetentionPruner, RuntimeLifecycle],
})
export class RuntimeModule {}
