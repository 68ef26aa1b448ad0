import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { WorkflowHealthService } from './workflow-health.service';

@Controller('api/workflows')
export class WorkflowHealthController {
  constructor(private readonly health: WorkflowHealthService) {}

  @Get(':id/health')
  get(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) workflowId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<ResponseOf<'GET /api/workflows/:id/health'>> {
    return this.health.health(workspaceId, workflowId, query);
  }
}
