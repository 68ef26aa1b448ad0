import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createApiKey, listApiKeys, queryKeys, revokeApiKey, type ApiKey, type Role } from '../../api';

export function useApiKeys() {
  return useQuery({ queryKey: queryKeys.apiKeys(), queryFn: ({ signal }) => listApiKeys({ signal }) });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { name: string; role: Role }) => createApiKey(params),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys() }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { id: string }) => revokeApiKey(params),
    onSuccess: (_result, params) => {
      queryClient.setQueryData(queryKeys.apiKeys(), (old: ApiKey[] | undefined) => old?.filter((key) => key.id !== params.id));
    },
  });
}
