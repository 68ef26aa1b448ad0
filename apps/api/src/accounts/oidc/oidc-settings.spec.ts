import { describe, expect, it } from 'vitest';
import { domainAllowed, parseGroupRoles, roleFromGroups } from './oidc-settings';

describe('single sign-on settings', () => {
  it('reads group=role pairs, ignoring unknown roles', () => {
    expect([...parseGroupRoles(' admins = admin, devs=editor,bad=root ,')]).toEqual([
      ['admins', 'admin'],
      ['devs', 'editor'],
    ]);
  });

  it('gives the highest role of the mapped groups, or null', () => {
    const map = parseGroupRoles('devs=editor,admins=admin,readers=viewer');
    expect(roleFromGroups(['readers', 'admins', 'devs'], map)).toBe('admin');
    expect(roleFromGroups('devs', map)).toBe('editor');
    expect(roleFromGroups(['others'], map)).toBeNull();
    expect(roleFromGroups(undefined, map)).toBeNull();
    expect(roleFromGroups([42, { name: 'admins' }], map)).toBeNull();
  });

  it('allows any domain with an empty list, else only the listed ones (not their lookalikes)', () => {
    expect(domainAllowed('a@anything.test', [])).toBe(true);
    expect(domainAllowed('a@Example.com', ['example.com'])).toBe(true);
    expect(domainAllowed('a@example.com.evil.test', ['example.com'])).toBe(false);
    expect(domainAllowed('a@sub.example.com', ['example.com'])).toBe(false);
  });
});
