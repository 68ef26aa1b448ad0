import { useQuery } from '@tanstack/react-query';
import { authStateKey, getAuthState } from './auth.api';

/** The auth state, shared by the gate, the sign-in pages and the shell. */
export function useAuthState() {
  return useQuery({ queryKey: authStateKey, queryFn: ({ signal }) => getAuthState(signal), staleTime: 30_000, retry: 1 });
}
