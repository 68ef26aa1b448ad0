import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { getDraft, listVersions, queryKeys } from '../../../api';

/** The workflow's draft (what the builder edits), kept fresh by saves, publishes, discards and restores. */
export function useDraft(workflowId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.workflowDraft(workflowId),
    queryFn: ({ signal }) => getDraft({ workflowId, signal }),
    enabled: options.enabled ?? true,
  });
}

export function useVersions(workflowId: string) {
  return useQuery({ queryKey: queryKeys.workflowVersions(workflowId), queryFn: ({ signal }) => listVersions({ workflowId, signal }) });
}

/** Loads the builder again from the server's draft (after Discard or Restore replaced it). */
export const BuilderReloadContext = createContext<() => void>(() => undefined);

export function useBuilderReload(): () => void {
  return useContext(BuilderReloadContext);
}
