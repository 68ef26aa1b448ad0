import { type DynamicModule, Global, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { AppConfig } from '../config/config.schema';
import { dataSourceOptions } from './data-source-options';

/** The pg pool under TypeORM's DataSource, for the hand-written SQL of hot paths (runs, ingest). */
export const PG_POOL = Symbol('PG_POOL');

/** TypeORM on PostgreSQL (migrations run at start) and its pg pool, for every module. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl))],
      providers: [
        { provide: PG_POOL, useFactory: (ds: DataSource) => (ds.driver as PostgresDriver).master as Pool, inject: [getDataSourceToken()] },
      ],
      exports: [PG_POOL],
    };
  }
}
