import { Module } from '@nestjs/common';
import { AuditModule } from '../accounts/audit.module';
import { VersionsModule } from '../versions/versions.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { BundlesController } from './bundles.controller';
import { BundlesService } from './bundles.service';

/** Export and import of workflows as bundles (docs/bundle-format.md). HTTP processes only. */
@Module({
  imports: [AuditModule, VersionsModule, WorkflowsModule],
  controllers: [BundlesController],
  providers: [BundlesService],
})
export class BundlesModule {}
