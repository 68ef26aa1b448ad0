import { describe, expect, it } from 'vitest';
import { ACTION_MIN_ROLE, assignableRoles, can } from './actions';
import { isRole, ROLE_DESCRIPTIONS, ROLE_LABELS, roleAtLeast, ROLES } from './roles';

describe('roles', () => {
  it('orders viewer < editor < admin < owner, and no role is below all', () => {
    expect(ROLES).toEqual(['viewer', 'editor', 'admin', 'owner']);
    expect(roleAtLeast({ role: 'admin', min: 'editor' })).toBe(true);
    expect(roleAtLeast({ role: 'editor', min: 'admin' })).toBe(false);
    expect(roleAtLeast({ role: null, min: 'viewer' })).toBe(false);
  });

  it('labels and describes every role', () => {
    for (const role of ROLES) {
      expect(ROLE_LABELS[role]).toBeTruthy();
      expect(ROLE_DESCRIPTIONS[role]).toMatch(/\.$/);
    }
    expect(isRole('owner')).toBe(true);
    expect(isRole('root')).toBe(false);
  });
});

describe('ACTION_MIN_ROLE', () => {
  it('names a role for every action', () => {
    for (const min of Object.values(ACTION_MIN_ROLE)) expect(isRole(min)).toBe(true);
  });

  it('lets viewers read, editors build, admins manage people and keys, owners delete the workspace', () => {
    expect(can({ role: 'viewer', action: 'workflow.read' })).toBe(true);
    expect(can({ role: 'viewer', action: 'workflow.edit' })).toBe(false);
    expect(can({ role: 'editor', action: 'credentials.manage' })).toBe(true);
    expect(can({ role: 'editor', action: 'apiKeys.manage' })).toBe(false);
    expect(can({ role: 'admin', action: 'members.manage' })).toBe(true);
    expect(can({ role: 'admin', action: 'workspace.delete' })).toBe(false);
    expect(can({ role: 'owner', action: 'workspace.delete' })).toBe(true);
  });

  it('hands out roles up to one’s own, from admin up', () => {
    expect(assignableRoles({ actor: 'admin' })).toEqual(['admin', 'editor', 'viewer']);
    expect(assignableRoles({ actor: 'editor' })).toEqual([]);
  });
});
