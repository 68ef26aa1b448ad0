import { useMutation } from '@tanstack/react-query';
import { testStep, testWorkflow, type TriggerSample } from '../../../api';
import { contextForStep, stepFingerprint, type StepOutputState } from '../preview/step-outputs';
import type { StepTestResult } from '../state/builder-reducer';
import type { BuilderStore } from '../state/builder-store';
import { cleanStep, draftToRequest } from '../state/workflow-draft';

/** "Test this step": runs the step for real on the server with the sample and earlier outputs. */
export function useTestStep(params: { store: BuilderStore; outputs: Record<string, StepOutputState> }) {
  const { store, outputs } = params;
  return useMutation({
    mutationFn: async (key: string) => {
      const { draft, sample } = store.getState();
      const index = draft.steps.findIndex((entry) => entry.key === key);
      if (index === -1) throw new Error('This step no longer exists.');
      if (!sample) throw new Error('Pick a sample request first.');
      const step = draft.steps[index].step;
      const context = contextForStep({ steps: draft.steps, index, sample: sample.trigger, outputs });
      const response = await testStep({ step: cleanStep(step), context: { trigger: sample.trigger, steps: context.steps } });
      const result: StepTestResult = { ...response, stepFingerprint: stepFingerprint(step), source: 'step' };
      store.dispatch({ type: 'stepTested', key, result });
      return result;
    },
  });
}

/** "Test workflow": runs every step on the sample, on the server; each step shows its result. */
export function useTestWorkflow(params: { store: BuilderStore }) {
  const { store } = params;
  return useMutation({
    mutationFn: async (sample: TriggerSample) => {
      const { draft } = store.getState();
      const body = draftToRequest(draft);
      const response = await testWorkflow({ trigger: body.trigger, steps: body.steps, sample });
      const stepResults: Record<string, StepTestResult> = {};
      for (const result of response.steps ?? []) {
        const entry = draft.steps.find((candidate) => candidate.step.id === result.id);
        if (entry) stepResults[entry.key] = { ...result, stepFingerprint: stepFingerprint(entry.step), source: 'workflow' };
      }
      store.dispatch({ type: 'workflowTested', result: { ...response, at: new Date().toISOString() }, stepResults });
      return response;
    },
  });
}
