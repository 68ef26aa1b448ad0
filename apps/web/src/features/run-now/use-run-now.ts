import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys, runWorkflowNow } from '../../api';

/** Starts a workflow by hand; the run lists and the request log refresh. */
export function useRunNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runWorkflowNow,
    onSuccess: (_result, { workflowId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.runs() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.workflowRuns(workflowId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.workflowRequests(workflowId) }),
      ]),
  });
}
