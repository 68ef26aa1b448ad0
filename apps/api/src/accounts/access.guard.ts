import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../common/api-error';
import { isUuid } from '../common/ids';
import { contractRouteOf } from '../contract/contract-route';
import { ACCESS, type Access, accessOf, defaultAccess } from './access.decorators';
import { ApiKeysService } from './api-keys.service';
import type { Actor, AuthContext, AuthedRequest } from './auth-context';
import { AuthService } from './auth.service';
import { CSRF_HEADER, SESSION_COOKIE, WORKSPACE_HEADER } from './cookies';
import { type Role, roleAtLeast } from './roles';
import { csrfTokenFor, readCookie, safeEqual } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The pure part of the decision: may `role` use a route that needs `access`? */
export function roleAllows(access: Access, role: Role | undefined): boolean {
  if (access.kind !== 'role') return true;
  return roleAtLeast({ role, min: access.role });
}

/**
 * The one place where access to /api is decided (registered as APP_GUARD): setup state,
 * authentication (API key or session cookie), CSRF for cookie-authenticated changes, the
 * request's workspace and the role the route declares. Controllers only read the result.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const route = contractRouteOf(context.getClass(), context.getHandler());
    const access =
      this.reflector.getAllAndOverride<Access | undefined>(ACCESS, [context.getHandler(), context.getClass()]) ??
      (route ? accessOf(route.access) : defaultAccess(request.method));

    if (!(access.kind === 'public' && access.duringSetup) && !(await this.auth.hasUsers())) {
      throw new ApiError(403, 'setup_required', 'Switchyard has no owner account yet: create it first (POST /api/auth/setup)');
    }

    const actor = await this.authenticate(request, access.kind === 'public');
    if (access.kind === 'public') {
      if (actor) request.auth = { actor };
      return true;
    }
    if (!actor) throw new ApiError(401, 'unauthenticated', 'Sign in, or send an API key as Authorization: Bearer');
    if (access.kind === 'signed-in') {
      if (access.userOnly && actor.type !== 'user') throw new ApiError(403, 'user_required', 'This needs a signed-in user, not an API key');
      request.auth = { actor };
      return true;
    }

    const resolved = await this.workspaceOf(request, actor);
    request.auth = resolved;
    if (!roleAllows(access, resolved.role)) {
      throw new ApiError(
        403,
        'forbidden',
        `This needs the ${access.kind === 'role' ? access.role : ''} role or above in this workspace; you are ${resolved.role}`,
      );
    }
    return true;
  }

  /** The caller, or null when nothing identifies them. A bad or stale credential is refused even on public routes. */
  private async authenticate(request: AuthedRequest, lenient: boolean): Promise<Actor | null> {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match ? await this.apiKeys.authenticate(match[1]) : null;
      if (!actor) {
        if (lenient) return null;
        throw new ApiError(401, 'invalid_api_key', 'The API key is unknown or revoked');
      }
      return actor;
    }
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!token) return null;
    const user = await this.auth.userForSession(token);
    if (!user) return null;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(token))) {
        if (lenient) return null;
        throw new ApiError(403, 'csrf_failed', `Missing or wrong ${CSRF_HEADER} header (send the value of the sy_csrf cookie)`);
      }
    }
    return { type: 'user', ...user };
  }

  /**
   * The request's workspace: an API key's own; for a user the `x-switchyard-workspace` header (or
   * `?workspace=` for EventSource and download links, which cannot send headers), else their first.
   * Naming a workspace one is not a member of answers 404, exactly as an unknown one.
   */
  private async workspaceOf(request: AuthedRequest, actor: Actor): Promise<AuthContext> {
    const query = request.query as Record<string, unknown> | undefined;
    const headerValue = request.headers[WORKSPACE_HEADER];
    const named = typeof headerValue === 'string' ? headerValue : typeof query?.workspace === 'string' ? query.workspace : undefined;
    if (actor.type === 'api-key') {
      if (named !== undefined && named !== actor.workspaceId)
        throw new ApiError(403, 'wrong_workspace', 'This API key belongs to another workspace');
      return { actor, workspaceId: actor.workspaceId, role: actor.role };
    }
    const memberships = await this.auth.memberships(actor.id);
    if (named !== undefined) {
      const m = isUuid(named) ? memberships.find((w) => w.id === named) : undefined;
      if (!m) throw new ApiError(404, 'not_found', `Workspace ${named} does not exist`);
      return { actor, workspaceId: m.id, role: m.role };
    }
    const first = memberships[0];
    if (!first) throw new ApiError(403, 'no_workspace', 'You are not a member of any workspace: ask for an invite');
    return { actor, workspaceId: first.id, role: first.role };
  }
}
