import { ROLES, type Role } from '../database/entities/workspace-member.entity';

export { ROLES, type Role };

/** Whether `role` includes everything `min` may do (owner > admin > editor > viewer). */
export function roleAtLeast(role: Role, min: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(min);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
