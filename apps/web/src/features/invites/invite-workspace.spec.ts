import { describe, expect, it } from 'vitest';
import { workspaceAfterAccept } from './invite-workspace';

const preview = { workspaceName: 'Acme', role: 'viewer' as const, email: null };
const mine = [
  { id: 'w1', name: 'Personal', role: 'owner' as const },
  { id: 'w2', name: 'Acme', role: 'viewer' as const },
];

describe('workspaceAfterAccept', () => {
  it('uses the id in the accept answer', () => {
    expect(workspaceAfterAccept({ response: { workspaceId: 'w2' }, preview, workspaces: mine })).toBe('w2');
    expect(workspaceAfterAccept({ response: { workspace: { id: 'w2', name: 'Acme' } }, preview, workspaces: mine })).toBe('w2');
  });

  it('falls back to the invite, then to the workspace name', () => {
    expect(workspaceAfterAccept({ response: null, preview: { ...preview, workspaceId: 'w2' }, workspaces: mine })).toBe('w2');
    expect(workspaceAfterAccept({ response: {}, preview, workspaces: mine })).toBe('w2');
  });

  it('gives up when the name is ambiguous or unknown', () => {
    const twice = [...mine, { id: 'w3', name: 'Acme', role: 'owner' as const }];
    expect(workspaceAfterAccept({ response: {}, preview, workspaces: twice })).toBeNull();
    expect(workspaceAfterAccept({ response: {}, preview: { ...preview, workspaceName: 'Other' }, workspaces: mine })).toBeNull();
  });
});
