import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { MinRole } from './access.decorators';
import { type Actor, CurrentActor, CurrentRole } from './auth-context';
import { ApiKeysService } from './api-keys.service';
import type { Role } from './roles';

@Controller('api/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @MinRole('admin')
  list(@CurrentWorkspace() workspaceId: string) {
    return this.keys.list(workspaceId);
  }

  /** 201 with `key`, the only time it is shown. */
  @Post()
  @MinRole('admin')
  create(@CurrentWorkspace() workspaceId: string, @CurrentActor() actor: Actor, @CurrentRole() role: Role, @Body() body: unknown) {
    return this.keys.create(workspaceId, actor, role, body);
  }

  @Delete(':id')
  @MinRole('admin')
  @HttpCode(204)
  async revoke(
    @CurrentWorkspace() workspaceId: string,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
  ): Promise<void> {
    await this.keys.revoke(workspaceId, actor, id);
  }
}
