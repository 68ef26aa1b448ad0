import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { can, type ResponseOf, type Workflow } from '@switchyard/contract';
import { type Actor, CurrentActor, CurrentRole } from '../accounts/auth-context';
import type { Role } from '../accounts/roles';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { WorkflowsService } from './workflows.service';

/** Viewers do not see even the masked hints of trigger secrets. */
function forRole<T extends Workflow>(dto: T, role: Role | undefined): T {
  if (can({ role, action: 'secrets.hints' }) || !('verify' in dto.trigger) || !dto.trigger.verify) return dto;
  return { ...dto, trigger: { ...dto.trigger, verify: { ...dto.trigger.verify, secretHints: [] } } };
}

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@Controller('api/workflows')
export class WorkflowsController {
  constructor(private readonly workflows: WorkflowsService) {}

  @Get()
  async list(@CurrentWorkspace() workspaceId: string, @CurrentRole() role: Role): Promise<ResponseOf<'GET /api/workflows'>> {
    return { items: (await this.workflows.list(workspaceId)).map((w) => forRole(w, role)) };
  }

  @Post()
  create(
    @CurrentWorkspace() workspaceId: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'POST /api/workflows'>> {
    return this.workflows.create(workspaceId, body, actor);
  }

  @Get(':id')
  async get(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @CurrentRole() role: Role,
  ): Promise<ResponseOf<'GET /api/workflows/:id'>> {
    return forRole(await this.workflows.get(workspaceId, id), role);
  }

  @Put(':id')
  replace(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'PUT /api/workflows/:id'>> {
    return this.workflows.replace(workspaceId, id, body, actor);
  }

  @Patch(':id')
  patch(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'PATCH /api/workflows/:id'>> {
    return this.workflows.patch(workspaceId, id, body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentWorkspace() workspaceId: string, @Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.workflows.remove(workspaceId, id, actor);
  }

  @Post(':id/token')
  @HttpCode(200)
  async rotateToken(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @CurrentActor() actor: Actor,
    @CurrentRole() role: Role,
  ): Promise<ResponseOf<'POST /api/workflows/:id/token'>> {
    return forRole(await this.workflows.rotateToken(workspaceId, id, actor), role);
  }
}
