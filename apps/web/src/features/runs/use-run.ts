import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRun, queryKeys, replayRun, type ReplayOptions } from '../../api';
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

/** Starts a new run from a past run's trigger request, from the start or the failed step. */
export function useReplayRun(params: { workflowId?: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: { runId: string; options: ReplayOptions }) => replayRun({ id: variables.runId, options: variables.options }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.runs() });
      if (params.workflowId) return queryClient.invalidateQueries({ queryKey: queryKeys.workflow(params.workflowId) });
    },
  });
}
