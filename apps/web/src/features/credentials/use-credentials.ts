import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createCredential,
  deleteCredential,
  listCredentials,
  listCredentialTypes,
  queryKeys,
  updateCredential,
  type CreateCredentialRequest,
  type UpdateCredentialRequest,
} from '../../api';

export function useCredentials() {
  return useQuery({
    queryKey: queryKeys.credentials(),
    queryFn: ({ signal }) => listCredentials({ signal }),
    select: (data) => data.items ?? [],
  });
}

/** The registry of credential types; it changes only with a new release. */
export function useCredentialTypes() {
  return useQuery({
    queryKey: queryKeys.credentialTypes(),
    queryFn: ({ signal }) => listCredentialTypes({ signal }),
    select: (data) => data.items ?? [],
    staleTime: Infinity,
  });
}

export function useCreateCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credential: CreateCredentialRequest) => createCredential({ credential }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.credentials() }),
  });
}

export function useUpdateCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { id: string; change: UpdateCredentialRequest }) => updateCredential(params),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.credentials() }),
  });
}

export function useDeleteCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { id: string }) => deleteCredential(params),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.credentials() }),
  });
}
