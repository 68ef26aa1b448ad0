import { useQuery } from '@tanstack/react-query';
import { getWorkflow, listWorkflows, queryKeys } from '../../api';

export function useWorkflows() {
  return useQuery({
    queryKey: queryKeys.workflows(),
    queryFn: ({ signal }) => listWorkflows({ signal }),
    select: (data) => data.items ?? [],
  });
}

export function useWorkflow(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.workflow(id),
    queryFn: ({ signal }) => getWorkflow({ id, signal }),
    enabled: options.enabled ?? true,
  });
}
