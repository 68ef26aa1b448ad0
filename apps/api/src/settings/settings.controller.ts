import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import { type Actor, CurrentActor, CurrentRole } from '../accounts/auth-context';
import type { Role } from '../accounts/roles';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { SettingsService } from './settings.service';

@Controller('api/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get('instance')
  instance(@CurrentWorkspace() workspaceId: string, @CurrentRole() role: Role): Promise<ResponseOf<'GET /api/settings/instance'>> {
    return this.settings.instance(workspaceId, role);
  }

  @Put('instance')
  updateInstance(
    @CurrentWorkspace() workspaceId: string,
    @CurrentRole() role: Role,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
  ): Promise<ResponseOf<'PUT /api/settings/instance'>> {
    return this.settings.updateInstance(workspaceId, role, actor, body);
  }

  @Get('workspace')
  workspace(@CurrentWorkspace() workspaceId: string): Promise<ResponseOf<'GET /api/settings/workspace'>> {
    return this.settings.workspace(workspaceId);
  }

  @Put('workspace')
  updateWorkspace(
    @CurrentWorkspace() workspaceId: string,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
  ): Promise<ResponseOf<'PUT /api/settings/workspace'>> {
    return this.settings.updateWorkspace(workspaceId, actor, body);
  }

  @Post('egress/check')
  @HttpCode(200)
  check(@CurrentWorkspace() workspaceId: string, @Body() body: unknown): Promise<ResponseOf<'POST /api/settings/egress/check'>> {
    return this.settings.checkEgress(workspaceId, body);
  }
}
