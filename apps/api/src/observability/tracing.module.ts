import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, type Logger } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { otlpTracesUrl, Tracing } from './tracing';

/** The process's Tracing, or null when no OTLP endpoint is set (then nothing is traced). */
export const TRACING = Symbol('TRACING');

/** Exports the spans still in the batch when the process stops. */
@Injectable()
class TracingShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(TRACING) private readonly tracing: Tracing | null,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.tracing?.shutdown().catch((err: Error) => this.logger.warn({ err: err.message }, 'could not export the last spans'));
  }
}

/** OpenTelemetry traces (docs/operations.md#traces), when OTEL_EXPORTER_OTLP_ENDPOINT is set. */
@Global()
@Module({
  providers: [
    {
      provide: TRACING,
      useFactory: (config: AppConfig): Tracing | null => {
        const tracesUrl = otlpTracesUrl(config);
        if (!tracesUrl) return null;
        return new Tracing({
          tracesUrl,
          serviceName: config.OTEL_SERVICE_NAME,
          role: config.role,
          scheduleDelayMs: config.OTEL_BSP_SCHEDULE_DELAY,
        });
      },
      inject: [APP_CONFIG],
    },
    TracingShutdown,
  ],
  exports: [TRACING],
})
export class TracingModule {}
