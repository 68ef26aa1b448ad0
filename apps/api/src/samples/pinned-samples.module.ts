import { Module } from '@nestjs/common';
import { PinnedSamplesController } from './pinned-samples.controller';
import { PinnedSamplesService } from './pinned-samples.service';

/** The sample pinned with each workflow (issue 14 item 5). */
@Module({ controllers: [PinnedSamplesController], providers: [PinnedSamplesService] })
export class PinnedSamplesModule {}
