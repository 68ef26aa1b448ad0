import { Controller, Get, Query } from '@nestjs/common';
import { MinRole } from './access.decorators';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { AuditService } from './audit.service';

@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @MinRole('admin')
  list(@CurrentWorkspace() workspaceId: string, @Query() query: Record<string, unknown>) {
    return this.audit.list(workspaceId, query);
  }
}
