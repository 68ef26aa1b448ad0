import type { EvaluateOptions } from '../expressions/evaluate-expression';
import type { Step } from '../schema/step.schema';
import type { EnginePorts } from './ports';

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

export interface StepHandlerParams<S extends Step> {
  step: S;
  context: ExpressionContext;
  ports: EnginePorts;
  evaluate: EvaluateOptions;
}

/** What a step produced: its output, what it sent (for `http`), and whether the run goes on. */
export interface StepOutcome {
  output: unknown;
  input?: unknown;
  /** `false` ends the run as `filtered`. */
  proceed?: boolean;
}

export type StepHandler<S extends Step> = (params: StepHandlerParams<S>) => Promise<StepOutcome>;
