import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import { type Actor, CurrentActor } from '../accounts/auth-context';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { PinnedSamplesService } from './pinned-samples.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@Controller('api/workflows')
export class PinnedSamplesController {
  constructor(private readonly samples: PinnedSamplesService) {}

  @Get(':id/sample')
  get(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) workflowId: string,
  ): Promise<ResponseOf<'GET /api/workflows/:id/sample'>> {
    return this.samples.get(workspaceId, workflowId);
  }

  @Put(':id/sample')
  pin(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) workflowId: string,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
  ): Promise<ResponseOf<'PUT /api/workflows/:id/sample'>> {
    return this.samples.pin(workspaceId, workflowId, actor, body);
  }

  @Delete(':id/sample')
  @HttpCode(204)
  async unpin(@CurrentWorkspace() workspaceId: string, @Param('id', uuid) workflowId: string): Promise<void> {
    await this.samples.unpin(workspaceId, workflowId);
  }
}
