import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { listRuns, listWorkflowRuns, queryKeys, type RunListItem } from '../../api';
import { useWorkflowEvents, type EventStreamState } from '../builder/hooks/use-workflow-events';
import { apiRunFilters, type RunListFilters } from './run-filters';

export const RUNS_PAGE_SIZE = 20;
/** Across workflows there is no event stream: the list polls. */
export const RUNS_POLL_MS = 4000;
/** A workflow's list is pushed by its event stream; polling only backs up a stream cut by a proxy. */
export const RUNS_FALLBACK_POLL_MS = 15_000;

/**
 * Runs newest first, paged by cursor. With `workflowId` the list is that workflow's and follows its
 * event stream, so new runs and status changes show up as they happen.
 */
export function useRunsList(params: {
  filters: RunListFilters;
  workflowId?: string;
}): ReturnType<typeof useRunsQuery> & { live: EventStreamState | 'polling' } {
  const { workflowId } = params;
  const queryClient = useQueryClient();
  const stream = useWorkflowEvents({
    workflowId: workflowId ?? '',
    enabled: Boolean(workflowId),
    onRun: () => {
      if (workflowId) void queryClient.invalidateQueries({ queryKey: queryKeys.workflowRuns(workflowId) });
    },
  });
  const query = useRunsQuery({ ...params, streaming: stream === 'open' });
  return { ...query, live: workflowId ? stream : 'polling' };
}

function useRunsQuery(params: { filters: RunListFilters; workflowId?: string; streaming: boolean }) {
  const { filters, workflowId, streaming } = params;
  const query = useInfiniteQuery({
    queryKey: workflowId ? queryKeys.workflowRuns(workflowId, filters) : queryKeys.runs(filters),
    queryFn: ({ pageParam, signal }) => {
      // Relative ranges ("last hour") are measured at each fetch, so refreshes slide the window.
      const api = apiRunFilters({ filters, now: Date.now(), workflowId });
      return workflowId
        ? listWorkflowRuns({ ...api, workflowId, limit: RUNS_PAGE_SIZE, cursor: pageParam, signal })
        : listRuns({ ...api, limit: RUNS_PAGE_SIZE, cursor: pageParam, signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    refetchInterval: (q) => (q.state.status === 'error' ? false : streaming ? RUNS_FALLBACK_POLL_MS : RUNS_POLL_MS),
  });
  return { ...query, runs: uniqueRuns(query.data?.pages.flatMap((page) => page.items ?? []) ?? []) };
}

/** A run can move between pages while new ones arrive during paging; show it once. */
export function uniqueRuns(runs: RunListItem[]): RunListItem[] {
  const seen = new Set<string>();
  return runs.filter((run) => (seen.has(run.id) ? false : (seen.add(run.id), true)));
}
