import type { AuditEntry } from '../../api';

const VERBS: Record<string, string> = {
  created: 'Created',
  create: 'Created',
  updated: 'Updated',
  update: 'Updated',
  deleted: 'Deleted',
  delete: 'Deleted',
  removed: 'Removed',
  remove: 'Removed',
  activated: 'Switched on',
  deactivated: 'Switched off',
  paused: 'Switched off',
  resumed: 'Switched on',
  replayed: 'Replayed',
  replay: 'Replayed',
  revoked: 'Revoked',
  accepted: 'Accepted',
  invited: 'Invited',
  joined: 'Joined',
  role_changed: 'Changed the role of',
  'role-changed': 'Changed the role of',
  roleChanged: 'Changed the role of',
  signed_in: 'Signed in',
  'signed-in': 'Signed in',
  signed_out: 'Signed out',
  password_changed: 'Changed the password of',
  'password-changed': 'Changed the password of',
};

const NOUNS: Record<string, string> = {
  workflow: 'workflow',
  run: 'run',
  runs: 'runs',
  credential: 'credential',
  member: 'member',
  membership: 'member',
  invite: 'invite',
  api_key: 'API key',
  'api-key': 'API key',
  apiKey: 'API key',
  workspace: 'workspace',
  user: 'user',
  session: 'session',
  request: 'request',
};

/** Whole actions whose noun-verb reading would be clumsy. */
const PHRASES: Record<string, string> = {
  'member.joined': 'Joined the workspace',
  'member.role-changed': 'Changed a member’s role',
  'member.role_changed': 'Changed a member’s role',
  'member.removed': 'Removed a member',
  'workspace.created': 'Created the workspace',
  'user.password-changed': 'Changed their password',
};

function words(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}

/**
 * An audit action code (`workflow.updated`, `member.role_changed`, `api_key.created`) in plain
 * words ("Updated workflow"); unknown codes are still made readable rather than hidden.
 */
export function describeAction(action: string): string {
  if (PHRASES[action]) return PHRASES[action];
  const [noun, ...rest] = action.split('.');
  const verb = rest.join('.');
  if (!verb) return words(action).replace(/^./, (first) => first.toUpperCase());
  const thing = NOUNS[noun] ?? words(noun);
  const done = VERBS[verb] ?? words(verb).replace(/^./, (first) => first.toUpperCase());
  return `${done} ${thing}`;
}

/** Who did it: a person's label, an API key, or the system (tolerant of older servers' actor types and missing labels). */
export function describeActor(actor: { type: string; id: string | null; label: string | null }): string {
  const label = actor.label ?? actor.id ?? '';
  if (actor.type === 'api_key' || actor.type === 'api-key' || actor.type === 'apiKey')
    return /^api key\b/i.test(label) ? label : `API key ${label}`.trim();
  if (actor.type === 'system') return 'Switchyard';
  return label || 'Unknown';
}

export function describeTarget(target: AuditEntry['target'] | null): string {
  if (!target) return '';
  if (target.name) return target.name;
  // Invites without an email are for whoever has the link.
  if (target.type === 'invite') return 'Invite link';
  return target.id ? `${words(target.type)} ${target.id.slice(0, 8)}` : words(target.type);
}

/** Whether the entry has something to compare (a definition before and after, a changed role...). */
export function hasChanges(entry: Pick<AuditEntry, 'before' | 'after'>): boolean {
  return (entry.before !== null && entry.before !== undefined) || (entry.after !== null && entry.after !== undefined);
}
