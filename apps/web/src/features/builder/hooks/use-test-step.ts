import { useMutation } from '@tanstack/react-query';
import { testStep, testWorkflow, type TriggerSample } from '../../../api';
import { contextForKey, stepFingerprint, type StepOutputState } from '../preview/step-outputs';
import { findStep, walkSteps } from '../state/step-tree';
import type { StepTestResult } from '../state/builder-reducer';
import type { BuilderStore } from '../state/builder-store';
import { cleanStep, draftToRequest } from '../state/workflow-draft';

/** "Test this step": runs the step for real on the server with the sample and earlier outputs. */
export function useTestStep(params: { store: BuilderStore; outputs: Record<string, StepOutputState> }) {
  const { store, outputs } = params;
  return useMutation({
    mutationFn: async ({ key, dryRun }: { key: string; dryRun?: boolean }) => {
      const { draft, sample } = store.getState();
      const found = findStep(draft.steps, key);
      if (!found) throw new Error('This step no longer exists.');
      if (!sample) throw new Error('Pick a sample request first.');
      const step = found.entry.step;
      const context = contextForKey({ steps: draft.steps, key, sample: sample.trigger, outputs });
      const response = await testStep({
        step: cleanStep(step),
        context: {
          trigger: sample.trigger,
          steps: context.steps,
          ...(Object.keys(context.bindings).length ? { bindings: context.bindings } : {}),
        },
        dryRun,
      });
      const result: StepTestResult = {
        ...response,
        stepFingerprint: stepFingerprint(step),
        source: 'step',
        handMade: sample.source === 'manual',
      };
      store.dispatch({ type: 'stepTested', key, result });
      return result;
    },
  });
}

/** "Test workflow": runs every step on the sample, on the server; each step shows its result. */
export function useTestWorkflow(params: { store: BuilderStore; workflowId?: string }) {
  const { store, workflowId } = params;
  return useMutation({
    mutationFn: async (input: { sample: TriggerSample; dryRun?: boolean }) => {
      const { sample, dryRun } = input;
      const { draft } = store.getState();
      const handMade = store.getState().sample?.source === 'manual';
      const body = draftToRequest(draft);
      const response = await testWorkflow({ trigger: body.trigger, steps: body.steps, sample, dryRun, workflowId });
      const stepResults: Record<string, StepTestResult> = {};
      for (const result of response.steps ?? []) {
        // Nested results carry journal keys (`route.0.notify`, `each[0].post`): the first one of each step is shown.
        const id = result.id.replace(/^.*[.]/, '');
        const entry = walkSteps(draft.steps).find((visit) => visit.entry.step.id === id)?.entry;
        if (entry && !stepResults[entry.key])
          stepResults[entry.key] = { ...result, stepFingerprint: stepFingerprint(entry.step), source: 'workflow', handMade };
      }
      store.dispatch({ type: 'workflowTested', result: { ...response, at: new Date().toISOString(), handMade }, stepResults });
      return response;
    },
  });
}
