import type { EvaluateOptions } from '../expressions/evaluate-expression';
import type { ExpressionLimits } from '../expressions/expression-limits';
import { CONTAINER_STEP_TYPES, type Step, type StepType } from '../steps/step.schema';
import { branchHandler } from '../steps/branch/branch.handler';
import { delayHandler } from '../steps/delay/delay.handler';
import { discordHandler } from '../steps/discord/discord.handler';
import { emailHandler } from '../steps/email/email.handler';
import { filterHandler } from '../steps/filter/filter.handler';
import { httpHandler } from '../steps/http/http.handler';
import { loopHandler } from '../steps/loop/loop.handler';
import { mapHandler } from '../steps/map/map.handler';
import { respondHandler } from '../steps/respond/respond.handler';
import { slackHandler } from '../steps/slack/slack.handler';
import { stopHandler } from '../steps/stop/stop.handler';
import { teamsHandler } from '../steps/teams/teams.handler';
import { telegramHandler } from '../steps/telegram/telegram.handler';
import { webhookHandler } from '../steps/webhook/webhook.handler';
import type { EnginePorts } from './ports';
import { NestedStepError, toStepErrorInfo, type StepErrorInfo } from './step-error';
import type { BlockOutcome, ExpressionContext, StepHalt, StepHandler } from './step-handler';
import type { RespondOutput, StepResult } from './step-result';

const HANDLERS: { [T in StepType]: StepHandler<Extract<Step, { type: T }>> } = {
  map: mapHandler,
  filter: filterHandler,
  http: httpHandler,
  branch: branchHandler,
  loop: loopHandler,
  delay: delayHandler,
  respond: respondHandler,
  stop: stopHandler,
  slack: slackHandler,
  discord: discordHandler,
  teams: teamsHandler,
  telegram: telegramHandler,
  webhook: webhookHandler,
  email: emailHandler,
};

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
  if (scope.bindings) evaluate.bindings = scope.bindings;
  if (ports.ids) {
    const ids = ports.ids;
    evaluate.uuid = () => ids.uuid();
  }
  const handler = HANDLERS[step.type] as StepHandler<Step>;
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
    return { result, halt, record: halt === undefined || !CONTAINER_STEP_TYPES.includes(step.type) };
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
      if (step.type === 'respond') state.response ??= done.output as RespondOutput;
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
    if (step.type === 'respond') state.response ??= run.result.output as RespondOutput;
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

/** The halt a journaled (succeeded) step stands for when it is reused. */
function journaledHalt(state: RunState, step: Step, key: string, done: StepResult): StepHalt | undefined {
  const output = done.output as Record<string, unknown> | null | undefined;
  switch (step.type) {
    case 'filter':
      return output?.passed === false ? { reason: 'filtered' } : undefined;
    case 'stop':
      return { reason: 'stopped', status: 'succeeded', message: typeof output?.message === 'string' ? output.message : '', stepId: key };
    case 'delay': {
      const resumeAt = typeof output?.resumeAt === 'string' ? Date.parse(output.resumeAt) : Number.NaN;
      return Number.isFinite(resumeAt) && resumeAt > state.ports.clock.now() ? { reason: 'waiting', resumeAt } : undefined;
    }
    default:
      return undefined;
  }
}

/** Puts back the outputs of the steps a journaled branch ran, so later steps see them. */
function restoreNestedOutputs(state: RunState, step: Step, key: string, done: StepResult, context: ExpressionContext): void {
  if (step.type !== 'branch') return;
  const output = done.output as { matched?: unknown; otherwise?: unknown } | undefined;
  const ran: Array<{ path: string; steps: Step[] }> = [];
  if (Array.isArray(output?.matched)) {
    for (const index of output.matched) {
      const path = typeof index === 'number' ? step.paths[index] : undefined;
      if (path) ran.push({ path: String(index), steps: path.steps });
    }
  }
  if (output?.otherwise === true && step.otherwise) ran.push({ path: 'otherwise', steps: step.otherwise.steps });
  for (const { path, steps } of ran) {
    for (const inner of steps) {
      const innerKey = `${key}.${path}.${inner.id}`;
      const entry = state.journal.get(innerKey);
      if (!entry) continue;
      context.steps[inner.id] = entry.output;
      restoreNestedOutputs(state, inner, innerKey, entry, context);
    }
  }
}
