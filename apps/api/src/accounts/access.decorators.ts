import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles';

export const ACCESS = 'switchyard:access';

/**
 * What a route needs, read by the one global AccessGuard:
 * - `public`: anyone (optionally `duringSetup`: also before the owner account exists);
 * - `signed-in`: any signed-in caller, no workspace role (e.g. listing my workspaces);
 * - `role`: a member of the request's workspace with at least `role`.
 * Routes without a declaration get `role` viewer for GET and editor for everything else.
 */
export type Access = { kind: 'public'; duringSetup?: boolean } | { kind: 'signed-in'; userOnly?: boolean } | { kind: 'role'; role: Role };

/** Open to anyone: the guard authenticates if it can but refuses nobody. */
export const Public = (options: { duringSetup?: boolean } = {}) => SetMetadata(ACCESS, { kind: 'public', ...options } satisfies Access);

/** Any authenticated caller; `userOnly` refuses API keys (e.g. changing a password). */
export const SignedIn = (options: { userOnly?: boolean } = {}) => SetMetadata(ACCESS, { kind: 'signed-in', ...options } satisfies Access);

/** The weakest workspace role allowed to call the route. */
export const MinRole = (role: Role) => SetMetadata(ACCESS, { kind: 'role', role } satisfies Access);

/** The default when a route declares nothing: reading is for viewers, changing for editors. */
export function defaultAccess(method: string): Access {
  return { kind: 'role', role: method === 'GET' || method === 'HEAD' ? 'viewer' : 'editor' };
}
