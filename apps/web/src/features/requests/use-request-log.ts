import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { listWorkflowRequests, queryKeys, type RequestVerdict, runRequest } from '../../api';
import { useWorkflowEvents } from '../builder/hooks/use-workflow-events';

const PAGE_SIZE = 25;

/** Every request the workflow's trigger URL received, newest first; new ones arrive over the event stream. */
export function useRequestLog(params: { workflowId: string; verdict?: RequestVerdict }) {
  const { workflowId, verdict } = params;
  const queryClient = useQueryClient();
  const stream = useWorkflowEvents({
    workflowId,
    onRequest: () => void queryClient.invalidateQueries({ queryKey: queryKeys.workflowRequests(workflowId) }),
    onRun: () => void queryClient.invalidateQueries({ queryKey: queryKeys.workflowRequests(workflowId) }),
  });
  const query = useInfiniteQuery({
    queryKey: queryKeys.requestLog(workflowId, verdict),
    queryFn: ({ pageParam, signal }) => listWorkflowRequests({ workflowId, verdict, limit: PAGE_SIZE, cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    refetchInterval: stream === 'open' ? 15_000 : 4000,
  });
  const seen = new Set<string>();
  const requests = (query.data?.pages.flatMap((page) => page.items ?? []) ?? []).filter((item) =>
    seen.has(item.id) ? false : (seen.add(item.id), true),
  );
  return { ...query, requests, live: stream };
}

/** "Run request" (in the Inbox): runs a stored request into the workflow's current version. */
export function useRunRequest(workflowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => runRequest({ requestId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.workflow(workflowId) }),
  });
}
