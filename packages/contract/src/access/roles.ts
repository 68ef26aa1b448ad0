/** A member's (or an API key's) role in one workspace, weakest first: each role can do everything the roles before it can. */
export const ROLES = ['viewer', 'editor', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/** How the UI names each role. */
export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  viewer: 'Viewer',
};

/** One sentence per role: what it may do (ACTION_MIN_ROLE is the rule). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything, including managing owners.',
  admin: 'Manages members, invites, API keys; reads the audit log.',
  editor: 'Builds, switches on and replays workflows; uses credentials.',
  viewer: 'Reads workflows and run history. No edits, no secrets.',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is `min` or more powerful; no role (signed out, no workspace) is never enough. */
export function roleAtLeast(params: { role: Role | null | undefined; min: Role }): boolean {
  const { role, min } = params;
  if (!role) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(min);
}
