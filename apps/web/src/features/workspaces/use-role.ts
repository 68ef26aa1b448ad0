import { useEffect, useSyncExternalStore } from 'react';
import type { AuthState } from '@switchyard/contract';
import type { Role } from '../../api';
import { pickWorkspace, readStoredWorkspaceId, subscribeStoredWorkspaceId, writeStoredWorkspaceId } from './current-workspace';
import { can, type Action } from './roles';
import { useAuthState } from '../auth/use-auth';

/** The workspace the UI works in, from the auth state and the stored choice. Keeps the stored id valid. */
type Workspace = AuthState['workspaces'][number];

export function useCurrentWorkspace(): { workspace: Workspace | null; workspaces: Workspace[]; isPending: boolean } {
  const auth = useAuthState();
  const storedId = useSyncExternalStore(subscribeStoredWorkspaceId, readStoredWorkspaceId, () => null);
  const workspaces = auth.data?.workspaces ?? [];
  const workspace = pickWorkspace({ workspaces, storedId });
  useEffect(() => {
    if (workspace && workspace.id !== storedId) writeStoredWorkspaceId(workspace.id);
  }, [workspace, storedId]);
  return { workspace, workspaces, isPending: auth.isPending };
}

/** The signed-in user's role in the current workspace; null while loading or without one. */
export function useRole(): Role | null {
  return useCurrentWorkspace().workspace?.role ?? null;
}

/** Whether the current role may do `action`. Decides which buttons show; the API enforces it anyway. */
export function useCan(action: Action): boolean {
  return can({ role: useRole(), action });
}
