import type { WorkflowHealth } from '@switchyard/contract';
import { apiRequest } from './http-client';

export type { WorkflowHealth };

/** A workflow's health over the last `days` (default 7): requests per hour, runs by status, the last success. */
export function getWorkflowHealth(params: { workflowId: string; days?: number; signal?: AbortSignal }): Promise<WorkflowHealth> {
  return apiRequest(`/api/workflows/${encodeURIComponent(params.workflowId)}/health`, {
    query: { days: params.days },
    signal: params.signal,
  });
}
