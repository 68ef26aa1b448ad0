import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { createWorkspace, type WorkspaceMembership } from '../../api';
import { authStateKey, type AuthState } from '../auth/auth.api';
import { writeStoredWorkspaceId } from './current-workspace';

/**
 * Moves the UI to another workspace: every cached answer belonged to the old one, so the cache is
 * reset (the auth state excepted) and the pages refetch with the new workspace header.
 */
export function useSwitchWorkspace() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (id: string) => {
    writeStoredWorkspaceId(id);
    // Pages of the old workspace (a workflow, a run) do not exist in the new one.
    void navigate('/');
    // Reset, not just invalidate: no page may show the old workspace's data while the new one loads.
    void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== authStateKey[0] });
  };
}

/** Creates a workspace (the creator becomes its owner) and switches to it. */
export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  const switchTo = useSwitchWorkspace();
  return useMutation({
    mutationFn: (params: { name: string }) => createWorkspace(params),
    onSuccess: async (created: WorkspaceMembership) => {
      const workspace = { ...created, role: created.role ?? 'owner' };
      queryClient.setQueryData(authStateKey, (old: AuthState | undefined) =>
        old && !old.workspaces.some((item) => item.id === workspace.id) ? { ...old, workspaces: [...old.workspaces, workspace] } : old,
      );
      switchTo(workspace.id);
      await queryClient.invalidateQueries({ queryKey: authStateKey });
    },
  });
}
