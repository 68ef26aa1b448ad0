import { Global, Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { LOGGER, type Logger } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { PG_POOL } from '../database/database.module';
import { Metrics, queueReader } from './metrics';
import { MetricsServer } from './metrics-server';

/** Opens the metrics port at start (when set) and closes it last. */
@Injectable()
class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly server: MetricsServer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SWITCHYARD_METRICS_PORT !== undefined) await this.server.start(this.config.SWITCHYARD_METRICS_PORT, this.config.HOST);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server.close();
  }
}

/** Prometheus metrics of this process (docs/operations.md#metrics), for every module that reports. */
@Global()
@Module({
  providers: [
    {
      provide: Metrics,
      useFactory: (config: AppConfig, pool: Pool) => {
        const metrics = new Metrics({ role: config.role, workflowLabels: config.SWITCHYARD_METRICS_WORKFLOW_LABELS === 'true' });
        metrics.watchPool('main', pool);
        metrics.watchQueue(queueReader(pool));
        return metrics;
      },
      inject: [APP_CONFIG, PG_POOL],
    },
    {
      provide: MetricsServer,
      useFactory: (metrics: Metrics, logger: Logger) => new MetricsServer(metrics, logger),
      inject: [Metrics, LOGGER],
    },
    MetricsListener,
  ],
  exports: [Metrics, MetricsServer],
})
export class MetricsModule {}
