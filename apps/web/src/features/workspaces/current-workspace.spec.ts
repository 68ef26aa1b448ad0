import { describe, expect, it } from 'vitest';
import { pickWorkspace } from './current-workspace';

const acme = { id: 'w1', name: 'Acme', role: 'owner' as const };
const beta = { id: 'w2', name: 'Beta', role: 'viewer' as const };

describe('pickWorkspace', () => {
  it('keeps the stored workspace while the user belongs to it', () => {
    expect(pickWorkspace({ workspaces: [acme, beta], storedId: 'w2' })).toBe(beta);
  });

  it('falls back to the first workspace when the stored one is gone or unset', () => {
    expect(pickWorkspace({ workspaces: [acme, beta], storedId: 'removed' })).toBe(acme);
    expect(pickWorkspace({ workspaces: [acme, beta], storedId: null })).toBe(acme);
  });

  it('is null without any workspace', () => {
    expect(pickWorkspace({ workspaces: [], storedId: 'w1' })).toBeNull();
  });
});
