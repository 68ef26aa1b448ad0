import { evaluateExpression, isTruthy, renderTemplate, type TriggerData } from '@switchyard/engine';
import type { TriggerSample } from '../../../api';
import type { StepTestResult } from '../state/builder-reducer';
import { branchOtherwise, branchPaths, getList, walkSteps, type StepVisit } from '../state/step-tree';
import { cleanStep, type DraftStep } from '../state/workflow-draft';

/** Limits of in-browser previews: short, so a runaway expression never freezes the page. */
export const PREVIEW_LIMITS = { timeoutMs: 500, maxOutputBytes: 2 * 1024 * 1024 } as const;

/** Where the output shown for a step comes from. */
export type StepOutputSource = 'preview' | 'test' | 'none' | 'error';

export interface StepOutputState extends ControlPreview {
  source: StepOutputSource;
  output?: unknown;
  /** For filters: whether the run would go on. */
  passed?: boolean;
  error?: string;
  /** In a branch path that would not run on the sample. */
  inactive?: boolean;
}

export function stepFingerprint(step: DraftStep['step']): string {
  return JSON.stringify(cleanStep(step));
}

/** Loop items whose results a preview computes; the inner steps' own previews use the first item. */
export const LOOP_PREVIEW_ITEMS = 100;

/** What the preview of a branch or loop knows on the sample, beside the output. */
export interface ControlPreview {
  /** Branch: which paths would run, by index, and whether "otherwise" would. */
  matchedPaths?: number[];
  otherwiseTaken?: boolean;
  /** Loop: how many items, and the first one (what `$item` is in the previews inside). */
  itemCount?: number;
  firstItem?: unknown;
  /** Loop: results were computed for the first LOOP_PREVIEW_ITEMS items only. */
  resultsCapped?: boolean;
}

type Scope = { context: { trigger: TriggerData; steps: Record<string, unknown> }; bindings: Record<string, unknown> };

