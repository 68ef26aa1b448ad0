import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { type Actor, CurrentActor } from '../auth/auth-context';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { WorkflowsService } from './workflows.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@Controller('api/workflows')
export class WorkflowsController {
  constructor(private readonly workflows: WorkflowsService) {}

  @Get()
  async list(@CurrentWorkspace() workspaceId: string) {
    return { items: await this.workflows.list(workspaceId) };
  }

  @Post()
  create(@CurrentWorkspace() workspaceId: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.workflows.create(workspaceId, body, actor);
  }

  @Get(':id')
  get(@CurrentWorkspace() workspaceId: string, @Param('id', uuid) id: string) {
    return this.workflows.get(workspaceId, id);
  }

  @Put(':id')
  replace(@CurrentWorkspace() workspaceId: string, @Param('id', uuid) id: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.workflows.replace(workspaceId, id, body, actor);
  }

  @Patch(':id')
  patch(@CurrentWorkspace() workspaceId: string, @Param('id', uuid) id: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.workflows.patch(workspaceId, id, body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentWorkspace() workspaceId: string, @Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.workflows.remove(workspaceId, id, actor);
  }
}
