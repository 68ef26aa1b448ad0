import { describe, expect, it } from 'vitest';
import { ssoForm, ssoRequest } from './sso-form';

const stored = {
  issuer: 'https://login.example.com',
  clientId: 'switchyard',
  clientSecretSet: true,
  name: 'Example login',
  allowedDomains: ['example.com', 'example.org'],
  defaultRole: 'viewer',
  groupsClaim: 'groups',
  groupRoles: [
    { group: 'ops', role: 'admin' },
    { group: 'dev', role: 'editor' },
  ],
  passwordSignIn: false,
  breakGlassEmail: 'root@example.com',
};
const base = { redirectUrl: 'https://hooks.example.com/api/auth/oidc/callback', canEdit: true, updatedAt: null };

describe('single sign-on form', () => {
  it('edits what is stored, never holding the secret, and sends it back unchanged without one', () => {
    const form = ssoForm({ ...base, source: 'settings', settings: stored, environment: null });
    expect(form).toEqual({
      issuer: 'https://login.example.com',
      clientId: 'switchyard',
      clientSecret: '',
      name: 'Example login',
      allowedDomains: 'example.com, example.org',
      defaultRole: 'viewer',
      groupsClaim: 'groups',
      groupRoles: 'ops = admin\ndev = editor',
      passwordSignIn: false,
      breakGlassEmail: 'root@example.com',
    });
    expect(ssoRequest(form)).toEqual({
      issuer: 'https://login.example.com',
      clientId: 'switchyard',
      name: 'Example login',
      allowedDomains: ['example.com', 'example.org'],
      defaultRole: 'viewer',
      groupsClaim: 'groups',
      groupRoles: [
        { group: 'ops', role: 'admin' },
        { group: 'dev', role: 'editor' },
      ],
      passwordSignIn: false,
      breakGlassEmail: 'root@example.com',
    });
    expect(ssoRequest({ ...form, clientSecret: 'new-secret' }).clientSecret).toBe('new-secret');
  });

  it('starts from the environment’s settings, or empty', () => {
    expect(ssoForm({ ...base, source: 'environment', settings: null, environment: { ...stored, name: 'Env' } }).name).toBe('Env');
    const empty = ssoForm({ ...base, source: 'none', settings: null, environment: null });
    expect(empty).toMatchObject({ issuer: '', groupRoles: '', passwordSignIn: true, breakGlassEmail: '' });
    expect(ssoRequest({ ...empty, groupRoles: 'staff=Editor\n\n  bad line ' }).groupRoles).toEqual([
      { group: 'staff', role: 'editor' },
      { group: 'bad line', role: '' },
    ]);
  });
});
