import { useQuery } from '@tanstack/react-query';
import { getRedirectUrl, listConnections, queryKeys } from '../../api';

export function useConnections() {
  return useQuery({
    queryKey: queryKeys.connections(),
    queryFn: ({ signal }) => listConnections({ signal }),
    select: (data) => data.items ?? [],
  });
}

export function useRedirectUrl() {
  return useQuery({ queryKey: ['oauth-redirect-url'], queryFn: ({ signal }) => getRedirectUrl({ signal }), staleTime: Infinity });
}
