import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { type Actor, CurrentActor, CurrentRole } from './auth-context';
import { ApiKeysService } from './api-keys.service';
import type { Role } from './roles';

@Controller('api/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  list(@CurrentWorkspace() workspaceId: string): Promise<ResponseOf<'GET /api/api-keys'>> {
    return this.keys.list(workspaceId);
  }

  /** 201 with `key`, the only time it is shown. */
  @Post()
  create(
    @CurrentWorkspace() workspaceId: string,
    @CurrentActor() actor: Actor,
    @CurrentRole() role: Role,
    @Body() body: unknown,
  ): Promise<ResponseOf<'POST /api/api-keys'>> {
    return this.keys.create(workspaceId, actor, role, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(
    @CurrentWorkspace() workspaceId: string,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
  ): Promise<void> {
    await this.keys.revoke(workspaceId, actor, id);
  }
}
