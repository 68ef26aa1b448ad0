import type { AllRequestsQuery, RefusedCount, WorkspaceRequestPage } from '@switchyard/contract';
import { apiRequest } from './http-client';

/** Requests received at every workflow's trigger URL, run or not, newest first. */
export function listAllRequests(
  params: Pick<AllRequestsQuery, 'workflowId' | 'refused' | 'verdict'> & { limit?: number; cursor?: string | null; signal?: AbortSignal },
): Promise<WorkspaceRequestPage> {
  const { workflowId, refused, verdict, limit, cursor, signal } = params;
  return apiRequest('/api/requests', { query: { workflowId, refused, verdict, limit, cursor }, signal });
}

/** How many requests a workflow's trigger URL refused in the last 24 hours. */
export function getRefusedCount(params: { workflowId: string; signal?: AbortSignal }): Promise<RefusedCount> {
  return apiRequest(`/api/workflows/${encodeURIComponent(params.workflowId)}/requests/refused`, { signal: params.signal });
}
