import { randomUUID } from 'node:crypto';
import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { Pool as PgPool, type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AuditController } from './accounts/audit.controller';
import { AuditService } from './accounts/audit.service';
import { AccessGuard } from './accounts/access.guard';
import { ApiKeysController } from './accounts/api-keys.controller';
import { ApiKeysService } from './accounts/api-keys.service';
import { AuthController } from './accounts/auth.controller';
import { AuthService, LOCKOUT_POLICY } from './accounts/auth.service';
import { DEFAULT_LOCKOUT_POLICY } from './accounts/lockout-policy';
import { InvitesController, WorkspacesController } from './accounts/workspaces.controller';
import { WorkspacesService } from './accounts/workspaces.service';
import { LOGGER, type Logger } from './common/logger';
import { APP_CONFIG, type AppConfig } from './config/config.schema';
import { redactSmtpUrl } from './config/smtp-url';
import { dataSourceOptions } from './database/data-source-options';
import { BullMqDispatcher, BullMqRunWorker } from './runtime/dispatch/bullmq.dispatcher';
import { DISPATCHER, type Dispatcher } from './runtime/dispatch/dispatcher';
import { InProcessDispatcher } from './runtime/dispatch/in-process.dispatcher';
import { Sweeper } from './runtime/dispatch/sweeper';
import { EgressGuard } from './adapters/egress-guard';
import { GuardedHttpInvoker } from './adapters/http-invoker';
import { GuardedMailSender } from './adapters/mail-sender';
import { RunExecutor } from './runtime/run-executor';
import { ServerMailer } from './mail/server-mailer';
import { BuilderTestController } from './builder-test/builder-test.controller';
import { BuilderTestService } from './builder-test/builder-test.service';
import { CredentialsController } from './credentials/credentials.controller';
import { HostCredentialResolver } from './credentials/credential-resolver';
import { CredentialsService } from './credentials/credentials.service';
import { OAuth2TokenCache } from './credentials/oauth2-token-cache';
import { EventBus } from './events/event-bus';
import { EventsController } from './history/events.controller';
import { HealthController } from './health/health.controller';
import { DrainState, withinDeadline } from './lifecycle/drain-state';
import { RequestsController } from './history/requests.controller';
import { RequestsService } from './history/requests.service';
import { RetentionPruner } from './runtime/retention-pruner';
import { AutoReplayer } from './runtime/auto-replayer';
import { GroupCommitWriter } from './ingest/group-commit-writer';
import { IngestService } from './ingest/ingest.service';
import { TriggerCache } from './ingest/trigger-cache';
import { RunsController } from './history/runs.controller';
import { RunsService } from './history/runs.service';
import { WorkflowsController } from './workflows/workflows.controller';
import { WorkflowsService } from './workflows/workflows.service';
import { DedupeJanitor } from './ingest/dedupe-janitor';
import { loadTrigger } from './ingest/load-trigger';
import { ResponseWaiter } from './ingest/response-waiter';
import { loadMasterKeys } from './secrets/master-key';
import { SecretBox } from './secrets/secret-box';
import { SECRET_BOX, type SecretBoxProvider, TriggerSecretsService } from './secrets/trigger-secrets.service';

export const PG_POOL = Symbol('PG_POOL');
/**
 * The webhook edge's own connections (trigger lookups and group-commit writes), so that runs
 * executing in the same process can never starve ingest of a connection.
 */
export const INGEST_POOL = Symbol('INGEST_POOL');

