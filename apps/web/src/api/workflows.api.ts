import type {
  InboundRequestPage,
  RequestVerdict,
  UpcomingTriggers,
  TestEventResult,
  Workflow,
  WorkflowInput,
  WorkflowList,
  WorkflowPatch,
} from '@switchyard/contract';
import { apiRequest } from './http-client';

export function listWorkflows(params: { signal?: AbortSignal } = {}): Promise<WorkflowList> {
  return apiRequest('/api/workflows', { signal: params.signal });
}

export function getWorkflow(params: { id: string; signal?: AbortSignal }): Promise<Workflow> {
  return apiRequest(`/api/workflows/${encodeURIComponent(params.id)}`, { signal: params.signal });
}

export function createWorkflow(params: { workflow: WorkflowInput }): Promise<Workflow> {
  return apiRequest('/api/workflows', { method: 'POST', body: params.workflow });
}

export function updateWorkflow(params: { id: string; workflow: WorkflowInput }): Promise<Workflow> {
  return apiRequest(`/api/workflows/${encodeURIComponent(params.id)}`, { method: 'PUT', body: params.workflow });
}

export function patchWorkflow(params: { id: string; patch: WorkflowPatch }): Promise<Workflow> {
  return apiRequest(`/api/workflows/${encodeURIComponent(params.id)}`, { method: 'PATCH', body: params.patch });
}

export function deleteWorkflow(params: { id: string }): Promise<void> {
  return apiRequest(`/api/workflows/${encodeURIComponent(params.id)}`, { method: 'DELETE' });
}

export function listWorkflowRequests(params: {
  workflowId: string;
  verdict?: RequestVerdict;
  limit?: number;
  cursor?: string | null;
  signal?: AbortSignal;
}): Promise<InboundRequestPage> {
  const { workflowId, verdict, limit, cursor, signal } = params;
  return apiRequest(`/api/workflows/${encodeURIComponent(workflowId)}/requests`, { query: { verdict, limit, cursor }, signal });
}

/** Path of the Server-Sent Events stream of a workflow (`request` and `run` events). */
export function workflowEventsPath(workflowId: string): string {
  return `/api/workflows/${encodeURIComponent(workflowId)}/events`;
}

/** Schedules and polls of the workspace and when each fires next, soonest first. */
export function listUpcomingTriggers(params: { signal?: AbortSignal } = {}): Promise<UpcomingTriggers> {
  return apiRequest('/api/triggers/upcoming', { signal: params.signal });
}

/** "Send a test event": a provider-shaped event, signed with the trigger's secret, through the trigger URL. */
export function sendTestEvent(params: { workflowId: string }): Promise<TestEventResult> {
  return apiRequest(`/api/workflows/${encodeURIComponent(params.workflowId)}/test-event`, { method: 'POST' });
}

/** A new trigger token: a new webhook URL or hosted form address; the old one stops working at once. */
export function rotateTriggerToken(params: { workflowId: string }): Promise<Workflow> {
  return apiRequest(`/api/workflows/${encodeURIComponent(params.workflowId)}/token`, { method: 'POST' });
}
