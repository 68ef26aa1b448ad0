import { useQuery } from '@tanstack/react-query';
import { listWorkflowRuns, queryKeys, type WorkflowListItem } from '../../api';
import { computeRunStats, type RunStats } from './run-stats';

const PAGE_SIZE = 100;

/**
 * Last run and 24-hour count of a workflow: from the list's summary fields when the API sends
 * them, otherwise from the newest page of its runs.
 */
export function useRunStats(workflow: WorkflowListItem): { stats: RunStats | null; isPending: boolean } {
  const fromSummary = workflow.runs24h !== undefined && workflow.lastRun !== undefined;
  const query = useQuery({
    queryKey: queryKeys.workflowRunStats(workflow.id),
    queryFn: ({ signal }) => listWorkflowRuns({ workflowId: workflow.id, limit: PAGE_SIZE, signal }),
    enabled: !fromSummary,
    refetchInterval: 15_000,
    select: (page) => computeRunStats({ runs: page.items ?? [], now: Date.now(), pageSize: PAGE_SIZE, hasMore: Boolean(page.nextCursor) }),
  });
  if (fromSummary) return { stats: { lastRun: workflow.lastRun ?? null, runs24h: workflow.runs24h ?? 0, capped: false }, isPending: false };
  return { stats: query.data ?? null, isPending: query.isPending };
}
