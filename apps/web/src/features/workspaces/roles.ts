import { can, type Role } from '@switchyard/contract';

// Roles, their words and the permission matrix are the contract's: the api enforces the same table (403).
export {
  type Action,
  ACTION_MIN_ROLE,
  assignableRoles,
  can,
  isRole,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  roleAtLeast,
} from '@switchyard/contract';

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
