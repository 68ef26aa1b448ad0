import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { RunsService } from './runs.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@Controller('api')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Get('workflows/:id/runs')
  list(@CurrentWorkspace() workspaceId: string, @Param('id', uuid) workflowId: string, @Query() query: Record<string, unknown>) {
    return this.runs.listForWorkflow(workspaceId, workflowId, query);
  }

  @Get('runs/:id')
  get(@CurrentWorkspace() workspaceId: string, @Param('id', uuid) id: string) {
    return this.runs.get(workspaceId, id);
  }

  @Post('runs/:id/replay')
  replay(@CurrentWorkspace() workspaceId: string, @Param('id', uuid) id: string) {
    return this.runs.replay(workspaceId, id);
  }
}
