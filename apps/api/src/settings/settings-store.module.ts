import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { AdaptersModule } from '../adapters/adapters.module';
import { GuardedHttpInvoker } from '../adapters/http-invoker';
import { LOGGER, type Logger } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { PG_POOL } from '../database/database.module';
import { SettingsStore } from './settings-store';
import { WorkspaceHttp } from './workspace-http';

/** The stored settings and the outbound HTTP that follows them, in every process (api and worker). */
@Module({
  imports: [AdaptersModule],
  providers: [
    {
      provide: SettingsStore,
      useFactory: (pool: Pool, config: AppConfig, logger: Logger) => new SettingsStore(pool, config, logger),
      inject: [PG_POOL, APP_CONFIG, LOGGER],
    },
    {
      provide: WorkspaceHttp,
      useFactory: (http: GuardedHttpInvoker, config: AppConfig, settings: SettingsStore) =>
        new WorkspaceHttp(http, config.egressAllow, settings),
      inject: [GuardedHttpInvoker, APP_CONFIG, SettingsStore],
    },
  ],
  exports: [SettingsStore, WorkspaceHttp],
})
export class SettingsStoreModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(SettingsStore) private readonly store: SettingsStore,
    @Inject(WorkspaceHttp) private readonly http: WorkspaceHttp,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.store.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.store.stop();
    await this.http.close();
  }
}
