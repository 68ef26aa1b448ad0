import { type Role, ROLES, roleAtLeast } from './roles';

/**
 * The permission matrix: every action a workspace member may take, by the weakest role allowed to
 * take it. The api enforces it (each route in ROUTES names its action, the AccessGuard refuses with
 * 403 below it); the web reads it to decide which buttons to show.
 */
export const ACTION_MIN_ROLE = {
  'workflow.read': 'viewer',
  'run.read': 'viewer',
  'credentials.read': 'viewer',
  'workflow.create': 'editor',
  'workflow.edit': 'editor',
  'workflow.delete': 'editor',
  'workflow.activate': 'editor',
  'run.replay': 'editor',
  'run.start': 'editor',
  'test.run': 'editor',
  'secrets.hints': 'editor',
  'credentials.manage': 'editor',
  'members.read': 'admin',
  'members.manage': 'admin',
  'invites.manage': 'admin',
  'apiKeys.manage': 'admin',
  'audit.read': 'admin',
  'settings.manage': 'admin',
  'owners.manage': 'owner',
  'workspace.delete': 'owner',
  'instance.manage': 'owner',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof ACTION_MIN_ROLE;

export function can(params: { role: Role | null | undefined; action: Action }): boolean {
  return roleAtLeast({ role: params.role, min: ACTION_MIN_ROLE[params.action] });
}

/** The roles someone may hand out (to a member, an invite or an API key): never above their own, none below admin. */
export function assignableRoles(params: { actor: Role | null | undefined }): Role[] {
  const { actor } = params;
  if (!roleAtLeast({ role: actor, min: 'admin' })) return [];
  return [...ROLES].reverse().filter((role) => roleAtLeast({ role: actor, min: role }));
}
