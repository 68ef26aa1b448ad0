import type { StepDefinition, TestStepResponse, TestWorkflowResponse, TriggerSample } from './contract.types';
import { apiRequest } from './http-client';

/** Runs one step for real against a context (the http call is made); nothing is recorded. */
export function testStep(params: {
  step: StepDefinition;
  context: { trigger: TriggerSample; steps: Record<string, unknown>; bindings?: Record<string, unknown> };
  signal?: AbortSignal;
}): Promise<TestStepResponse> {
  return apiRequest('/api/test/step', { method: 'POST', body: { step: params.step, context: params.context }, signal: params.signal });
}

/** Runs a whole definition on a sample request; nothing is recorded. */
export function testWorkflow(params: {
  trigger: Record<string, unknown>;
  steps: StepDefinition[];
  sample: TriggerSample;
  signal?: AbortSignal;
}): Promise<TestWorkflowResponse> {
  const { trigger, steps, sample, signal } = params;
  return apiRequest('/api/test/workflow', { method: 'POST', body: { trigger, steps, sample }, signal });
}
