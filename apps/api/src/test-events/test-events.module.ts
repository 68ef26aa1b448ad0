import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { IngestModule } from '../ingest/ingest.module';
import { TestEventsController } from './test-events.controller';
import { TestEventsService } from './test-events.service';

/** "Send a test event" (issue 14): provider-shaped, signed sample events through the trigger URL. */
@Module({ imports: [IngestModule, HistoryModule], controllers: [TestEventsController], providers: [TestEventsService] })
export class TestEventsModule {}
