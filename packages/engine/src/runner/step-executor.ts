import type { EvaluateOptions } from '../expressions/evaluate-expression';
import type { ExpressionLimits } from '../expressions/expression-limits';
import type { Step } from '../steps/step.schema';
import { kitOf } from '../steps/step-kits';
import { childStepLists, stepListsOf } from '../steps/step-tree';
import type { EnginePorts } from './ports';
import { NestedStepError, toStepErrorInfo, type StepErrorInfo } from './step-error';
import type { BlockOutcome, ExpressionContext, StepHalt } from './step-handler';
import type { RespondOutput, StepResult } from './step-result';

/**
 * Wraps an error thrown by the host's `onStepFinished` (a failed checkpoint) so that no step
 * handler classifies it as a step failure: it rejects the run, as a crash would.
 */
export class HostCallbackError extends Error {
  readonly original: unknown;

  constructor(original: unknown) {
    super(original instanceof Error ? original.message : String(original));
    this.name = 'HostCallbackError';
    this.original = original;
  }
}

/** What one run (or one `executeStep`) shares across all its steps, nested ones included. */
export interface RunState {
  ports: EnginePorts;
  now: number;
  limits: ExpressionLimits;
  runId?: string;
  /** Succeeded steps of earlier attempts, by journal key: reused, never executed again. */
  journal: ReadonlyMap<string, StepResult>;
  /** Every step result of this attempt (executed or reused), in the order they finished. */
  results: StepResult[];
  onStepFinished?: (result: StepResult) => Promise<void>;
  /** The first `respond` output. */
  response?: RespondOutput;
  /** Variables every expression of the run sees (`$resumeUrl`, `$approvalUrl`). */
  bindings?: Record<string, unknown>;
}

/** Where a list of steps runs: its journal key prefix, context and variables. */
export interface BlockScope {
  prefix: string;
  parentStepId?: string;
  context: ExpressionContext;
  bindings?: Record<string, unknown>;
}

/** One executed step: its journal entry, and whether and why the run does not go on. */
export interface StepRun {
  result: StepResult;
  halt?: StepHalt;
  /** Set when the step failed: the error of the innermost failing step, with its journal key. */
  failure?: StepErrorInfo & { stepId: string };
  /**
   * Whether the entry is journaled. A branch or loop is journaled once it finished (or failed):
   * when the run waits or stops with success inside it, it has no entry and runs again on resume,
   * skipping its completed nested steps.
   */
  record: boolean;
}

/** Runs one step (not looking at the journal): handler, timing, error classification. */
export async function runStep(state: RunState, step: Step, key: string, scope: BlockScope): Promise<StepRun> {
  const { ports } = state;
  const startedAt = ports.clock.now();
  const base =
    scope.parentStepId === undefined
      ? { stepId: key, type: step.type }
      : { stepId: key, type: step.type, parentStepId: scope.parentStepId, definitionStepId: step.id };
  const evaluate: EvaluateOptions = { now: state.now, limits: state.limits };
  if (scope.bindings || state.bindings) evaluate.bindings = { ...state.bindings, ...scope.bindings };
  if (ports.ids) {
    const ids = ports.ids;
    evaluate.uuid = () => ids.uuid();
  }
  const handler = kitOf(step).handler;
  try {
    const outcome = await handler({
      step,
      key,
      context: scope.context,
      ports,
      evaluate,
      runId: state.runId,
      runSteps: (params) =>
        runBlock(state, params.steps, {
          prefix: params.prefix,
          parentStepId: params.parentStepId,
          context: params.context,
          bindings: params.bindings,
        }),
    });
    const halt: StepHalt | undefined = outcome.halt ?? (outcome.proceed === false ? { reason: 'filtered' } : undefined);
    const timing = { attempts: 1, startedAt, finishedAt: ports.clock.now() };
    if (halt?.reason === 'stopped' && halt.status === 'failed') {
      const error: StepErrorInfo = { code: 'STOPPED', message: halt.message || 'The run was stopped', kind: 'user', retryable: false };
      if (halt.stepId !== key) error.details = { stepId: halt.stepId };
      return { result: { ...base, status: 'failed', output: outcome.output, error, ...timing }, halt, record: true };
    }
    const result: StepResult = { ...base, status: 'succeeded', input: outcome.input, output: outcome.output, ...timing };
    return { result, halt, record: outcome.journal !== false && (halt === undefined || stepListsOf(step) === undefined) };
  } catch (err) {
    if (err instanceof HostCallbackError) throw err;
    const error = toStepErrorInfo(err);
    const failure = err instanceof NestedStepError ? err.nested : { ...error, stepId: key };
    const input = error.details?.request;
    return {
      result: { ...base, status: 'failed', input, error, attempts: 1, startedAt, finishedAt: ports.clock.now() },
      failure,
      record: true,
    };
  }
}

