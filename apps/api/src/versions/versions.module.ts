import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/database.module';
import { VersionStore } from './version-store';

/** Workflow versions as every reader sees them: upgraded, validated, cached. */
@Module({
  providers: [{ provide: VersionStore, useFactory: (pool: Pool) => new VersionStore(pool), inject: [PG_POOL] }],
  exports: [VersionStore],
})
export class VersionsModule {}
