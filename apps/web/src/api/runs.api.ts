import type {
  BulkReplayRequest,
  BulkReplayResult,
  LoopItemsPage,
  ReplayOptions,
  Run,
  RunCreated,
  RunListQuery,
  RunNowInput,
  RunNowResult,
  RunPage,
} from '@switchyard/contract';
import { apiRequest } from './http-client';

/** Filters of the run lists; `since`/`until` are ISO times, `q` a payload search (`body.a = "x"`), `deadLetter: true` dead letters only. */
export type RunFilters = Pick<RunListQuery, 'workflowId' | 'status' | 'since' | 'until' | 'q'> & { deadLetter?: boolean };

/** Runs across every workflow of the workspace, newest first. */
export function listRuns(params: RunFilters & { limit?: number; cursor?: string | null; signal?: AbortSignal }): Promise<RunPage> {
  const { workflowId, status, since, until, q, deadLetter, limit, cursor, signal } = params;
  return apiRequest('/api/runs', { query: { workflowId, status, since, until, q, deadLetter, limit, cursor }, signal });
}

export function listWorkflowRuns(
  params: Omit<RunFilters, 'workflowId'> & { workflowId: string; limit?: number; cursor?: string | null; signal?: AbortSignal },
): Promise<RunPage> {
  const { workflowId, status, since, until, q, deadLetter, limit, cursor, signal } = params;
  return apiRequest(`/api/workflows/${encodeURIComponent(workflowId)}/runs`, {
    query: { status, since, until, q, deadLetter, limit, cursor },
    signal,
  });
}

export function getRun(params: { id: string; signal?: AbortSignal }): Promise<Run> {
  return apiRequest(`/api/runs/${encodeURIComponent(params.id)}`, { signal: params.signal });
}

/** The full output of one step, for outputs too large to be inlined in the run. */
export async function getStepOutput(params: { runId: string; stepId: string; signal?: AbortSignal }): Promise<unknown> {
  const result = await apiRequest<{ output: unknown }>(
    `/api/runs/${encodeURIComponent(params.runId)}/steps/${encodeURIComponent(params.stepId)}/output`,
    { signal: params.signal },
  );
  return result.output;
}

/** A page of a loop's items (`stepKey` is the loop's journal key), for loops longer than the run detail shows. */
export function getLoopItems(params: {
  runId: string;
  stepKey: string;
  offset: number;
  limit?: number;
  signal?: AbortSignal;
}): Promise<LoopItemsPage> {
  const query = new URLSearchParams({ offset: String(params.offset), limit: String(params.limit ?? 100) });
  return apiRequest(`/api/runs/${encodeURIComponent(params.runId)}/steps/${encodeURIComponent(params.stepKey)}/items?${query}`, {
    signal: params.signal,
  });
}

export function replayRun(params: { id: string; options?: Partial<ReplayOptions> }): Promise<RunCreated> {
  return apiRequest(`/api/runs/${encodeURIComponent(params.id)}/replay`, { method: 'POST', body: params.options ?? {} });
}

/** Replays the runs listed, or every run matching a filter (failed ones unless told otherwise). */
export function bulkReplayRuns(
  params: ReplayOptions & ({ runIds: string[] } | { filter: Omit<RunFilters, 'q'> & { includeResolved?: boolean } }),
): Promise<BulkReplayResult> {
  return apiRequest('/api/runs/replay', { method: 'POST', body: params satisfies BulkReplayRequest });
}

/** Runs a stored inbound request into its workflow, whatever was decided when it arrived. */
export function runRequest(params: { requestId: string }): Promise<RunCreated> {
  return apiRequest(`/api/requests/${encodeURIComponent(params.requestId)}/replay`, { method: 'POST' });
}

/** Run now: starts the workflow's published version with `input` as `trigger.body`, recorded as a `manual` request. */
export function runWorkflowNow(params: { workflowId: string; input: unknown }): Promise<RunNowResult> {
  return apiRequest(`/api/workflows/${encodeURIComponent(params.workflowId)}/run`, {
    method: 'POST',
    body: { input: params.input as RunNowInput['input'] } satisfies RunNowInput,
  });
}
