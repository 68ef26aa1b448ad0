import type { TestStepRequest, TestStepResult, TestWorkflowRequest, TestWorkflowResult } from '@switchyard/contract';
import { apiRequest } from './http-client';

/** Runs one step for real against a context (the http call is made); nothing is recorded. */
export function testStep(params: TestStepRequest & { signal?: AbortSignal }): Promise<TestStepResult> {
  return apiRequest('/api/test/step', { method: 'POST', body: { step: params.step, context: params.context }, signal: params.signal });
}

/** Runs a whole definition on a sample request; nothing is recorded. */
export function testWorkflow(params: TestWorkflowRequest & { signal?: AbortSignal }): Promise<TestWorkflowResult> {
  const { trigger, steps, sample, signal } = params;
  return apiRequest('/api/test/workflow', { method: 'POST', body: { trigger, steps, sample }, signal });
}
