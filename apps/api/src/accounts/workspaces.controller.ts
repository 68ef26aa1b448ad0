import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req, Res } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import type { FastifyReply } from 'fastify';
import { type Actor, type AuthedRequest, CurrentActor, CurrentRole } from './auth-context';
import { AuthService, type SessionUser } from './auth.service';
import { sessionCookies } from './cookies';
import type { Role } from './roles';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { WorkspacesService } from './workspaces.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@Controller('api/workspaces')
export class WorkspacesController {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly auth: AuthService,
  ) {}

  /** The caller's workspaces with their role (an API key: its own). */
  @Get()
  async mine(@CurrentActor() actor: Actor): Promise<ResponseOf<'GET /api/workspaces'>> {
    if (actor.type === 'api-key') return [{ id: actor.workspaceId, name: await this.workspaces.name(actor.workspaceId), role: actor.role }];
    return this.auth.memberships(actor.id);
  }

  @Post()
  create(@CurrentActor() actor: SessionUser, @Body() body: unknown): Promise<ResponseOf<'POST /api/workspaces'>> {
    return this.workspaces.create(actor, body);
  }

  @Delete('current')
  @HttpCode(204)
  async remove(@CurrentWorkspace() workspaceId: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.workspaces.remove(workspaceId, actor);
  }

  @Get('current/members')
  members(@CurrentWorkspace() workspaceId: string): Promise<ResponseOf<'GET /api/workspaces/current/members'>> {
    return this.workspaces.members(workspaceId);
  }

  @Patch('current/members/:userId')
  updateMember(
    @CurrentWorkspace() workspaceId: string,
    @CurrentActor() actor: Actor,
    @CurrentRole() role: Role,
    @Param('userId', uuid) userId: string,
    @Body() body: unknown,
  ): Promise<ResponseOf<'PATCH /api/workspaces/current/members/:userId'>> {
    return this.workspaces.updateMember(workspaceId, actor, role, userId, body);
  }

  @Delete('current/members/:userId')
  @HttpCode(204)
  async removeMember(
    @CurrentWorkspace() workspaceId: string,
    @CurrentActor() actor: Actor,
    @CurrentRole() role: Role,
    @Param('userId', uuid) userId: string,
  ): Promise<void> {
    await this.workspaces.removeMember(workspaceId, actor, role, userId);
  }

  @Get('current/invites')
  invites(@CurrentWorkspace() workspaceId: string): Promise<ResponseOf<'GET /api/workspaces/current/invites'>> {
    return this.workspaces.invites(workspaceId);
  }

  @Post('current/invites')
  createInvite(
    @CurrentWorkspace() workspaceId: string,
    @CurrentActor() actor: Actor,
    @CurrentRole() role: Role,
    @Body() body: unknown,
  ): Promise<ResponseOf<'POST /api/workspaces/current/invites'>> {
    return this.workspaces.createInvite(workspaceId, actor, role, body);
  }

  @Delete('current/invites/:id')
  @HttpCode(204)
  async revokeInvite(@CurrentWorkspace() workspaceId: string, @CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<void> {
    await this.workspaces.revokeInvite(workspaceId, actor, id);
  }
}

/** The invite link's public side: what it offers, and accepting it. */
@Controller('api/invites')
export class InvitesController {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly auth: AuthService,
  ) {}

  @Get(':token')
  describe(@Param('token') token: string): Promise<ResponseOf<'GET /api/invites/:token'>> {
    return this.workspaces.describeInvite(token);
  }

  @Post(':token/accept')
  @HttpCode(200)
  async accept(
    @Param('token') token: string,
    @Req() request: AuthedRequest,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResponseOf<'POST /api/invites/:token/accept'>> {
    const actor = request.auth?.actor;
    const signedIn = actor?.type === 'user' ? actor : null;
    const result = await this.workspaces.acceptInvite(token, signedIn, body);
    if (result.session)
      reply.header(
        'set-cookie',
        sessionCookies(result.session.token, result.session.csrfToken, result.session.maxAgeSeconds, this.auth.secureCookies),
      );
    return { workspaceId: result.workspaceId, role: result.role, csrfToken: result.session?.csrfToken };
  }
}
