import type { EvaluateOptions } from '../expressions/evaluate-expression';
import type { Step } from '../steps/step.schema';
import type { EnginePorts } from './ports';
import type { StepErrorInfo } from './step-error';

/** The document every expression sees. */
export interface ExpressionContext {
  trigger: TriggerData;
  steps: Record<string, unknown>;
}

/** The inbound request that started the run, as expressions see it. */
export interface TriggerData {
  body: unknown;
  headers: Record<string, string | string[]>;
  query: Record<string, string | string[]>;
  method: string;
  receivedAt: string;
}

/**
 * Why the run (or the enclosing branch path or loop item, for `filtered`) does not go on after a
 * step that did not fail:
 * - `filtered`: a filter was false; at the top level the run ends as `filtered`, inside a branch path
 *   or a loop item only that path or item ends;
 * - `stopped`: a `stop` step ended the run (`stepId` is its journal key);
 * - `waiting`: a `delay` step waits until `resumeAt` (epoch ms); the host resumes the run then.
 */
export type StepHalt =
  | { reason: 'filtered' }
  | { reason: 'stopped'; status: 'succeeded' | 'failed'; message: string; stepId: string }
  | { reason: 'waiting'; resumeAt: number };

/** How a list of steps (the workflow's, a branch path's or a loop item's) ended. */
export type BlockOutcome =
  /** Every step ran; `last` holds the output of the last one (absent for an empty list). */
  | { kind: 'completed'; last?: { output: unknown } }
  | { kind: 'filtered'; stepId: string }
  /** `error.stepId` is the journal key of the innermost failing step. */
  | { kind: 'failed'; error: StepErrorInfo & { stepId: string } }
  | { kind: 'stopped'; status: 'succeeded' | 'failed'; message: string; stepId: string }
  | { kind: 'waiting'; resumeAt: number };

/** A nested list of steps to run for a branch path or a loop item. */
export interface RunStepsParams {
  steps: ReadonlyArray<Step>;
  /** Prefix of the nested steps' journal keys, e.g. `route.0.` or `orders[3].`. */
  prefix: string;
  /** Journal key of the branch or loop step that runs them. */
  parentStepId: string;
  /** The context the nested steps read and add their outputs to. */
  context: ExpressionContext;
  /** Variables of the scope (`$item`, `$index` inside a loop). */
  bindings?: Record<string, unknown>;
}

export interface StepHandlerParams<S extends Step> {
  step: S;
  /**
   * The step's journal key: its id, prefixed inside branch paths and loops (`route.0.notify`,
   * `orders[3].notify`). Unique and stable within a run.
   */
  key: string;
  context: ExpressionContext;
  ports: EnginePorts;
  evaluate: EvaluateOptions;
  /** Id of the run, when the host gives one (idempotency keys). */
  runId?: string;
  /** Runs nested steps, journaling them like top-level ones (used by `branch` and `loop`). */
  runSteps(params: RunStepsParams): Promise<BlockOutcome>;
}

/** What a step produced: its output, what it sent (for `http`), and whether the run goes on. */
export interface StepOutcome {
  output: unknown;
  input?: unknown;
  /** `false` ends the run (or the enclosing path or item) as `filtered`. */
  proceed?: boolean;
  /** Why the run does not go on although the step did not fail. */
  halt?: StepHalt;
  /**
   * `false`: the outcome is not journaled, so the step runs again when the run resumes (a `wait`
   * or `subworkflow` step still waiting asks its host again then).
   */
  journal?: false;
}

export type StepHandler<S extends Step> = (params: StepHandlerParams<S>) => Promise<StepOutcome>;
