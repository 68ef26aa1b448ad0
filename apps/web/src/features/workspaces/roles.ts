import type { Role } from '../../api';

/** Least to most powerful; a role can do everything the roles before it can. */
export const ROLES_ASCENDING: readonly Role[] = ['viewer', 'editor', 'admin', 'owner'];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything, including managing owners.',
  admin: 'Manages members, invites, API keys; reads the audit log.',
  editor: 'Builds, switches on and replays workflows; uses credentials.',
  viewer: 'Reads workflows and run history. No edits, no secrets.',
};

/**
 * What the UI offers, by the least role that may do it. The API enforces the same rules (403);
 * these only decide which buttons to show.
 */
export const ACTION_MIN_ROLE = {
  'workflow.create': 'editor',
  'workflow.edit': 'editor',
  'workflow.delete': 'editor',
  'workflow.activate': 'editor',
  'run.replay': 'editor',
  'test.run': 'editor',
  'secrets.hints': 'editor',
  'credentials.manage': 'editor',
  'members.read': 'admin',
  'members.manage': 'admin',
  'invites.manage': 'admin',
  'apiKeys.manage': 'admin',
  'audit.read': 'admin',
  'owners.manage': 'owner',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof ACTION_MIN_ROLE;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES_ASCENDING as readonly string[]).includes(value);
}

/** True when `role` is `min` or more powerful; no role (signed out, no workspace) is never enough. */
export function roleAtLeast(params: { role: Role | null | undefined; min: Role }): boolean {
  const { role, min } = params;
  if (!role) return false;
  return ROLES_ASCENDING.indexOf(role) >= ROLES_ASCENDING.indexOf(min);
}

export function can(params: { role: Role | null | undefined; action: Action }): boolean {
  return roleAtLeast({ role: params.role, min: ACTION_MIN_ROLE[params.action] });
}

/** The roles someone may hand out (to a member, an invite or an API key): never above their own, owner only by owners. */
export function assignableRoles(params: { actor: Role | null | undefined }): Role[] {
  const { actor } = params;
  if (!roleAtLeast({ role: actor, min: 'admin' })) return [];
  return [...ROLES_ASCENDING].reverse().filter((role) => roleAtLeast({ role: actor, min: role }));
}

/** Whether the actor may change or remove this member (admins leave owners alone). */
export function canManageMember(params: { actor: Role | null | undefined; member: Role }): boolean {
  const { actor, member } = params;
  if (!can({ role: actor, action: 'members.manage' })) return false;
  return member !== 'owner' || actor === 'owner';
}

/** Counting owners lets the UI explain the refusal before the API answers 409. */
export function isLastOwner(params: { member: { role: Role }; members: ReadonlyArray<{ role: Role }> }): boolean {
  const { member, members } = params;
  return member.role === 'owner' && members.filter((other) => other.role === 'owner').length <= 1;
}
