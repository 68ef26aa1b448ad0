import type { ExpressionLimits } from '../expressions/expression-limits';
import { DEFAULT_EXPRESSION_LIMITS } from '../expressions/expression-limits';
import { ExpressionError } from '../expressions/expression-error';
import { assertDataDepth } from '../expressions/sanitize-value';
import type { Step } from '../steps/step.schema';
import { childStepLists, stepListsOf } from '../steps/step-tree';
import type { WorkflowDefinition } from '../schema/workflow-definition.schema';
import type { EnginePorts } from './ports';
import { toStepErrorInfo, type StepErrorInfo } from './step-error';
import { HostCallbackError, runBlock, runStep, type RunState } from './step-executor';
import type { ExpressionContext, StepHalt, TriggerData } from './step-handler';
import type { RunVerdict, StepResult } from './step-result';

export type { RespondOutput, RunVerdict, StepResult } from './step-result';

export interface RunWorkflowParams {
  definition: WorkflowDefinition;
  trigger: TriggerData;
  /**
   * Steps recorded by earlier attempts of this run. Succeeded ones are not executed again (nested
   * ones included, by journal key); failed ones are ignored and run again.
   */
  journal?: ReadonlyArray<StepResult>;
  ports: EnginePorts;
  /** The run's recorded instant: what `$now()` and `$millis()` return in every step. */
  now: number;
  /**
   * The identity of the run's side effects: `http` and app steps send `Idempotency-Key: <runId>:<stepKey>`,
   * signed webhooks `webhook-id: msg_<runId>_<stepKey>`, e-mails `Message-ID: <runId.stepKey@switchyard>`;
   * without it, none of these. Hosts pass the run's id, or for a replay the first run's, so that receivers
   * recognise a repeat of the same request and step.
   */
  runId?: string;
  limits?: Partial<ExpressionLimits>;
  /**
   * Called after each step (nested ones included), before the step that follows it starts: the
   * host checkpoints it. Items of a loop with `concurrency` above 1 call it concurrently.
   */
  onStepFinished?: (result: StepResult) => Promise<void>;
}

/** The outcome of {@link executeStep}: the journal entry and whether the run goes on. */
export interface ExecutedStep {
  result: StepResult;
  /** Whether steps after this one would run (false when it failed, filtered, stopped or waits). */
  proceed: boolean;
  /** Why the run would not go on although the step did not fail, or did (a failed `stop`). */
  halt?: StepHalt;
  /** Entries of the nested steps a branch or loop ran, in the order they finished. */
  nested: StepResult[];
}

/**
 * Executes one step against an expression context (the trigger and earlier outputs); a branch or
 * loop runs its nested steps too. Used by hosts to test a single step from the builder. The given
 * context is not modified.
 */
export async function executeStep(params: {
  step: Step;
  context: ExpressionContext;
  ports: EnginePorts;
  now: number;
  limits?: Partial<ExpressionLimits>;
  runId?: string;
  /** Variables, e.g. `{ item, index }` to test a step of a loop. */
  bindings?: Record<string, unknown>;
}): Promise<ExecutedStep> {
  const { step, ports, now } = params;
  const state: RunState = {
    ports,
    now,
    limits: { ...DEFAULT_EXPRESSION_LIMITS, ...params.limits },
    runId: params.runId,
    journal: new Map(),
    results: [],
  };
  const context: ExpressionContext = { trigger: params.context.trigger, steps: { ...params.context.steps } };
  const run = await unwrapHostErrors(() => runStep(state, step, step.id, { prefix: '', context, bindings: params.bindings }));
  return {
    result: run.result,
    proceed: run.result.status === 'succeeded' && run.halt === undefined,
    halt: run.halt,
    nested: state.results,
  };
}

/**
 * Runs a workflow definition on a trigger request. Pure apart from the injected ports: the same
 * definition, trigger, journal, `now` and port answers always give the same journal and verdict.
 * Steps already in `journal` are skipped and their outputs reused, so a crashed run resumes after
 * its last completed step (also inside branches and loops). A run that reaches a `delay` answers
 * `waiting` with `resumeAt`; run it again with its journal to go on.
 */
export async function runWorkflow(params: RunWorkflowParams): Promise<RunVerdict> {
  const { definition, trigger, ports, now } = params;
  const limits = { ...DEFAULT_EXPRESSION_LIMITS, ...params.limits };
  const journal = new Map((params.journal ?? []).filter((r) => r.status === 'succeeded').map((r) => [r.stepId, r]));
  const state: RunState = { ports, now, limits, runId: params.runId, journal, results: [], onStepFinished: params.onStepFinished };
  const waitKey = firstWaitKey(definition.steps);
  if (waitKey !== undefined && ports.waits) state.bindings = ports.waits.urls(waitKey);

  try {
    assertDataDepth({ value: trigger.body, maxDepth: limits.maxDataDepth, what: 'The trigger request body' });
  } catch (err) {
    const info = toStepErrorInfo(err as ExpressionError);
    return { status: 'failed', error: info, steps: state.results };
  }

  const context: ExpressionContext = { trigger, steps: {} };
  const outcome = await unwrapHostErrors(() => runBlock(state, definition.steps, { prefix: '', context }));
  const verdict = toVerdict(outcome, state.results);
  if (state.response !== undefined) verdict.response = state.response;
  return verdict;
}

/**
 * The journal key of the step `$resumeUrl` and `$approvalUrl` stand for: the run's first `wait`
 * step (depth first, in order), loops left out (a wait in a loop has a link per item, in its output).
 */
function firstWaitKey(steps: ReadonlyArray<Step>, prefix = ''): string | undefined {
  for (const step of steps) {
    const key = prefix + step.id;
    if (step.type === 'wait') return key;
    const lists = stepListsOf(step);
    if (!lists || lists.perItem) continue;
    for (const list of childStepLists(step)) {
      const inner = firstWaitKey(list.steps, lists.journalPrefix({ key, id: list.id }));
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/** Rethrows what the host's own callback threw, as it threw it. */
async function unwrapHostErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw err instanceof HostCallbackError ? err.original : err;
  }
}

function toVerdict(outcome: Awaited<ReturnType<typeof runBlock>>, steps: StepResult[]): RunVerdict {
  switch (outcome.kind) {
    case 'completed':
      return { status: 'succeeded', steps };
    case 'filtered':
      return { status: 'filtered', steps };
    case 'failed':
      return { status: 'failed', error: outcome.error, steps };
    case 'waiting':
      return { status: 'waiting', resumeAt: outcome.resumeAt, steps };
    case 'stopped': {
      const stopped = { stepId: outcome.stepId, status: outcome.status, message: outcome.message };
      if (outcome.status === 'succeeded') return { status: 'succeeded', stopped, steps };
      const error: StepErrorInfo & { stepId: string } = {
        code: 'STOPPED',
        message: outcome.message || 'The run was stopped',
        kind: 'user',
        retryable: false,
        stepId: outcome.stepId,
      };
      return { status: 'failed', error, stopped, steps };
    }
  }
}
