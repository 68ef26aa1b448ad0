import type { PinnedSample, PinnedSampleResult, PinSampleRequest } from '@switchyard/contract';
import { apiRequest } from './http-client';

export type { PinnedSample, PinnedSampleResult, PinSampleRequest };

/** The sample pinned with a workflow (shared by every teammate and device), or `{ sample: null }`. */
export function getPinnedSample(params: { workflowId: string; signal?: AbortSignal }): Promise<PinnedSampleResult> {
  return apiRequest(`/api/workflows/${encodeURIComponent(params.workflowId)}/sample`, { signal: params.signal });
}

/** Pins a recorded request (the server copies it) or a template's sample as the workflow's sample. */
export function pinSample(params: { workflowId: string; sample: PinSampleRequest }): Promise<PinnedSample> {
  return apiRequest(`/api/workflows/${encodeURIComponent(params.workflowId)}/sample`, { method: 'PUT', body: params.sample });
}

export function unpinSample(params: { workflowId: string }): Promise<void> {
  return apiRequest(`/api/workflows/${encodeURIComponent(params.workflowId)}/sample`, { method: 'DELETE' });
}
