import type { StepType } from '../steps/step.schema';
import type { StepErrorInfo } from './step-error';

/**
 * The record of one executed step, as the host persists it (keyed by run and `stepId`).
 *
 * `stepId` is the step's journal key: its id for a top-level step; inside a branch path
 * `<branchKey>.<pathIndex>.<id>` (`otherwise` for the otherwise path), inside a loop
 * `<loopKey>[<itemIndex>].<id>`, composed at every level: `orders[3].route.0.notify`.
 */
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
  /** Nested steps only: the journal key of the enclosing branch or loop step. */
  parentStepId?: string;
  /** Nested steps only: the step's id in the definition (the last part of `stepId`). */
  definitionStepId?: string;
}

/** What a `respond` step sets as the answer to the request that started the run. */
export interface RespondOutput {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * How a run ended, or that it waits. `error` names the failing step (its journal key) when there is
 * one. `waiting`: a delay step waits until `resumeAt` (epoch ms); the host runs the run again then,
 * with its journal.
 */
export interface RunVerdict {
  status: 'succeeded' | 'failed' | 'filtered' | 'waiting';
  error?: StepErrorInfo & { stepId?: string };
  steps: StepResult[];
  /** `waiting` only: when to resume the run, in epoch milliseconds. */
  resumeAt?: number;
  /** Set when a `stop` step ended the run. */
  stopped?: { stepId: string; status: 'succeeded' | 'failed'; message: string };
  /** The output of the first `respond` step that finished, for triggers in `wait` mode. */
  response?: RespondOutput;
}
