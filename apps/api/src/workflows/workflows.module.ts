import { Module } from '@nestjs/common';
import { AuditModule } from '../accounts/audit.module';
import { BuilderTestController } from '../builder-test/builder-test.controller';
import { BuilderTestService } from '../builder-test/builder-test.service';
import { CredentialsModule } from '../credentials/credentials.module';
import { IngestModule } from '../ingest/ingest.module';
import { RuntimeModule } from '../runtime/runtime.module';
import { DraftsService } from '../versions/drafts.service';
import { RehearsalsService } from '../versions/rehearsals.service';
import { VersionsController } from '../versions/versions.controller';
import { VersionsModule } from '../versions/versions.module';
import { WorkflowsController } from './workflows.controller';
import { WorkflowsService } from './workflows.service';

/** Authoring: workflows and their versions, and the builder's step and workflow tests. HTTP processes only. */
@Module({
  imports: [AuditModule, CredentialsModule, IngestModule, RuntimeModule, VersionsModule],
  controllers: [WorkflowsController, BuilderTestController, VersionsController],
  providers: [WorkflowsService, BuilderTestService, DraftsService, RehearsalsService],
  exports: [WorkflowsService],
})
export class WorkflowsModule {}
