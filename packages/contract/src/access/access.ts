import type { Action } from './actions';

/**
 * Who may call a route:
 * - `public`: anyone; the caller is identified when they can be (`duringSetup`: also before the
 *   owner account exists);
 * - `signed-in`: any signed-in user or API key, no workspace role (`userOnly` refuses API keys);
 * - `action`: a member of the request's workspace whose role may take `action` (ACTION_MIN_ROLE).
 */
export type Access =
  { kind: 'public'; duringSetup?: boolean } | { kind: 'signed-in'; userOnly?: boolean } | { kind: 'action'; action: Action };
