import { useQuery } from '@tanstack/react-query';
import { getStepOutput, queryKeys } from '../../api';

/** The full output of a step too large to be inlined in the run; fetched only when asked for. */
export function useStepOutput(params: { runId: string; stepId: string; enabled: boolean }) {
  return useQuery({
    queryKey: queryKeys.stepOutput(params.runId, params.stepId),
    queryFn: ({ signal }) => getStepOutput({ runId: params.runId, stepId: params.stepId, signal }),
    enabled: params.enabled,
    staleTime: Infinity,
  });
}
