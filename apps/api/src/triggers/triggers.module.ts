import { Module } from '@nestjs/common';
import { AuditModule } from '../accounts/audit.module';
import { RuntimeModule } from '../runtime/runtime.module';
import { RunNowController } from './manual/run-now.controller';
import { RunNowService } from './manual/run-now.service';

/**
 * The ways into a workflow besides its webhook URL: Run now, schedules, polls and hosted forms. Each
 * firing is written by `recordFiring` as a request with its verdict and a queued run. HTTP processes.
 */
@Module({
  imports: [RuntimeModule, AuditModule],
  controllers: [RunNowController],
  providers: [RunNowService],
})
export class TriggersModule {}
