import { Injectable, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Pool } from 'pg';
import { AdaptersModule } from '../adapters/adapters.module';
import { GuardedHttpInvoker } from '../adapters/http-invoker';
import { LOGGER, type Logger } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { PG_POOL } from '../database/database.module';
import { MailModule } from '../mail/mail.module';
import { ServerMailer } from '../mail/server-mailer';
import { WatchClock } from './watch-clock';
import { WorkflowHealthController } from './workflow-health.controller';
import { WorkflowHealthService } from './workflow-health.service';
import { WorkflowWatcher } from './workflow-watcher';

@Injectable()
class WatcherLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly watcher: WorkflowWatcher) {}

  onApplicationBootstrap(): void {
    this.watcher.start();
  }

  beforeApplicationShutdown(): void {
    this.watcher.stop();
  }
}

/**
 * Quiet-workflow and refused-spike alerts, evaluated every SWITCHYARD_ALERT_INTERVAL_MS, and the
 * workflow health view they are read beside (HTTP processes).
 */
@Module({
  imports: [AdaptersModule, MailModule],
  controllers: [WorkflowHealthController],
  providers: [
    WatchClock,
    WorkflowHealthService,
    {
      provide: WorkflowWatcher,
      useFactory: (pool: Pool, http: GuardedHttpInvoker, mailer: ServerMailer, clock: WatchClock, config: AppConfig, logger: Logger) =>
        new WorkflowWatcher(pool, http, mailer, clock, config.SWITCHYARD_ALERT_INTERVAL_MS, config.publicUrl, logger),
      inject: [PG_POOL, GuardedHttpInvoker, ServerMailer, WatchClock, APP_CONFIG, LOGGER],
    },
    WatcherLoop,
  ],
  exports: [WorkflowWatcher, WatchClock],
})
export class AlertsModule {}
