import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Role } from './roles';

/** Who is calling: a signed-in user (through the session cookie) or a workspace API key. */
export type Actor =
  | { type: 'user'; id: string; email: string; name: string; sessionId: string }
  | { type: 'api-key'; id: string; name: string; workspaceId: string; role: Role };

/** What the AccessGuard established for a request. `workspaceId`/`role` are set for workspace routes. */
export interface AuthContext {
  actor: Actor;
  workspaceId?: string;
  role?: Role;
}

export type AuthedRequest = FastifyRequest & { auth?: AuthContext };

export function authOf(context: ExecutionContext): AuthContext | undefined {
  return context.switchToHttp().getRequest<AuthedRequest>().auth;
}

/** The caller, or undefined on a public route called anonymously. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | undefined => authOf(context)?.actor);

/** The caller's role in the request's workspace. */
export const CurrentRole = createParamDecorator((_data: unknown, context: ExecutionContext): Role | undefined => authOf(context)?.role);

/** A short label for logs and the audit log: the user's email or the key's name. */
export function actorLabel(actor: Actor): string {
  return actor.type === 'user' ? actor.email : `API key ${actor.name}`;
}
