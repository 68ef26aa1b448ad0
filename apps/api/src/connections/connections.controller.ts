import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor } from '../accounts/auth-context';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { ConnectionsService } from './connections.service';

@Controller('api')
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  @Get('connections')
  async list(@CurrentWorkspace() workspaceId: string): Promise<ResponseOf<'GET /api/connections'>> {
    return { items: await this.connections.list(workspaceId) };
  }

  @Post('connections')
  create(@CurrentWorkspace() workspaceId: string, @Body() body: unknown): Promise<ResponseOf<'POST /api/connections'>> {
    return this.connections.create(workspaceId, body);
  }

  @Get('connections/oauth/redirect-url')
  redirectUrl(): ResponseOf<'GET /api/connections/oauth/redirect-url'> {
    return { redirectUrl: this.connections.redirectUrl() };
  }

  @Post('connections/oauth/start')
  start(@CurrentWorkspace() workspaceId: string, @Body() body: unknown): Promise<ResponseOf<'POST /api/connections/oauth/start'>> {
    return this.connections.startOAuth(workspaceId, body);
  }

  @Get('connections/oauth/callback')
  async callback(@Query() query: unknown, @Res() reply: FastifyReply): Promise<void> {
    const answer = await this.connections.callback(query);
    await reply.status(answer.status).type('text/html; charset=utf-8').send(answer.html);
  }

  @Post('connections/:id/test')
  @HttpCode(200)
  test(@CurrentWorkspace() workspaceId: string, @Param('id') id: string): Promise<ResponseOf<'POST /api/connections/:id/test'>> {
    return this.connections.test(workspaceId, id);
  }

  @Patch('connections/:id')
  rename(
    @CurrentWorkspace() workspaceId: string,
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'PATCH /api/connections/:id'>> {
    return this.connections.rename(workspaceId, id, body, actor);
  }

  @Delete('connections/:id')
  @HttpCode(204)
  async remove(@CurrentWorkspace() workspaceId: string, @Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.connections.remove(workspaceId, id, actor);
  }

  @Post('apps/options')
  @HttpCode(200)
  options(@CurrentWorkspace() workspaceId: string, @Body() body: unknown): Promise<ResponseOf<'POST /api/apps/options'>> {
    return this.connections.options(workspaceId, body);
  }

  @Post('apps/fields')
  @HttpCode(200)
  fields(@CurrentWorkspace() workspaceId: string, @Body() body: unknown): Promise<ResponseOf<'POST /api/apps/fields'>> {
    return this.connections.dynamicFields(workspaceId, body);
  }
}
