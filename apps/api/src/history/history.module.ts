import { ComposeModule } from '../compose/compose.module';
import { Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditModule } from '../accounts/audit.module';
import { EventBus } from '../events/event-bus';
import { RuntimeModule } from '../runtime/runtime.module';
import { VersionsModule } from '../versions/versions.module';
import { EventsController } from './events.controller';
import { AllRequestsController, RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';
import { RunsController } from './runs.controller';
import { RunsService } from './runs.service';

/** Streams to this process's subscribers the events every process publishes. */
@Injectable()
class LiveEvents implements OnApplicationBootstrap {
  constructor(private readonly events: EventBus) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.events.listen();
  }
}

/**
 * History: runs and their journals, the request log, live events, and replays (created by the run
 * ledger). HTTP processes only.
 */
@Module({
  imports: [RuntimeModule, VersionsModule, AuditModule, ComposeModule],
  controllers: [RunsController, RequestsController, AllRequestsController, EventsController],
  providers: [RunsService, RequestsService, LiveEvents],
  exports: [RequestsService],
})
export class HistoryModule {}
