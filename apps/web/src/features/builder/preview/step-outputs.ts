import type { StepType, TriggerData } from '@switchyard/engine';
import type { TriggerSample } from '../../../api';
import { webKitOf } from '../steps/kits/web-step-kits';
import type { StepTestResult } from '../state/builder-reducer';
import type { DraftStep, StepDraftOf } from '../state/step-draft';
import { walkSteps, type StepVisit } from '../state/step-tree';
import { cleanStep } from '../state/workflow-draft';
import { PREVIEW_LIMITS, type PreviewScope, type StepOutputState } from './step-output-state';

export { PREVIEW_LIMITS, type ControlPreview, type StepOutputSource, type StepOutputState } from './step-output-state';
export { LOOP_PREVIEW_ITEMS } from '../steps/kits/loop/loop.kit';

export function stepFingerprint(step: DraftStep['step']): string {
  return JSON.stringify(cleanStep(step));
}

interface RunState {
  states: Record<string, StepOutputState>;
  tests: Record<string, StepTestResult>;
  now: number;
}

/** One step on the sample: its kit's preview (which adds the outputs of nested steps to the scope), else its last test. */
async function previewStep(entry: DraftStep, scope: PreviewScope, run: RunState, record: boolean): Promise<StepOutputState> {
  const { key, step } = entry;
  const preview = webKitOf(step)?.preview;
  if (preview) {
    const state = await preview({
      step: step as StepDraftOf<StepType>,
      scope,
      options: { limits: PREVIEW_LIMITS, now: run.now, bindings: scope.bindings },
      now: run.now,
      record,
      previewList: (steps, inner, flags) => previewList(steps, inner, run, flags.record, flags.inactive),
    });
    if (state) return state;
  }
  const test = run.tests[key];
  if (test && test.status === 'succeeded') return { source: 'test', output: test.output };
  return { source: 'none' };
}

/** Previews a list of steps in a scope; returns the output of its last step. */
async function previewList(steps: DraftStep[], scope: PreviewScope, run: RunState, record: boolean, inactive: boolean): Promise<unknown> {
  let last: unknown = null;
  for (const entry of steps) {
    let state: StepOutputState;
    try {
      state = await previewStep(entry, scope, run, record);
    } catch (error) {
      state = { source: 'error', error: error instanceof Error ? error.message : String(error) };
    }
    if (inactive) state = { ...state, inactive: true };
    if (record) run.states[entry.key] = state;
    if (state.source === 'preview' || state.source === 'test') {
      scope.context.steps[entry.step.id] = state.output;
      last = state.output;
    }
  }
  return last;
}

/**
 * The output of every step on the sample, computed in the browser where the step is pure (each
 * kit's `preview`: map, filter, and the control steps: which branch paths match, a loop's items, a
 * delay's resume time, a respond step's answer) and taken from the last test where it is not (http,
 * app actions). Later expressions are previewed against these outputs, as the worker would run
 * them. Steps inside a loop are previewed with its first item; steps of a path that would not run
 * are marked `inactive`.
 */
export async function computeStepOutputs(params: {
  steps: DraftStep[];
  sample: TriggerSample;
  tests: Record<string, StepTestResult>;
  now?: number;
}): Promise<Record<string, StepOutputState>> {
  const run: RunState = { states: {}, tests: params.tests, now: params.now ?? Date.now() };
  await previewList(params.steps, { context: { trigger: params.sample as TriggerData, steps: {} }, bindings: {} }, run, true, false);
  return run.states;
}

/** The document an expression in step `index` sees: the sample and the outputs of the steps before it. */
export function contextForStep(params: {
  steps: DraftStep[];
  index: number;
  sample: TriggerSample | null;
  outputs: Record<string, StepOutputState>;
}): { trigger: TriggerSample | null; steps: Record<string, unknown> } {
  const { steps, index, sample, outputs } = params;
  const entry = steps[Math.max(0, index)];
  if (!entry || index >= steps.length) {
    const earlier: Record<string, unknown> = {};
    for (const visit of walkSteps(steps)) {
      const state = outputs[visit.entry.key];
      if (visibleAfter(visit) && state && !state.inactive && (state.source === 'preview' || state.source === 'test'))
        earlier[visit.entry.step.id] = state.output;
    }
    return { trigger: sample, steps: earlier };
  }
  return contextForKey({ steps, key: entry.key, sample, outputs });
}

/** Steps run per item (inside a loop) are not visible after their container. */
function visibleAfter(visit: StepVisit): boolean {
  return visit.ancestors.every((ancestor) => !ancestor.perItem);
}

/**
 * What an expression in the step `key` (at any depth) sees: the sample, the outputs of the steps
 * before it that it can see (not the insides of other loops, not paths that would not run), and
 * inside a loop `$item` (the loop's first item on the sample) and `$index`.
 */
export function contextForKey(params: {
  steps: DraftStep[];
  key: string;
  sample: TriggerSample | null;
  outputs: Record<string, StepOutputState>;
}): { trigger: TriggerSample | null; steps: Record<string, unknown>; bindings: Record<string, unknown> } {
  const { steps, key, sample, outputs } = params;
  const visits = walkSteps(steps);
  const position = visits.findIndex((visit) => visit.entry.key === key);
  const target = visits[position];
  const enclosing = new Set((target?.ancestors ?? []).map((ancestor) => ancestor.entry.key));
  const targetInactive = outputs[key]?.inactive === true;
  const earlier: Record<string, unknown> = {};
  for (const visit of position === -1 ? visits : visits.slice(0, position)) {
    if (enclosing.has(visit.entry.key)) continue;
    const hidden = visit.ancestors.some((ancestor) => ancestor.perItem && !enclosing.has(ancestor.entry.key));
    const state = outputs[visit.entry.key];
    if (hidden || !state || (state.inactive && !targetInactive) || !(state.source === 'preview' || state.source === 'test')) continue;
    earlier[visit.entry.step.id] = state.output;
  }
  const loop = [...(target?.ancestors ?? [])].reverse().find((ancestor) => ancestor.perItem);
  const bindings: Record<string, unknown> = {};
  if (loop) {
    const state = outputs[loop.entry.key];
    bindings.item = state?.firstItem;
    bindings.index = 0;
  }
  return { trigger: sample, steps: earlier, bindings };
}
