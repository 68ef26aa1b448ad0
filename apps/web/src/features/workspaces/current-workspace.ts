import { getCurrentWorkspaceId, setCurrentWorkspaceId, type WorkspaceMembership } from '../../api';

/**
 * The workspace to work in: the stored one while the user still belongs to it, else their first.
 * Null when they belong to none.
 */
export function pickWorkspace<W extends Pick<WorkspaceMembership, 'id'>>(params: {
  workspaces: readonly W[];
  storedId: string | null;
}): W | null {
  const { workspaces, storedId } = params;
  return workspaces.find((workspace) => workspace.id === storedId) ?? workspaces[0] ?? null;
}

const listeners = new Set<() => void>();

/** The id the http client sends as `x-switchyard-workspace` (kept in localStorage by api/session). */
export function readStoredWorkspaceId(): string | null {
  return getCurrentWorkspaceId();
}

export function writeStoredWorkspaceId(id: string | null): void {
  if (getCurrentWorkspaceId() === id) return;
  setCurrentWorkspaceId(id);
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: re-renders the components that show or use the current workspace. */
export function subscribeStoredWorkspaceId(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
