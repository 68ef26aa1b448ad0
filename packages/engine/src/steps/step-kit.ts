import type { z } from 'zod';
import type { RetryPolicy } from '../runner/retry-policy';
import type { StepHalt, StepHandler } from '../runner/step-handler';
import type { FieldChecks } from '../validation/field-checks';
import type { StepListsOf } from './step-lists';
import type { StepOf, StepType } from './step.schema';

/**
 * Groups of step types: `logic` works on the data (map, filter), `flow` steers the run (paths,
 * loops, waits, the answer, the end), `action` calls any HTTP endpoint, `app` sends to one app.
 */
export const STEP_CATEGORIES = ['logic', 'flow', 'action', 'app'] as const;
export type StepCategory = (typeof STEP_CATEGORIES)[number];

/** What a journaled (succeeded) step stands for when a run that resumes or replays reuses its entry. */
export interface StepReplay<S> {
  /**
   * The halt the reused entry stands for: a filter that was false, a stop, a delay still to wait.
   * Without it, a reused entry lets the run go on.
   */
  halt?(params: { step: S; key: string; output: unknown; now: () => number }): StepHalt | undefined;
}

/** Default retry of steps that call out (HTTP, SMTP): three attempts, backing off from 1 s to at most 5 min. */
export const OUTBOUND_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, initialDelayMs: 1000, maxDelayMs: 300_000 };
/** Default retry of steps that do not call out: one attempt (their failures do not go away by waiting). */
export const NO_RETRY_POLICY: RetryPolicy = { maxAttempts: 1, initialDelayMs: 1000, maxDelayMs: 300_000 };

/**
 * Everything the engine knows about one step type, in its folder `steps/<type>/`: the registry
 * `STEP_KITS` holds one kit per type and the rest of the engine (executor, validation, step tree,
 * retry defaults) reads them instead of switching on the type. Wording for people (labels shown in
 * the builder) lives in the web's step kits; `label` and `description` here are for docs and messages.
 */
export interface StepKit<T extends StepType> {
  type: T;
  /** Short name, e.g. `Paths` for `branch`. */
  label: string;
  /** One sentence on what the step does. */
  description: string;
  category: StepCategory;
  /** The schema of the step; containers get theirs from the step union (see `steps/step.schema.ts`). */
  schema: z.ZodType<StepOf<T>>;
  handler: StepHandler<StepOf<T>>;
  /** Calls out of the machine (HTTP, SMTP): the request is journaled and builder tests send it for real. */
  outbound: boolean;
  /**
   * Deterministic from its inputs and effect-free (it neither calls out, nor waits, nor answers the
   * sender): a host may write its journal entry together with the next side effect's checkpoint or
   * the run's end instead of on its own (ADR 0014); after a crash it simply runs again.
   */
  pure?: boolean;
  /** Retry policy when the step sets none. */
  retry: RetryPolicy;
  /** Problems the schema cannot see: expression and template syntax, URLs, fields that depend on each other. */
  check(step: StepOf<T>, fields: FieldChecks): void;
  replay?: StepReplay<StepOf<T>>;
  /** Containers only: the nested lists of steps. */
  lists?: StepListsOf;
  /** The output is the HTTP answer to the request that started the run (the first such step to finish wins). */
  answersSender?: boolean;
}
