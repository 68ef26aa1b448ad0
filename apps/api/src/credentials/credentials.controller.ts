import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { SignedIn } from '../accounts/access.decorators';
import { type Actor, CurrentActor, CurrentRole } from '../accounts/auth-context';
import type { Role } from '../accounts/roles';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { type CredentialDto, CredentialsService } from './credentials.service';

/** Viewers see which credentials exist (names, types, usage), not their fields or hints. */
function forRole(dto: CredentialDto, role: Role | undefined): CredentialDto {
  return role === 'viewer' ? { ...dto, public: {}, hints: {} } : dto;
}

@Controller('api')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  /** The catalogue of credential types: no workspace data, so any caller may read it. */
  @Get('credential-types')
  @SignedIn()
  types() {
    return this.credentials.types();
  }

  @Get('credentials')
  async list(@CurrentWorkspace() workspaceId: string, @CurrentRole() role: Role) {
    return { items: (await this.credentials.list(workspaceId)).map((c) => forRole(c, role)) };
  }

  @Post('credentials')
  create(@CurrentWorkspace() workspaceId: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.credentials.create(workspaceId, body, actor);
  }

  @Get('credentials/:id')
  async get(@CurrentWorkspace() workspaceId: string, @Param('id') id: string, @CurrentRole() role: Role) {
    return forRole(await this.credentials.get(workspaceId, id), role);
  }

  @Put('credentials/:id')
  update(@CurrentWorkspace() workspaceId: string, @Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.credentials.update(workspaceId, id, body, actor);
  }

  @Delete('credentials/:id')
  @HttpCode(204)
  async remove(@CurrentWorkspace() workspaceId: string, @Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.credentials.remove(workspaceId, id, actor);
  }
}
