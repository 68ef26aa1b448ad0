import { useQuery } from '@tanstack/react-query';
import { getAuthState, queryKeys } from '../../api';

/** Who is signed in and their workspaces; every page shares this one query. */
export function useAuthState() {
  return useQuery({ queryKey: queryKeys.authState(), queryFn: ({ signal }) => getAuthState({ signal }), staleTime: 30_000 });
}
