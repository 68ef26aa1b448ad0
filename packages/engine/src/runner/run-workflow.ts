import type { ExpressionLimits } from '../expressions/expression-limits';
import { DEFAULT_EXPRESSION_LIMITS } from '../expressions/expression-limits';
import { ExpressionError } from '../expressions/expression-error';
import { assertDataDepth } from '../expressions/sanitize-value';
import type { Step, StepType } from '../schema/step.schema';
import type { WorkflowDefinition } from '../schema/workflow-definition.schema';
import { filterHandler } from './handlers/filter.handler';
import { httpHandler } from './handlers/http.handler';
import { mapHandler } from './handlers/map.handler';
import type { EnginePorts } from './ports';
import { toStepErrorInfo, type StepErrorInfo } from './step-error';
import type { ExpressionContext, StepHandler, TriggerData } from './step-handler';

/** The record of one executed step, as the host persists it. */
export interface StepResult {
  stepId: string;
  type: StepType;
  status: 'succeeded' | 'failed';
  input?: unknown;
  output?: unknown;
  error?: StepErrorInfo;
  attempts: number;
  startedAt: number;
  finishedAt: number;
}

/** How a run ended. `error` names the failing step when there is one. */
export interface RunVerdict {
  status: 'succeeded' | 'failed' | 'filtered';
  error?: StepErrorInfo & { stepId?: string };
  steps: StepResult[];
}

export interface RunWorkflowParams {
  definition: WorkflowDefinition;
  trigger: TriggerData;
  /** Steps completed by an earlier attempt of this run; they are not executed again. */
  journal?: ReadonlyArray<StepResult>;
  ports: EnginePorts;
  /** The run's recorded instant: what `$now()` and `$millis()` return in every step. */
  now: number;
  limits?: Partial<ExpressionLimits>;
  /** Called after each step, before the next one starts: the host checkpoints it. */
  onStepFinished?: (result: StepResult) => Promise<void>;
}

const HANDLERS: { [T in StepType]: StepHandler<Extract<Step, { type: T }>> } = {
  map: mapHandler,
  filter: filterHandler,
  http: httpHandler,
};

/** The outcome of {@link executeStep}: the journal entry and whether the run goes on. */
export interface ExecutedStep {
  result: StepResult;
  proceed: boolean;
}

/**
 * Executes one step against an expression context (the trigger and earlier outputs). Used by
 * {@link runWorkflow}, and by hosts to test a single step from the builder.
 */
export async function executeStep(params: {
  step: Step;
  context: ExpressionContext;
  ports: EnginePorts;
  now: number;
  limits?: Partial<ExpressionLimits>;
}): Promise<ExecutedStep> {
  const { step, context, ports, now } = params;
  const limits = { ...DEFAULT_EXPRESSION_LIMITS, ...params.limits };
  const startedAt = ports.clock.now();
  const handler = HANDLERS[step.type] as StepHandler<Step>;
  try {
    const outcome = await handler({ step, context, ports, evaluate: { now, limits } });
    return {
      proceed: outcome.proceed !== false,
      result: { stepId: step.id, type: step.type, status: 'succeeded', input: outcome.input, output: outcome.output, attempts: 1, startedAt, finishedAt: ports.clock.now() },
    };
  } catch (err) {
    const error = toStepErrorInfo(err);
    const input = error.details?.request;
    return { proceed: false, result: { stepId: step.id, type: step.type, status: 'failed', input, error, attempts: 1, startedAt, finishedAt: ports.clock.now() } };
  }
}

/**
 * Runs a workflow definition on a trigger request. Pure apart from the injected ports: the same
 * definition, trigger, journal, `now` and port answers always give the same journal and verdict.
 * Steps already in `journal` are skipped and their outputs reused, so a crashed run resumes after
 * its last completed step.
 */
export async function runWorkflow(params: RunWorkflowParams): Promise<RunVerdict> {
  const { definition, trigger, ports, now } = params;
  const limits = { ...DEFAULT_EXPRESSION_LIMITS, ...params.limits };
  const results: StepResult[] = [];
  const completed = new Map((params.journal ?? []).filter((r) => r.status === 'succeeded').map((r) => [r.stepId, r]));

  try {
    assertDataDepth({ value: trigger.body, maxDepth: limits.maxDataDepth, what: 'The trigger request body' });
  } catch (err) {
    const info = toStepErrorInfo(err as ExpressionError);
    return { status: 'failed', error: info, steps: results };
  }

  const context: ExpressionContext = { trigger, steps: {} };
  for (const step of definition.steps) {
    const done = completed.get(step.id);
    if (done) {
      context.steps[step.id] = done.output;
      results.push(done);
      if (step.type === 'filter' && (done.output as { passed?: boolean } | undefined)?.passed === false) {
        return { status: 'filtered', steps: results };
      }
      continue;
    }
    const { result, proceed } = await executeStep({ step, context, ports, now, limits });
    results.push(result);
    await params.onStepFinished?.(result);
    if (result.status === 'failed') {
      return { status: 'failed', error: { ...(result.error as StepErrorInfo), stepId: step.id }, steps: results };
    }
    context.steps[step.id] = result.output;
    if (!proceed) return { status: 'filtered', steps: results };
  }
  return { status: 'succeeded', steps: results };
}
