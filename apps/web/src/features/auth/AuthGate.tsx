import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { getCurrentWorkspaceId, onUnauthorized, setCurrentWorkspaceId } from '../../api';
import { ErrorState, LoadingState } from '../../ui';
import { authStateKey } from './auth.api';
import { useAuthState } from './use-auth';

/**
 * Wraps the app: the setup page until an owner exists, the sign-in page without a session, the
 * app otherwise. A 401 from any call (session gone) re-reads the state, which lands on sign-in.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const state = useAuthState();
  const queryClient = useQueryClient();
  const location = useLocation();

  useEffect(() => onUnauthorized(() => void queryClient.invalidateQueries({ queryKey: authStateKey })), [queryClient]);

  const workspaces = state.data?.workspaces;
  useEffect(() => {
    // A remembered workspace the user no longer belongs to is forgotten (the server would answer 404).
    const current = getCurrentWorkspaceId();
    if (workspaces && current && !workspaces.some((w) => w.id === current)) setCurrentWorkspaceId(null);
  }, [workspaces]);

  if (state.isPending) return <LoadingState label="Loading" />;
  if (state.isError) return <ErrorState title="Could not reach Switchyard" error={state.error} onRetry={() => void state.refetch()} />;
  if (state.data.setupRequired) return <Navigate to="/setup" replace />;
  if (!state.data.user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
