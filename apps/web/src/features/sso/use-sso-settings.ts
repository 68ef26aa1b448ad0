import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getSsoSettings,
  queryKeys,
  removeSsoSettings,
  testSsoDiscovery,
  updateSsoSettings,
  type UpdateSsoSettingsRequest,
} from '../../api';

export function useSsoSettings() {
  return useQuery({ queryKey: queryKeys.ssoSettings(), queryFn: ({ signal }) => getSsoSettings({ signal }) });
}

export function useUpdateSsoSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSsoSettingsRequest) => updateSsoSettings(body),
    onSuccess: (settings) => queryClient.setQueryData(queryKeys.ssoSettings(), settings),
  });
}

export function useRemoveSsoSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => removeSsoSettings(),
    onSuccess: (settings) => queryClient.setQueryData(queryKeys.ssoSettings(), settings),
  });
}

export function useSsoDiscovery() {
  return useMutation({ mutationFn: (issuer: string) => testSsoDiscovery({ issuer }) });
}
