import { useInfiniteQuery } from '@tanstack/react-query';
import { listWorkflowRuns, queryKeys, type RunStatus, type RunSummary } from '../../api';

export const RUNS_PAGE_SIZE = 20;
export const RUNS_REFRESH_MS = 3000;

/** Runs of a workflow, newest first, paged by cursor and refreshed while the page is visible. */
export function useWorkflowRuns(params: { workflowId: string; status?: RunStatus }) {
  const { workflowId, status } = params;
  const query = useInfiniteQuery({
    queryKey: queryKeys.workflowRuns(workflowId, status),
    queryFn: ({ pageParam, signal }) =>
      listWorkflowRuns({ workflowId, status, limit: RUNS_PAGE_SIZE, cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    refetchInterval: RUNS_REFRESH_MS,
  });
  return { ...query, runs: uniqueRuns(query.data?.pages.flatMap((page) => page.items ?? []) ?? []) };
}

/** A run can move between pages while new ones arrive during paging; show it once. */
function uniqueRuns(runs: RunSummary[]): RunSummary[] {
  const seen = new Set<string>();
  return runs.filter((run) => (seen.has(run.id) ? false : (seen.add(run.id), true)));
}
