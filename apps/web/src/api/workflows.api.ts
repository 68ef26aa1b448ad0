import type { CreateWorkflowRequest, ListResponse, Workflow, WorkflowSummary } from './contract.types';
import { apiRequest } from './http-client';

export function listWorkflows(params: { signal?: AbortSignal } = {}): Promise<ListResponse<WorkflowSummary>> {
  return apiRequest('/api/workflows', { signal: params.signal });
}

export function getWorkflow(params: { id: string; signal?: AbortSignal }): Promise<Workflow> {
  return apiRequest(`/api/workflows/${encodeURIComponent(params.id)}`, { signal: params.signal });
}

export function createWorkflow(params: { workflow: CreateWorkflowRequest }): Promise<Workflow> {
  return apiRequest('/api/workflows', { method: 'POST', body: params.workflow });
}
