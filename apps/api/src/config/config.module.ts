import { type DynamicModule, Global, Module } from '@nestjs/common';
import { LOGGER, type Logger } from '../common/logger';
import { APP_CONFIG, type AppConfig } from './config.schema';

/** The validated configuration and the logger, for every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
      ],
      exports: [APP_CONFIG, LOGGER],
    };
  }
}
