import { useQuery } from '@tanstack/react-query';
import { listWorkflowRequests, queryKeys } from '../../../api';

export const SAMPLE_REQUESTS_LIMIT = 20;

/** The last requests received at the trigger URL; any of them can become the sample. */
export function useSampleRequests(params: { workflowId: string; polling: boolean }) {
  return useQuery({
    queryKey: queryKeys.workflowRequests(params.workflowId),
    queryFn: ({ signal }) => listWorkflowRequests({ workflowId: params.workflowId, limit: SAMPLE_REQUESTS_LIMIT, signal }),
    select: (data) => data.items ?? [],
    // Live updates come over SSE; polling only while listening, as a fallback for a stream cut by a proxy.
    refetchInterval: params.polling ? 2000 : false,
    retry: false,
  });
}
