import { describe, expect, it } from 'vitest';
import { describeAction, describeActor, describeTarget, hasChanges } from './audit-labels';

describe('describeAction', () => {
  it('reads noun.verb codes', () => {
    expect(describeAction('workflow.updated')).toBe('Updated workflow');
    expect(describeAction('api_key.created')).toBe('Created API key');
    expect(describeAction('member.removed')).toBe('Removed a member');
    expect(describeAction('invite.revoked')).toBe('Revoked invite');
    expect(describeAction('workflow.activated')).toBe('Switched on workflow');
  });

  it('phrases member changes as sentences', () => {
    expect(describeAction('member.joined')).toBe('Joined the workspace');
    expect(describeAction('member.role-changed')).toBe('Changed a member’s role');
  });

  it('keeps unknown codes readable', () => {
    expect(describeAction('webhook_secret.rotated')).toBe('Rotated webhook secret');
    expect(describeAction('maintenance')).toBe('Maintenance');
  });
});

describe('describeActor', () => {
  it('names users, keys and the system', () => {
    expect(describeActor({ type: 'user', id: 'u1', label: 'ada@example.com' })).toBe('ada@example.com');
    expect(describeActor({ type: 'api-key', id: 'k1', label: 'Deploy' })).toBe('API key Deploy');
    expect(describeActor({ type: 'api-key', id: 'k1', label: 'API key Deploy' })).toBe('API key Deploy');
    expect(describeActor({ type: 'system', id: null, label: null })).toBe('Switchyard');
    expect(describeActor({ type: 'user', id: null, label: null })).toBe('Unknown');
  });
});

describe('describeTarget', () => {
  it('prefers the name, else the type and a short id', () => {
    expect(describeTarget({ type: 'workflow', id: '0190a7c2-aaaa', name: 'Orders' })).toBe('Orders');
    expect(describeTarget({ type: 'api_key', id: '0190a7c2-aaaa', name: null })).toBe('api key 0190a7c2');
    expect(describeTarget(null)).toBe('');
    expect(describeTarget({ type: 'invite', id: '0190a7c2-bbbb', name: null })).toBe('Invite link');
    expect(describeTarget({ type: 'invite', id: '0190a7c2-bbbb', name: 'sam@example.com' })).toBe('sam@example.com');
  });
});

describe('hasChanges', () => {
  it('is true when either side is there', () => {
    expect(hasChanges({ before: null, after: { a: 1 } })).toBe(true);
    expect(hasChanges({ before: null, after: null })).toBe(false);
    expect(hasChanges({ before: undefined, after: undefined })).toBe(false);
  });
});
