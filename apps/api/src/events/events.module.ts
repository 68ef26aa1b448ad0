import { type BeforeApplicationShutdown, Global, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { LOGGER, type Logger } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { PG_POOL } from '../database/database.module';
import { EventBus } from './event-bus';

/**
 * Live events across processes (LISTEN/NOTIFY): every process publishes; the history module
 * listens in api processes. Global, so its shutdown comes after the runs in flight have ended.
 */
@Global()
@Module({
  providers: [
    {
      provide: EventBus,
      useFactory: (pool: Pool, config: AppConfig, logger: Logger) => new EventBus(pool, config.databaseUrl, logger),
      inject: [PG_POOL, APP_CONFIG, LOGGER],
    },
  ],
  exports: [EventBus],
})
export class EventsModule implements BeforeApplicationShutdown {
  constructor(private readonly events: EventBus) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.events.close();
  }
}
