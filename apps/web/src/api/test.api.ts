import type { TestStepRequest, TestStepResult, TestWorkflowRequest, TestWorkflowResult } from '@switchyard/contract';
import { apiRequest } from './http-client';

/** Runs one step against a context: for real (the http call is made) unless `dryRun`; no run is recorded. */
export function testStep(params: TestStepRequest & { signal?: AbortSignal }): Promise<TestStepResult> {
  const body = params.dryRun
    ? { step: params.step, context: params.context, dryRun: true }
    : { step: params.step, context: params.context };
  return apiRequest('/api/test/step', { method: 'POST', body, signal: params.signal });
}

/**
 * Runs a whole definition on a sample request: for real unless `dryRun` (then what each step would
 * send is answered, and nothing is sent); no run is recorded. `workflowId` keeps the outcome on its draft.
 */
export function testWorkflow(params: TestWorkflowRequest & { signal?: AbortSignal }): Promise<TestWorkflowResult> {
  const { trigger, steps, sample, signal, dryRun, workflowId } = params;
  return apiRequest('/api/test/workflow', {
    method: 'POST',
    body: { trigger, steps, sample, ...(dryRun ? { dryRun } : {}), ...(workflowId ? { workflowId } : {}) },
    signal,
  });
}
