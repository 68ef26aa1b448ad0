import { describe, expect, it } from 'vitest';
import { assignableRoles, can, canManageMember, isLastOwner, isRole, roleAtLeast } from './roles';

describe('roleAtLeast', () => {
  it('orders viewer < editor < admin < owner', () => {
    expect(roleAtLeast({ role: 'owner', min: 'admin' })).toBe(true);
    expect(roleAtLeast({ role: 'admin', min: 'admin' })).toBe(true);
    expect(roleAtLeast({ role: 'editor', min: 'admin' })).toBe(false);
    expect(roleAtLeast({ role: 'viewer', min: 'editor' })).toBe(false);
    expect(roleAtLeast({ role: 'viewer', min: 'viewer' })).toBe(true);
  });

  it('treats no role as below every role', () => {
    expect(roleAtLeast({ role: null, min: 'viewer' })).toBe(false);
    expect(roleAtLeast({ role: undefined, min: 'viewer' })).toBe(false);
  });
});

describe('can', () => {
  it('lets viewers read but not build, replay or see secret hints', () => {
    for (const action of [
      'workflow.create',
      'workflow.edit',
      'workflow.delete',
      'workflow.activate',
      'run.replay',
      'test.run',
      'secrets.hints',
      'credentials.manage',
    ] as const) {
      expect(can({ role: 'viewer', action })).toBe(false);
      expect(can({ role: 'editor', action })).toBe(true);
    }
  });

  it('keeps members, invites, API keys and the audit log to admins and owners', () => {
    for (const action of ['members.manage', 'invites.manage', 'apiKeys.manage', 'audit.read'] as const) {
      expect(can({ role: 'editor', action })).toBe(false);
      expect(can({ role: 'admin', action })).toBe(true);
      expect(can({ role: 'owner', action })).toBe(true);
    }
  });

  it('lets only owners manage owners', () => {
    expect(can({ role: 'admin', action: 'owners.manage' })).toBe(false);
    expect(can({ role: 'owner', action: 'owners.manage' })).toBe(true);
  });
});

describe('assignableRoles', () => {
  it('gives owners every role, most powerful first', () => {
    expect(assignableRoles({ actor: 'owner' })).toEqual(['owner', 'admin', 'editor', 'viewer']);
  });

  it('never lets an admin hand out owner', () => {
    expect(assignableRoles({ actor: 'admin' })).toEqual(['admin', 'editor', 'viewer']);
  });

  it('gives editors and viewers nothing to hand out', () => {
    expect(assignableRoles({ actor: 'editor' })).toEqual([]);
    expect(assignableRoles({ actor: 'viewer' })).toEqual([]);
    expect(assignableRoles({ actor: null })).toEqual([]);
  });
});

describe('canManageMember', () => {
  it('lets admins manage everyone but owners', () => {
    expect(canManageMember({ actor: 'admin', member: 'editor' })).toBe(true);
    expect(canManageMember({ actor: 'admin', member: 'admin' })).toBe(true);
    expect(canManageMember({ actor: 'admin', member: 'owner' })).toBe(false);
    expect(canManageMember({ actor: 'owner', member: 'owner' })).toBe(true);
    expect(canManageMember({ actor: 'editor', member: 'viewer' })).toBe(false);
  });
});

describe('isLastOwner', () => {
  const owner = { role: 'owner' as const };
  it('is true for the only owner', () => {
    expect(isLastOwner({ member: owner, members: [owner, { role: 'viewer' }] })).toBe(true);
  });
  it('is false when another owner remains, and for non-owners', () => {
    expect(isLastOwner({ member: owner, members: [owner, { role: 'owner' }] })).toBe(false);
    expect(isLastOwner({ member: { role: 'admin' }, members: [owner, { role: 'admin' }] })).toBe(false);
  });
});

describe('isRole', () => {
  it('accepts the four roles only', () => {
    expect(['owner', 'admin', 'editor', 'viewer'].every(isRole)).toBe(true);
    expect(isRole('superuser')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
