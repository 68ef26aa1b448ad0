import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { ResponseOf, SignedIn } from '@switchyard/contract';
import { ServerMailer } from '../mail/server-mailer';
import type { FastifyReply } from 'fastify';
import { type Actor, type AuthedRequest, CurrentActor } from './auth-context';
import { AuthService, LockedError, type NewSession, type SessionUser } from './auth.service';
import { clearedCookies, SESSION_COOKIE, sessionCookies } from './cookies';
import { csrfTokenFor, readCookie } from './tokens';

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly mailer: ServerMailer,
  ) {}

  /** Whether setup is needed, who is signed in, their workspaces, the CSRF token to send and what this server offers. */
  @Get('state')
  async state(@Req() request: AuthedRequest, @CurrentActor() actor: Actor | undefined): Promise<ResponseOf<'GET /api/auth/state'>> {
    const setupRequired = !(await this.auth.hasUsers());
    const sso = this.auth.ssoOffer();
    // Only to callers who are in: whether the server can send e-mail (alerts, invites).
    if (!actor) return { setupRequired, user: null, workspaces: [], ...(sso ? { sso } : {}) };
    const features = { email: this.mailer.configured };
    if (actor.type === 'api-key') {
      return {
        setupRequired,
        user: null,
        workspaces: [{ id: actor.workspaceId, name: null, role: actor.role }],
        apiKey: { id: actor.id, name: actor.name },
        features,
      };
    }
    const token = readCookie(request.headers.cookie, SESSION_COOKIE) as string;
    return {
      setupRequired,
      user: { id: actor.id, email: actor.email, name: actor.name },
      workspaces: await this.auth.memberships(actor.id),
      csrfToken: csrfTokenFor(token),
      features,
    };
  }

  @Post('setup')
  async setup(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<ResponseOf<'POST /api/auth/setup'>> {
    const session = await this.auth.setup(body);
    reply.code(201);
    return this.signIn(reply, session);
  }

  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: unknown,
    @Req() request: AuthedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResponseOf<'POST /api/auth/login'>> {
    try {
      return this.signIn(reply, await this.auth.login(body, request.ip));
    } catch (error) {
      if (error instanceof LockedError) reply.header('retry-after', String(error.retryAfterSeconds()));
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: SessionUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor.sessionId);
    reply.header('set-cookie', clearedCookies(this.auth.secureCookies));
  }

  /** Ends every session of the user, this one included (a lost laptop, a shared computer). */
  @Post('logout-all')
  @HttpCode(204)
  async logoutAll(@CurrentActor() actor: SessionUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logoutAll(actor.id);
    reply.header('set-cookie', clearedCookies(this.auth.secureCookies));
  }

  @Post('password')
  @HttpCode(204)
  async password(@CurrentActor() actor: SessionUser, @Body() body: unknown): Promise<void> {
    await this.auth.changePassword(actor, body);
  }

  private async signIn(reply: FastifyReply, session: NewSession): Promise<SignedIn> {
    reply.header('set-cookie', sessionCookies(session.token, session.csrfToken, session.maxAgeSeconds, this.auth.secureCookies));
    return { user: session.user, workspaces: await this.auth.memberships(session.user.id), csrfToken: session.csrfToken };
  }
}
