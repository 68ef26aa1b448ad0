import { Module } from '@nestjs/common';
import { DrainState } from '../lifecycle/drain-state';
import { RuntimeModule } from '../runtime/runtime.module';
import { HealthController } from './health.controller';

/** Liveness and readiness (PostgreSQL, the queue, draining). HTTP processes only. */
@Module({
  imports: [RuntimeModule],
  controllers: [HealthController],
  providers: [DrainState],
  exports: [DrainState],
})
export class HealthModule {}
