import { evaluateExpression, isTruthy, type TriggerData } from '@switchyard/engine';
import type { TriggerSample } from '../../../api';
import type { StepTestResult } from '../state/builder-reducer';
import { cleanStep, type DraftStep } from '../state/workflow-draft';

/** Limits of in-browser previews: short, so a runaway expression never freezes the page. */
export const PREVIEW_LIMITS = { timeoutMs: 500, maxOutputBytes: 2 * 1024 * 1024 } as const;

/** Where the output shown for a step comes from. */
export type StepOutputSource = 'preview' | 'test' | 'none' | 'error';

export interface StepOutputState {
  source: StepOutputSource;
  output?: unknown;
  /** For filters: whether the run would go on. */
  passed?: boolean;
  error?: string;
}

export function stepFingerprint(step: DraftStep['step']): string {
  return JSON.stringify(cleanStep(step));
}

/**
 * The output of every step on the sample, computed in the browser where the step is pure (map,
 * filter) and taken from the last test where it is not (http). Later expressions are previewed
 * against these outputs, as the worker would run them.
 */
export async function computeStepOutputs(params: {
  steps: DraftStep[];
  sample: TriggerSample;
  tests: Record<string, StepTestResult>;
  now?: number;
}): Promise<Record<string, StepOutputState>> {
  const { steps, sample, tests, now } = params;
  const outputs: Record<string, unknown> = {};
  const states: Record<string, StepOutputState> = {};
  for (const { key, step } of steps) {
    const context = { trigger: sample as TriggerData, steps: { ...outputs } };
    const test = tests[key];
    let state: StepOutputState;
    try {
      if (step.type === 'map' && typeof step.expression === 'string' && step.expression.trim()) {
        const value = await evaluateExpression(step.expression, context, { limits: PREVIEW_LIMITS, now });
        state = { source: 'preview', output: value === undefined ? null : value };
      } else if (step.type === 'filter' && typeof step.condition === 'string' && step.condition.trim()) {
        const passed = isTruthy(await evaluateExpression(step.condition, context, { limits: PREVIEW_LIMITS, now }));
        state = { source: 'preview', output: { passed }, passed };
      } else if (test && test.status === 'succeeded') {
        state = { source: 'test', output: test.output };
      } else {
        state = { source: 'none' };
      }
    } catch (error) {
      state = { source: 'error', error: error instanceof Error ? error.message : String(error) };
    }
    states[key] = state;
    if (state.source === 'preview' || state.source === 'test') outputs[step.id] = state.output;
  }
  return states;
}

/** The document an expression in step `index` sees: the sample and the outputs of the steps before it. */
export function contextForStep(params: {
  steps: DraftStep[];
  index: number;
  sample: TriggerSample | null;
  outputs: Record<string, StepOutputState>;
}): { trigger: TriggerSample | null; steps: Record<string, unknown> } {
  const { steps, index, sample, outputs } = params;
  const earlier: Record<string, unknown> = {};
  for (const { key, step } of steps.slice(0, Math.max(0, index))) {
    const state = outputs[key];
    if (state && (state.source === 'preview' || state.source === 'test')) earlier[step.id] = state.output;
  }
  return { trigger: sample, steps: earlier };
}
