import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { RequestsService } from './requests.service';

@Controller('api/workflows')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Get(':id/requests')
  list(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) workflowId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<ResponseOf<'GET /api/workflows/:id/requests'>> {
    return this.requests.list(workspaceId, workflowId, query);
  }

  @Get(':id/requests/refused')
  refused(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) workflowId: string,
  ): Promise<ResponseOf<'GET /api/workflows/:id/requests/refused'>> {
    return this.requests.refusedCount(workspaceId, workflowId);
  }
}

@Controller('api/requests')
export class AllRequestsController {
  constructor(private readonly requests: RequestsService) {}

  /** Requests of every workflow: `?workflowId=&verdict=&refused=&limit=&cursor=`. */
  @Get()
  list(@CurrentWorkspace() workspaceId: string, @Query() query: Record<string, unknown>): Promise<ResponseOf<'GET /api/requests'>> {
    return this.requests.listAll(workspaceId, query);
  }
}
