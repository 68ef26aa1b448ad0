import { describe, expect, it } from 'vitest';
import { readVerify, verifyForScheme, withSecret, withSetting } from './verify-settings';

describe('verify settings', () => {
  it('reads the verify part of a trigger', () => {
    expect(readVerify({ type: 'webhook' })).toBeNull();
    expect(readVerify({ type: 'webhook', verify: { scheme: 'stripe', secretHints: ['whsec_…a1'] } })).toEqual({
      scheme: 'stripe',
      secretHints: ['whsec_…a1'],
    });
  });

  it('switching scheme drops the old settings and clears the stored secrets', () => {
    expect(verifyForScheme({ current: null, scheme: 'github' })).toEqual({ scheme: 'github' });
    expect(verifyForScheme({ current: { scheme: 'hmac', header: 'X-Sig', secretHints: ['a…b'] }, scheme: 'github' })).toEqual({
      scheme: 'github',
      secrets: [],
    });
    const same = { scheme: 'github', secretHints: ['x'] };
    expect(verifyForScheme({ current: same, scheme: 'github' })).toBe(same);
    expect(verifyForScheme({ current: same, scheme: '' })).toBeUndefined();
  });

  it('sends a typed secret, keeps the stored one when the field is empty, and removes blank settings', () => {
    expect(withSecret({ verify: { scheme: 'github' }, secret: 's' })).toEqual({ scheme: 'github', secrets: ['s'] });
    expect(withSecret({ verify: { scheme: 'github', secrets: ['s'] }, secret: '' })).toEqual({ scheme: 'github' });
    expect(withSetting({ verify: { scheme: 'hmac', header: 'X' }, key: 'header', value: ' ' })).toEqual({ scheme: 'hmac' });
    expect(withSetting({ verify: { scheme: 'hmac' }, key: 'header', value: 'X-Sig' })).toEqual({ scheme: 'hmac', header: 'X-Sig' });
  });
});
