import type { PageResponse, Run, RunCreatedResponse, RunStatus, RunSummary } from './contract.types';
import { apiRequest } from './http-client';

export function listWorkflowRuns(params: {
  workflowId: string;
  status?: RunStatus;
  limit?: number;
  cursor?: string | null;
  signal?: AbortSignal;
}): Promise<PageResponse<RunSummary>> {
  const { workflowId, status, limit, cursor, signal } = params;
  return apiRequest(`/api/workflows/${encodeURIComponent(workflowId)}/runs`, {
    query: { status, limit, cursor },
    signal,
  });
}

export function getRun(params: { id: string; signal?: AbortSignal }): Promise<Run> {
  return apiRequest(`/api/runs/${encodeURIComponent(params.id)}`, { signal: params.signal });
}

export function replayRun(params: { id: string }): Promise<RunCreatedResponse> {
  return apiRequest(`/api/runs/${encodeURIComponent(params.id)}/replay`, { method: 'POST' });
}
