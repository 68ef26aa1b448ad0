import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRun, queryKeys, replayRun } from '../../api';
import { isRunFinished } from './run-status';

export const RUN_REFRESH_MS = 1500;

/** One run with its trigger request and steps; polls until the run reaches a final state. */
export function useRun(id: string) {
  return useQuery({
    queryKey: queryKeys.run(id),
    queryFn: ({ signal }) => getRun({ id, signal }),
    refetchInterval: (query) => (query.state.data && isRunFinished(query.state.data.status) ? false : RUN_REFRESH_MS),
  });
}

/** Starts a new run from a past run's trigger request. */
export function useReplayRun(params: { workflowId?: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) => replayRun({ id: runId }),
    onSuccess: () => {
      if (params.workflowId) {
        return queryClient.invalidateQueries({ queryKey: queryKeys.workflow(params.workflowId) });
      }
    },
  });
}
