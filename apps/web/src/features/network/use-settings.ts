import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  checkEgress,
  getInstanceSettings,
  getWorkspaceSettings,
  queryKeys,
  updateInstanceSettings,
  updateWorkspaceSettings,
} from '../../api';

export function useInstanceSettings() {
  return useQuery({ queryKey: queryKeys.instanceSettings(), queryFn: ({ signal }) => getInstanceSettings({ signal }), staleTime: 30_000 });
}

export function useUpdateInstanceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { publicUrl: string | null }) => updateInstanceSettings(params),
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.instanceSettings(), settings);
      // Trigger URLs are built from the base: every workflow answer changes.
      void queryClient.invalidateQueries({ queryKey: queryKeys.workflows() });
    },
  });
}

export function useWorkspaceSettings(params: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.workspaceSettings(),
    queryFn: ({ signal }) => getWorkspaceSettings({ signal }),
    enabled: params.enabled ?? true,
  });
}

export function useUpdateWorkspaceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { egressAllow: string[] }) => updateWorkspaceSettings(params),
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.workspaceSettings(), settings);
      void queryClient.invalidateQueries({ queryKey: ['workspace', 'egress-check'] });
    },
  });
}

/** The server's egress decision for a URL (null: nothing to check). */
export function useEgressCheck(params: { url: string | null }) {
  const url = params.url ?? '';
  return useQuery({
    queryKey: queryKeys.egressCheck(url),
    queryFn: ({ signal }) => checkEgress({ url, signal }),
    enabled: url !== '',
    staleTime: 10_000,
    retry: false,
  });
}
