import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { can, type Credential, type ResponseOf } from '@switchyard/contract';
import { type Actor, CurrentActor, CurrentRole } from '../accounts/auth-context';
import type { Role } from '../accounts/roles';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { CredentialsService } from './credentials.service';

/** Viewers see which credentials exist (names, types, usage), not their fields or hints. */
function forRole(dto: Credential, role: Role | undefined): Credential {
  return can({ role, action: 'secrets.hints' }) ? dto : { ...dto, public: {}, hints: {} };
}

@Controller('api')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  /** The catalogue of credential types: no workspace data, so any caller may read it. */
  @Get('credential-types')
  types(): ResponseOf<'GET /api/credential-types'> {
    return this.credentials.types();
  }

  @Get('credentials')
  async list(@CurrentWorkspace() workspaceId: string, @CurrentRole() role: Role): Promise<ResponseOf<'GET /api/credentials'>> {
    return { items: (await this.credentials.list(workspaceId)).map((c) => forRole(c, role)) };
  }

  @Post('credentials')
  create(
    @CurrentWorkspace() workspaceId: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'POST /api/credentials'>> {
    return this.credentials.create(workspaceId, body, actor);
  }

  @Get('credentials/:id')
  async get(
    @CurrentWorkspace() workspaceId: string,
    @Param('id') id: string,
    @CurrentRole() role: Role,
  ): Promise<ResponseOf<'GET /api/credentials/:id'>> {
    return forRole(await this.credentials.get(workspaceId, id), role);
  }

  @Put('credentials/:id')
  update(
    @CurrentWorkspace() workspaceId: string,
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'PUT /api/credentials/:id'>> {
    return this.credentials.update(workspaceId, id, body, actor);
  }

  @Delete('credentials/:id')
  @HttpCode(204)
  async remove(@CurrentWorkspace() workspaceId: string, @Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.credentials.remove(workspaceId, id, actor);
  }
}
