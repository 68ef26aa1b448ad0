import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteConnection, getRedirectUrl, listConnections, queryKeys, renameConnection, testConnection } from '../../api';

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

export function useRenameConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { id: string; name: string }) => renameConnection({ id: params.id, change: { name: params.name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connections() }),
  });
}

export function useDeleteConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { id: string }) => deleteConnection(params),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connections() }),
  });
}

/** "Test connection": the app's identity call; a refusal marks the connection, so the list is read again. */
export function useTestConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { id: string }) => testConnection(params),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.connections() }),
  });
}