function asItems(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

const DELAY_UNIT_MS: Record<string, number> = { seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** When a delay step would resume if reached `now`; null when its settings do not give a time. */
export async function delayResumeAt(params: { step: DraftStep['step']; scope?: Scope; now: number }): Promise<string | null> {
  const { step, now } = params;
  if (step.mode === 'until') {
    if (typeof step.until !== 'string' || !step.until.trim() || !params.scope) return null;
    const value = await evaluateExpression(step.until, params.scope.context, {
      limits: PREVIEW_LIMITS,
      now,
      bindings: params.scope.bindings,
    });
    const time = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(time)) throw new Error('The time must be ISO 8601 text (2024-05-02T12:00:00Z) or epoch milliseconds.');
    return new Date(Math.max(time, now)).toISOString();
  }
  const amount = typeof step.amount === 'number' ? step.amount : Number.NaN;
  const unit = DELAY_UNIT_MS[typeof step.unit === 'string' ? step.unit : 'minutes'];
  if (Number.isNaN(amount) || !unit) return null;
  return new Date(now + amount * unit).toISOString();
}

interface RunState {
  states: Record<string, StepOutputState>;
  tests: Record<string, StepTestResult>;
  now: number;
}

/** One step on the sample: its state, and the outputs it adds to the shared context. */
async function previewStep(entry: DraftStep, scope: Scope, run: RunState, record: boolean): Promise<StepOutputState> {
  const { key, step } = entry;
  const test = run.tests[key];
  const options = { limits: PREVIEW_LIMITS, now: run.now, bindings: scope.bindings };
  const ctx = scope.context;
  if (step.type === 'map' && typeof step.expression === 'string' && step.expression.trim()) {
    const value = await evaluateExpression(step.expression, ctx, options);
    return { source: 'preview', output: value === undefined ? null : value };
  }
  if (step.type === 'filter' && typeof step.condition === 'string' && step.condition.trim()) {
    const passed = isTruthy(await evaluateExpression(step.condition, ctx, options));
    return { source: 'preview', output: { passed }, passed };
  }
  if (step.type === 'branch') {
    const paths = branchPaths(step);
    const matched: number[] = [];
    for (const [index, path] of paths.entries()) {
      if (step.mode !== 'every-match' && matched.length > 0) break;
      if (typeof path.condition === 'string' && path.condition.trim() && isTruthy(await evaluateExpression(path.condition, ctx, options)))
        matched.push(index);
    }
    const otherwise = branchOtherwise(step);
    const otherwiseTaken = matched.length === 0 && otherwise !== undefined;
    // Steps of paths that would not run are previewed too, in a copy of the context they cannot leak from.
    for (const [index, path] of paths.entries()) {
      const taken = matched.includes(index);
      await previewList(path.steps ?? [], taken ? scope : copyScope(scope), run, record, !taken);
    }
    if (otherwise) await previewList(otherwise.steps ?? [], otherwiseTaken ? scope : copyScope(scope), run, record, !otherwiseTaken);
    return { source: 'preview', output: { matched, otherwise: otherwiseTaken }, matchedPaths: matched, otherwiseTaken };
  }
  if (step.type === 'loop' && typeof step.items === 'string' && step.items.trim()) {
    const items = asItems(await evaluateExpression(step.items, ctx, options));
    const inner = (getList(step, 'steps') ?? []) as DraftStep[];
    const results: unknown[] = [];
    for (const [index, item] of items.slice(0, LOOP_PREVIEW_ITEMS).entries()) {
      const itemScope: Scope = { context: { trigger: ctx.trigger, steps: { ...ctx.steps } }, bindings: { ...scope.bindings, item, index } };
      const last = await previewList(inner, itemScope, run, record && index === 0, false);
      if (typeof step.output === 'string' && step.output.trim())
        results.push(await evaluateExpression(step.output, itemScope.context, { ...options, bindings: itemScope.bindings }));
      else results.push(inner.length === 0 ? item : last);
    }
    if (items.length === 0)
      await previewList(inner, { context: { trigger: ctx.trigger, steps: { ...ctx.steps } }, bindings: scope.bindings }, run, record, true);
    return {
      source: 'preview',
      output: { results, failures: [] },
      itemCount: items.length,
      firstItem: items[0],
      resultsCapped: items.length > LOOP_PREVIEW_ITEMS,
    };
  }
  if (step.type === 'delay') {
    const resumeAt = await delayResumeAt({ step, scope, now: run.now });
    return resumeAt ? { source: 'preview', output: { resumeAt } } : { source: 'none' };
  }
  if (step.type === 'respond') {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries((step.headers ?? {}) as Record<string, string>)) {
      if (name.trim()) headers[name.toLowerCase()] = await renderTemplate(String(value), ctx, options);
    }
    const body = typeof step.body === 'string' && step.body.trim() ? await evaluateExpression(step.body, ctx, options) : undefined;
    return { source: 'preview', output: { status: typeof step.status === 'number' ? step.status : 200, headers, body: body ?? null } };
  }
  if (step.type === 'stop') {
    const message = await renderTemplate(typeof step.message === 'string' ? step.message : '', ctx, options);
    return { source: 'preview', output: { status: step.status === 'failed' ? 'failed' : 'succeeded', message }, passed: false };
  }
  if (test && test.status === 'succeeded') return { source: 'test', output: test.output };
  return { source: 'none' };
}

function copyScope(scope: Scope): Scope {
  return { context: { trigger: scope.context.trigger, steps: { ...scope.context.steps } }, bindings: scope.bindings };
}

/** Previews a list of steps in a scope; returns the output of its last step. */
async function previewList(steps: DraftStep[], scope: Scope, run: RunState, record: boolean, inactive: boolean): Promise<unknown> {
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
 * The output of every step on the sample, computed in the browser where the step is pure (map,
 * filter, and the control steps: which branch paths match, a loop's items, a delay's resume time, a
 * respond step's answer) and taken from the last test where it is not (http). Later expressions are
 * previewed against these outputs, as the worker would run them. Steps inside a loop are previewed
 * with its first item; steps of a path that would not run are marked `inactive`.
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

/** Steps inside a loop are not visible after the loop. */
function visibleAfter(visit: StepVisit): boolean {
  return visit.ancestors.every((ancestor) => ancestor.entry.step.type !== 'loop');
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
    const hidden = visit.ancestors.some((ancestor) => ancestor.entry.step.type === 'loop' && !enclosing.has(ancestor.entry.key));
    const state = outputs[visit.entry.key];
    if (hidden || !state || (state.inactive && !targetInactive) || !(state.source === 'preview' || state.source === 'test')) continue;
    earlier[visit.entry.step.id] = state.output;
  }
  const loop = [...(target?.ancestors ?? [])].reverse().find((ancestor) => ancestor.entry.step.type === 'loop');
  const bindings: Record<string, unknown> = {};
  if (loop) {
    const state = outputs[loop.entry.key];
    bindings.item = state?.firstItem;
    bindings.index = 0;
  }
  return { trigger: sample, steps: earlier, bindings };
}
