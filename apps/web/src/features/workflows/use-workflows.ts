import { useQuery } from '@tanstack/react-query';
import { getWorkflow, listWorkflows, queryKeys } from '../../api';

/** The workflows with their last run and 24-hour count, refreshed every 10 s while shown. */
export function useWorkflows() {
  return useQuery({
    queryKey: queryKeys.workflows(),
    queryFn: ({ signal }) => listWorkflows({ signal }),
    select: (data) => data.items ?? [],
    refetchInterval: 10_000,
  });
}

export function useWorkflow(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.workflow(id),
    queryFn: ({ signal }) => getWorkflow({ id, signal }),
    enabled: options.enabled ?? true,
  });
}
