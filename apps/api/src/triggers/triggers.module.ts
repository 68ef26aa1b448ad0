import { Inject, Injectable, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Pool } from 'pg';
import { AuditModule } from '../accounts/audit.module';
import { AdaptersModule } from '../adapters/adapters.module';
import { GuardedHttpInvoker } from '../adapters/http-invoker';
import { HostCredentialResolver } from '../credentials/credential-resolver';
import { CredentialsModule } from '../credentials/credentials.module';
import { LOGGER, type Logger } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { PG_POOL } from '../database/database.module';
import { FlowController } from '../ingest/flow-control';
import { IngestModule } from '../ingest/ingest.module';
import { DISPATCHER, type Dispatcher } from '../runtime/dispatch/dispatcher';
import { RunLedger } from '../runtime/ledger/run-ledger';
import { RuntimeModule } from '../runtime/runtime.module';
import { VersionStore } from '../versions/version-store';
import { VersionsModule } from '../versions/versions.module';
import { HostedFormController } from './form/hosted-form.controller';
import { HostedFormService } from './form/hosted-form.service';
import { RunNowController } from './manual/run-now.controller';
import { RunNowService } from './manual/run-now.service';
import { Poller } from './poll/poller';
import { SYSTEM_CLOCK, type SchedulerClock, TriggerScheduler } from './schedule/trigger-scheduler';
import { UpcomingController } from './upcoming/upcoming.controller';
import { UpcomingService } from './upcoming/upcoming.service';

/** The scheduler's clock: the system clock; tests replace the provider or call `tick(now)`. */
export const SCHEDULER_CLOCK = Symbol('SCHEDULER_CLOCK');

@Injectable()
class SchedulerLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(TriggerScheduler) private readonly scheduler: TriggerScheduler) {}

  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }
}

/**
 * The ways into a workflow besides its webhook URL: Run now, schedules, polls and hosted forms. Each
 * firing is written by `recordFiring` as a request with its verdict and a queued run. HTTP processes
 * (the scheduler runs in each; its claims make every time fire once).
 */
@Module({
  imports: [RuntimeModule, AuditModule, VersionsModule, AdaptersModule, CredentialsModule, IngestModule],
  controllers: [RunNowController, UpcomingController, HostedFormController],
  providers: [
    RunNowService,
    HostedFormService,
    UpcomingService,
    { provide: SCHEDULER_CLOCK, useValue: SYSTEM_CLOCK },
    {
      provide: TriggerScheduler,
      useFactory: (
        pool: Pool,
        ledger: RunLedger,
        versions: VersionStore,
        dispatcher: Dispatcher,
        logger: Logger,
        clock: SchedulerClock,
        config: AppConfig,
        http: GuardedHttpInvoker,
        credentials: HostCredentialResolver,
        flow: FlowController,
      ) => {
        const scheduler = new TriggerScheduler(pool, ledger, versions, dispatcher, logger, clock, config.SWITCHYARD_SCHEDULER_INTERVAL_MS);
        scheduler.register('poll', new Poller(pool, ledger, versions, http, credentials, logger, ledger.workerId));
        // Flow control's due debounce and batch buckets fire on the scheduler's ticks (ADR 0024).
        scheduler.register('flow', { firstFireAt: (_trigger, now) => now, fireDue: (now) => flow.fireDue(now) });
        return scheduler;
      },
      inject: [
        PG_POOL,
        RunLedger,
        VersionStore,
        DISPATCHER,
        LOGGER,
        SCHEDULER_CLOCK,
        APP_CONFIG,
        GuardedHttpInvoker,
        HostCredentialResolver,
        FlowController,
      ],
    },
    SchedulerLoop,
  ],
  exports: [TriggerScheduler],
})
export class TriggersModule {}
