import type { WorkspaceMembership } from '../../api';

/** localStorage key of the workspace the UI works in; the http client sends it as `x-switchyard-workspace`. */
export const WORKSPACE_STORAGE_KEY = 'switchyard.workspace';

/**
 * The workspace to work in: the stored one while the user still belongs to it, else their first.
 * Null when they belong to none.
 */
export function pickWorkspace(params: { workspaces: readonly WorkspaceMembership[]; storedId: string | null }): WorkspaceMembership | null {
  const { workspaces, storedId } = params;
  return workspaces.find((workspace) => workspace.id === storedId) ?? workspaces[0] ?? null;
}

const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage can be switched off (privacy settings); the UI then falls back to the first workspace.
    return null;
  }
}

export function readStoredWorkspaceId(): string | null {
  return storage()?.getItem(WORKSPACE_STORAGE_KEY) ?? null;
}

export function writeStoredWorkspaceId(id: string | null): void {
  const store = storage();
  if (!store) return;
  if (readStoredWorkspaceId() === id) return;
  if (id) store.setItem(WORKSPACE_STORAGE_KEY, id);
  else store.removeItem(WORKSPACE_STORAGE_KEY);
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: this tab's writes notify at once, other tabs' through the storage event. */
export function subscribeStoredWorkspaceId(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === WORKSPACE_STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
