import { Controller, Get, Query } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { AuditService } from './audit.service';

@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@CurrentWorkspace() workspaceId: string, @Query() query: Record<string, unknown>): Promise<ResponseOf<'GET /api/audit'>> {
    return this.audit.list(workspaceId, query);
  }
}