/** Starts and stops what runs beside the HTTP server: the sweeper and, with Redis, the BullMQ worker. */
@Injectable()
class RuntimeLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker: BullMqRunWorker | null = null;
  private sweeper: Sweeper | null = null;
  private pruner: RetentionPruner | null = null;
  private janitor: DedupeJanitor | null = null;
  private authPrune: NodeJS.Timeout | null = null;
  private replayer: AutoReplayer | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(INGEST_POOL) private readonly ingestPool: Pool,
    @Inject(DISPATCHER) private readonly dispatcher: Dispatcher,
    private readonly executor: RunExecutor,
    private readonly invoker: GuardedHttpInvoker,
    private readonly events: EventBus,
    private readonly auth: AuthService,
    private readonly mailer: ServerMailer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role !== 'worker') {
      await this.auth.seedFromEnvironment();
      const prune = () => this.auth.prune().catch((err) => this.logger.warn({ err: err.message }, 'pruning sessions failed'));
      void prune();
      this.authPrune = setInterval(prune, 3600_000).unref();
    }
    if (this.config.SWITCHYARD_SMTP_URL)
      this.logger.info(
        { smtp: redactSmtpUrl(this.config.SWITCHYARD_SMTP_URL) },
        'server e-mail (dead-letter alerts, invites) goes through this SMTP relay',
      );
    this.executor.onSlotFreed = (runIds) => this.dispatcher.dispatch(runIds);
    const replayer = new AutoReplayer(
      this.pool,
      this.dispatcher,
      this.invoker,
      this.config.SWITCHYARD_SWEEP_INTERVAL_MS,
      this.config.publicUrl,
      this.logger,
      this.mailer,
    );
    this.executor.onRunFailed = (runId) => replayer.onRunFailed(runId);
    if (this.config.role !== 'worker') await this.events.listen();
    if (this.config.REDIS_URL && this.config.role !== 'api') {
      this.worker = new BullMqRunWorker(
        this.config.REDIS_URL,
        this.config.SWITCHYARD_QUEUE_PREFIX,
        this.config.SWITCHYARD_WORKER_CONCURRENCY,
        (runId) => this.executor.execute(runId),
        this.logger,
      );
    }
    this.sweeper = new Sweeper(this.pool, this.dispatcher, this.config.SWITCHYARD_SWEEP_INTERVAL_MS, this.logger);
    this.sweeper.start();
    if (this.config.role !== 'worker') {
      this.pruner = new RetentionPruner(this.pool, this.config.SWITCHYARD_RETENTION_DAYS, this.logger);
      this.pruner.start();
      this.janitor = new DedupeJanitor(this.pool, this.logger);
      this.janitor.start();
      this.replayer = replayer;
      replayer.start();
    }
  }

  /**
   * Runs after the HTTP listener has closed (see bootstrap): lets the runs in flight finish up to
   * SWITCHYARD_SHUTDOWN_TIMEOUT_MS, then gives back the leases of the others and re-dispatches them,
   * so another worker resumes them after their last completed step.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.sweeper?.stop();
    this.pruner?.stop();
    this.janitor?.stop();
    if (this.authPrune) clearInterval(this.authPrune);
    this.replayer?.stop();
    const timeoutMs = this.config.SWITCHYARD_SHUTDOWN_TIMEOUT_MS;
    const drained = this.worker ? this.worker.close() : this.dispatcher.kind === 'in-process' ? this.dispatcher.close() : Promise.resolve();
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
    await this.invoker.close(!inTime);
    await this.events.close();
    await this.ingestPool.end();
  }
}

/**
 * The master key is read (or generated) on first use. Workers need it to decrypt credentials but
 * never generate one: theirs could decrypt nothing the api sealed.
 */
function secretBoxProvider(config: AppConfig, logger: Logger): SecretBoxProvider {
  let box: SecretBox | null = null;
  return () => {
    if (!box) {
      const keys = loadMasterKeys({
        generate: config.role !== 'worker',
        secretKey: config.SWITCHYARD_SECRET_KEY,
        previousKeys: config.SWITCHYARD_SECRET_KEY_PREVIOUS,
        dataDir: config.SWITCHYARD_DATA_DIR,
        logger,
        shared: !config.embeddedDatabase,
      });
      box = new SecretBox(keys.key, keys.previous);
    }
    return box;
  };
}

const ACCOUNT_CONTROLLERS = [AuthController, WorkspacesController, InvitesController, ApiKeysController, AuditController];

