import { useQuery } from '@tanstack/react-query';
import { getWorkflowHealth } from '../../api';

/** The workflow's health over the last 7 days, refreshed every minute. */
export function useWorkflowHealth(workflowId: string) {
  return useQuery({
    queryKey: ['workflows', workflowId, 'health'] as const,
    queryFn: ({ signal }) => getWorkflowHealth({ workflowId, signal }),
    refetchInterval: 60_000,
  });
}