/**
 * Runs a list of steps in order. Steps whose journal key is in the journal are not executed again:
 * their outputs are reused (and, for a branch, the outputs of the nested steps it ran).
 */
export async function runBlock(state: RunState, steps: ReadonlyArray<Step>, scope: BlockScope): Promise<BlockOutcome> {
  let last: { output: unknown } | undefined;
  for (const step of steps) {
    const key = scope.prefix + step.id;
    const done = state.journal.get(key);
    if (done) {
      state.results.push(done);
      scope.context.steps[step.id] = done.output;
      restoreNestedOutputs(state, step, key, done, scope.context);
      if (kitOf(step).answersSender) state.response ??= done.output as RespondOutput;
      last = { output: done.output };
      const halt = journaledHalt(state, step, key, done);
      if (halt) return outcomeOf(halt, key);
      continue;
    }
    const run = await runStep(state, step, key, scope);
    if (run.record) {
      state.results.push(run.result);
      try {
        await state.onStepFinished?.(run.result);
      } catch (err) {
        throw err instanceof HostCallbackError ? err : new HostCallbackError(err);
      }
    }
    if (run.failure) return { kind: 'failed', error: run.failure };
    // Also when the step halts: a filter that ended a branch path stays visible after the branch.
    scope.context.steps[step.id] = run.result.output;
    if (run.halt) return outcomeOf(run.halt, key);
    if (kitOf(step).answersSender) state.response ??= run.result.output as RespondOutput;
    last = { output: run.result.output };
  }
  return last === undefined ? { kind: 'completed' } : { kind: 'completed', last };
}

function outcomeOf(halt: StepHalt, key: string): BlockOutcome {
  switch (halt.reason) {
    case 'filtered':
      return { kind: 'filtered', stepId: key };
    case 'stopped':
      return { kind: 'stopped', status: halt.status, message: halt.message, stepId: halt.stepId };
    case 'waiting':
      return { kind: 'waiting', resumeAt: halt.resumeAt };
  }
}

/** The halt a journaled (succeeded) step stands for when it is reused (see `StepKit.replay`). */
function journaledHalt(state: RunState, step: Step, key: string, done: StepResult): StepHalt | undefined {
  return kitOf(step).replay?.halt?.({ step, key, output: done.output, now: () => state.ports.clock.now() });
}

/**
 * Puts back the outputs of the nested steps a journaled container ran, so later steps see them: the
 * lists its output says ran (a branch's matched paths). Lists run per item (loops) keep their outputs
 * inside, so there is nothing to put back.
 */
function restoreNestedOutputs(state: RunState, step: Step, key: string, done: StepResult, context: ExpressionContext): void {
  const lists = stepListsOf(step);
  if (!lists || lists.perItem) return;
  for (const list of childStepLists(step)) {
    if (lists.ran?.({ output: done.output, id: list.id }) !== true) continue;
    const prefix = lists.journalPrefix({ key, id: list.id });
    for (const inner of list.steps) {
      const innerKey = `${prefix}${inner.id}`;
      const entry = state.journal.get(innerKey);
      if (!entry) continue;
      context.steps[inner.id] = entry.output;
      restoreNestedOutputs(state, inner, innerKey, entry, context);
    }
  }
}
