import { DEFAULT_EXPRESSION_LIMITS } from '../../expressions/expression-limits';
import { sanitizeValue } from '../../expressions/sanitize-value';
import type { LoopStep } from '../step.schema';
import { LOOP_MAX_ITEMS } from './loop.schema';
import { NestedStepError, StepError, toStepErrorInfo, type StepErrorInfo } from '../../runner/step-error';
import type { BlockOutcome, StepHalt, StepHandler } from '../../runner/step-handler';
import { evaluateField } from '../shared/evaluate-field';
import { loopLists } from './loop.lists';

/** A failed item, as collected in the loop's output when `onItemError` is `collect`. */
export interface LoopFailure {
  index: number;
  /** Journal key of the failing step (absent when the `output` expression failed). */
  stepId?: string;
  error: StepErrorInfo;
}

/** Output of a `loop` step. */
export interface LoopOutput {
  /** One entry per item, in item order. */
  results: unknown[];
  failures: LoopFailure[];
}

/** Why an item ended the loop: a nested outcome, or the loop's own `output` expression failing. */
type ItemEnd = {
  index: number;
  outcome: Extract<BlockOutcome, { kind: 'failed' | 'stopped' | 'waiting' }> | { kind: 'error'; error: unknown };
};

/**
 * `loop`: runs its steps once per item, at most `concurrency` items at a time, each item in its own
 * copy of the context (`$item`, `$index` bound). Items start in order; once an item fails (with
 * `onItemError: fail`), stops the run or waits, no further item starts, the running ones finish,
 * and the item with the lowest index decides: failed, then stopped, then waiting (earliest time).
 * Memory is one result per item plus the contexts of the items running.
 */
export const loopHandler: StepHandler<LoopStep> = async ({ step, key, context, evaluate, runSteps }) => {
  const value = await evaluateField({ field: 'items', source: step.items, context, evaluate });
  const items = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  if (items.length > LOOP_MAX_ITEMS) {
    throw new StepError({
      code: 'LOOP_TOO_MANY_ITEMS',
      message: `items: ${items.length} items, more than the ${LOOP_MAX_ITEMS} a loop may iterate over`,
      kind: 'user',
      retryable: false,
      field: 'items',
    });
  }
  const results: unknown[] = new Array(items.length).fill(null);
  const failures: LoopFailure[] = [];
  const ends: ItemEnd[] = [];
  let next = 0;

  const runItem = async (index: number): Promise<void> => {
    const itemContext = { trigger: context.trigger, steps: { ...context.steps } };
    const bindings = { ...evaluate.bindings, item: items[index], index };
    const prefix = loopLists.journalPrefix({ key, id: 'steps', item: index });
    const outcome = await runSteps({ steps: step.steps, prefix, parentStepId: key, context: itemContext, bindings });
    switch (outcome.kind) {
      case 'filtered':
        return;
      case 'failed':
        if (step.onItemError === 'collect') failures.push({ index, stepId: outcome.error.stepId, error: withoutStepId(outcome.error) });
        else ends.push({ index, outcome });
        return;
      case 'stopped':
      case 'waiting':
        ends.push({ index, outcome });
        return;
      case 'completed':
        break;
    }
    if (step.output === undefined) {
      results[index] = outcome.last ? outcome.last.output : step.steps.length === 0 ? items[index] : null;
      return;
    }
    try {
      const result = await evaluateField({
        field: 'output',
        source: step.output,
        context: itemContext,
        evaluate: { ...evaluate, bindings },
      });
      results[index] = result === undefined ? null : result;
    } catch (err) {
      if (step.onItemError === 'collect') failures.push({ index, error: toStepErrorInfo(err) });
      else ends.push({ index, outcome: { kind: 'error', error: err } });
    }
  };

  // A host error (a failing checkpoint) stops every worker; it is rethrown once none is running.
  let crash: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    try {
      while (next < items.length && ends.length === 0 && crash === undefined) await runItem(next++);
    } catch (error) {
      crash ??= { error };
    }
  };
  await Promise.all(Array.from({ length: Math.min(step.concurrency, items.length) }, worker));
  if (crash) throw crash.error;

  const output: LoopOutput = { results, failures: failures.sort((a, b) => a.index - b.index) };
  const end = decisiveEnd(ends);
  if (end) {
    const { outcome } = end;
    if (outcome.kind === 'error') throw outcome.error;
    if (outcome.kind === 'failed') throw new NestedStepError(outcome.error);
    const halt: StepHalt =
      outcome.kind === 'stopped'
        ? { reason: 'stopped', status: outcome.status, message: outcome.message, stepId: outcome.stepId }
        : { reason: 'waiting', resumeAt: Math.min(...ends.flatMap((e) => (e.outcome.kind === 'waiting' ? [e.outcome.resumeAt] : []))) };
    return { output, halt };
  }
  const limits = { ...DEFAULT_EXPRESSION_LIMITS, ...evaluate.limits };
  try {
    // The results are each within bounds; together they must stay storable as one step output.
    sanitizeValue({ value: output, maxDepth: limits.maxDataDepth, maxBytes: limits.maxOutputBytes });
  } catch (err) {
    const info = toStepErrorInfo(err);
    throw new StepError({ ...info, message: `The collected results: ${info.message}`, field: 'output' });
  }
  return { output };
};

/** The end that decides the loop: a failure, else a stop (lowest index first), else a wait. */
function decisiveEnd(ends: ItemEnd[]): ItemEnd | undefined {
  const byIndex = [...ends].sort((a, b) => a.index - b.index);
  return (
    byIndex.find((e) => e.outcome.kind === 'failed' || e.outcome.kind === 'error') ??
    byIndex.find((e) => e.outcome.kind === 'stopped') ??
    byIndex[0]
  );
}

function withoutStepId(error: StepErrorInfo & { stepId?: string }): StepErrorInfo {
  const { stepId: _stepId, ...rest } = error;
  return rest;
}
