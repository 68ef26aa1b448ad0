import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { MinRole, Public, SignedIn } from './access.decorators';
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
  @SignedIn()
  async mine(@CurrentActor() actor: Actor) {
    if (actor.type === 'api-key') return [{ id: actor.workspaceId, name: await this.workspaces.name(actor.workspaceId), role: actor.role }];
    return this.auth.memberships(actor.id);
  }

  @Post()
  @SignedIn({ userOnly: true })
  create(@CurrentActor() actor: SessionUser, @Body() body: unknown) {
    return this.workspaces.create(actor, body);
  }

  @Delete('current')
  @MinRole('owner')
  @HttpCode(204)
  async remove(@CurrentWorkspace() workspaceId: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.workspaces.remove(workspaceId, actor);
  }

  @Get('current/members')
  @MinRole('admin')
  members(@CurrentWorkspace() workspaceId: string) {
    return this.workspaces.members(workspaceId);
  }

  @Patch('current/members/:userId')
  @MinRole('admin')
  updateMember(
    @CurrentWorkspace() workspaceId: string,
    @CurrentActor() actor: Actor,
    @CurrentRole() role: Role,
    @Param('userId', uuid) userId: string,
    @Body() body: unknown,
  ) {
    return this.workspaces.updateMember(workspaceId, actor, role, userId, body);
  }

  @Delete('current/members/:userId')
  @MinRole('admin')
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
  @MinRole('admin')
  invites(@CurrentWorkspace() workspaceId: string) {
    return this.workspaces.invites(workspaceId);
  }

  @Post('current/invites')
  @MinRole('admin')
  createInvite(@CurrentWorkspace() workspaceId: string, @CurrentActor() actor: Actor, @CurrentRole() role: Role, @Body() body: unknown) {
    return this.workspaces.createInvite(workspaceId, actor, role, body);
  }

  @Delete('current/invites/:id')
  @MinRole('admin')
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
  @Public()
  describe(@Param('token') token: string) {
    return this.workspaces.describeInvite(token);
  }

  @Post(':token/accept')
  @Public()
  @HttpCode(200)
  async accept(
    @Param('token') token: string,
    @Req() request: AuthedRequest,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
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