@Module({})
export class AppModule {
  static forRole(config: AppConfig, logger: Logger): DynamicModule {
    const serveHttp = config.role !== 'worker';
    return {
      module: AppModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl))],
      controllers: serveHttp
        ? [
            WorkflowsController,
            RunsController,
            RequestsController,
            EventsController,
            BuilderTestController,
            HealthController,
            CredentialsController,
            ...ACCOUNT_CONTROLLERS,
          ]
        : [],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: PG_POOL, useFactory: (ds: DataSource) => (ds.driver as PostgresDriver).master as Pool, inject: [getDataSourceToken()] },
        { provide: GuardedHttpInvoker, useFactory: () => new GuardedHttpInvoker(new EgressGuard(config.egressAllow)) },
        {
          provide: ServerMailer,
          useFactory: () =>
            new ServerMailer(
              config.SWITCHYARD_SMTP_URL,
              config.SWITCHYARD_SMTP_FROM,
              new GuardedMailSender(new EgressGuard(config.egressAllow)),
            ),
        },
        {
          provide: INGEST_POOL,
          useFactory: () => {
            const pool = new PgPool({ connectionString: config.databaseUrl, max: 6, connectionTimeoutMillis: 5000 });
            // An idle connection that PostgreSQL drops (restart, shutdown) must not crash the process.
            pool.on('error', (err) => logger.warn({ err: err.message }, 'ingest pool connection lost'));
            return pool;
          },
        },
        { provide: EventBus, useFactory: (pool: Pool) => new EventBus(pool, config.databaseUrl, logger), inject: [PG_POOL] },
        {
          provide: HostCredentialResolver,
          useFactory: (pool: Pool, http: GuardedHttpInvoker, box: SecretBoxProvider) =>
            new HostCredentialResolver(pool, box, new OAuth2TokenCache(http)),
          inject: [PG_POOL, GuardedHttpInvoker, SECRET_BOX],
        },
        {
          provide: RunExecutor,
          useFactory: (pool: Pool, http: GuardedHttpInvoker, events: EventBus, credentials: HostCredentialResolver) =>
            new RunExecutor(
              pool,
              {
                http,
                clock: { now: () => Date.now() },
                ids: { uuid: () => randomUUID() },
                mail: new GuardedMailSender(new EgressGuard(config.egressAllow)),
              },
              (event) => events.publish([event]),
              config.SWITCHYARD_LEASE_MS,
              logger,
              (workspaceId) => credentials.forWorkspace(workspaceId),
            ),
          inject: [PG_POOL, GuardedHttpInvoker, EventBus, HostCredentialResolver],
        },
        {
          provide: DISPATCHER,
          useFactory: (executor: RunExecutor): Dispatcher =>
            config.REDIS_URL
              ? new BullMqDispatcher(config.REDIS_URL, config.SWITCHYARD_QUEUE_PREFIX, logger)
              : new InProcessDispatcher((runId) => executor.execute(runId), config.SWITCHYARD_WORKER_CONCURRENCY, logger),
          inject: [RunExecutor],
        },
        { provide: SECRET_BOX, useValue: secretBoxProvider(config, logger) },
        TriggerSecretsService,
        {
          provide: TriggerCache,
          useFactory: (pool: Pool, secrets: TriggerSecretsService) =>
            new TriggerCache((token) => loadTrigger(pool, secrets, logger, token)),
          inject: [INGEST_POOL, TriggerSecretsService],
        },
        {
          provide: GroupCommitWriter,
          useFactory: (pool: Pool, dispatcher: Dispatcher, events: EventBus) =>
            new GroupCommitWriter(pool, (committed) => {
              const runIds = committed.flatMap((c) => (c.run ? [c.run.id] : []));
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
            }),
          inject: [INGEST_POOL, DISPATCHER, EventBus],
        },
        {
          provide: IngestService,
          useFactory: (triggers: TriggerCache, writer: GroupCommitWriter, responses: ResponseWaiter) =>
            new IngestService(triggers, writer, logger, config.SWITCHYARD_MAX_BODY_BYTES, responses),
          inject: [TriggerCache, GroupCommitWriter, ResponseWaiter],
        },
        { provide: ResponseWaiter, useFactory: (pool: Pool) => new ResponseWaiter(pool, logger), inject: [PG_POOL] },
        WorkflowsService,
        RunsService,
        RequestsService,
        BuilderTestService,
        CredentialsService,
        RuntimeLifecycle,
        // Accounts (issue 8): the one guard deciding access to every route, and what it reads.
        { provide: LOCKOUT_POLICY, useValue: DEFAULT_LOCKOUT_POLICY },
        AuthService,
        ApiKeysService,
        AuditService,
        WorkspacesService,
        ...(serveHttp ? [{ provide: APP_GUARD, useClass: AccessGuard }] : []),
        DrainState,
      ],
    };
  }
}
