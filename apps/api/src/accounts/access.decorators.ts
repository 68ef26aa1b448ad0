import { ACTION_MIN_ROLE, type Access as RouteAccess } from '@switchyard/contract';
import type { Role } from './roles';

export const ACCESS = 'switchyard:access';

/**
 * What a route needs, as the one global AccessGuard decides it:
 * - `public`: anyone (optionally `duringSetup`: also before the owner account exists);
 * - `signed-in`: any signed-in caller, no workspace role (e.g. listing my workspaces);
 * - `role`: a member of the request's workspace with at least `role`.
 * Each route's access is declared once, in the contract's ROUTES (by the action it performs);
 * `ACCESS` metadata on a handler overrides it, and a route the contract does not list gets
 * `defaultAccess`.
 */
export type Access = { kind: 'public'; duringSetup?: boolean } | { kind: 'signed-in'; userOnly?: boolean } | { kind: 'role'; role: Role };

/** The contract's access of a route, with its action's minimum role from the permission matrix. */
export function accessOf(route: RouteAccess): Access {
  return route.kind === 'action' ? { kind: 'role', role: ACTION_MIN_ROLE[route.action] } : route;
}

/** The default when a route declares nothing: reading is for viewers, changing for editors. */
export function defaultAccess(method: string): Access {
  return { kind: 'role', role: method === 'GET' || method === 'HEAD' ? 'viewer' : 'editor' };
}
