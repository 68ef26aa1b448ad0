import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from '../common/logger';
import { ConfigModule } from '../config/config.module';
import type { AppConfig, Role } from '../config/config.schema';
import { DatabaseModule } from '../database/database.module';
import { EventsModule } from '../events/events.module';
import { MetricsModule } from '../observability/metrics.module';
import { TracingModule } from '../observability/tracing.module';
import { ApiRootModule } from './api-root.module';
import { WorkerRootModule } from './worker-root.module';

const ROOTS: Record<Role, Array<typeof ApiRootModule | typeof WorkerRootModule>> = {
  all: [ApiRootModule, WorkerRootModule],
  api: [ApiRootModule],
  worker: [WorkerRootModule],
};

/**
 * One process of Switchyard: the shared infrastructure (configuration, PostgreSQL, live events)
 * and the roots of its role; `all` composes both roots, and each module is built once.
 */
@Module({})
export class SwitchyardModule {
  static forRole(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: SwitchyardModule,
      imports: [
        ConfigModule.forRoot(config, logger),
        DatabaseModule.forRoot(config),
        MetricsModule,
        TracingModule,
        EventsModule,
        ...ROOTS[config.role],
      ],
    };
  }
}
