import type { ApiKey } from '../../api';

/** How a key is recognised in lists without showing it: its prefix, then an ellipsis. */
export function maskedKey(params: { prefix: string }): string {
  return `${params.prefix}…`;
}

/** Who created a key: the user's e-mail (the contract's shape), or what older servers gave (a label, a user with a name). */
export function createdByLabel(params: {
  createdBy: ApiKey['createdBy'] | string | { id: string; email?: string; name?: string | null };
}): string | null {
  const { createdBy } = params;
  if (!createdBy) return null;
  if (typeof createdBy === 'string') return createdBy;
  return ('name' in createdBy ? createdBy.name : null) || createdBy.email || null;
}

/** The header that authenticates a request with the key, for the copy-once panel. */
export function authorizationExample(params: { key: string; origin: string }): string {
  return `curl -H 'authorization: Bearer ${params.key}' ${params.origin}/api/workflows`;
}
