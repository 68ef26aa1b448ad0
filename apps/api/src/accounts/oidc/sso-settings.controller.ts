import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import { CurrentWorkspace } from '../../common/current-workspace.decorator';
import { type Actor, CurrentActor, CurrentRole } from '../auth-context';
import type { Role } from '../roles';
import { SsoSettingsService } from './sso-settings.service';

/** Single sign-on in Settings (owners of the Default workspace). */
@Controller('api/settings/sso')
export class SsoSettingsController {
  constructor(private readonly sso: SsoSettingsService) {}

  @Get()
  get(@CurrentWorkspace() workspaceId: string, @CurrentRole() role: Role): Promise<ResponseOf<'GET /api/settings/sso'>> {
    return this.sso.get(workspaceId, role);
  }

  @Put()
  update(
    @CurrentWorkspace() workspaceId: string,
    @CurrentRole() role: Role,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
  ): Promise<ResponseOf<'PUT /api/settings/sso'>> {
    return this.sso.update(workspaceId, role, actor, body);
  }

  @Delete()
  remove(
    @CurrentWorkspace() workspaceId: string,
    @CurrentRole() role: Role,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'DELETE /api/settings/sso'>> {
    return this.sso.remove(workspaceId, role, actor);
  }

  @Post('discovery')
  @HttpCode(200)
  discovery(@CurrentWorkspace() workspaceId: string, @Body() body: unknown): Promise<ResponseOf<'POST /api/settings/sso/discovery'>> {
    return this.sso.discovery(workspaceId, body);
  }
}
