import { ExpressionError } from '../expressions/expression-error';

/** A step failure as recorded in the run journal. */
export interface StepErrorInfo {
  code: string;
  message: string;
  /** `user`: the workflow or the remote system needs fixing; `system`: our side failed. */
  kind: 'user' | 'system';
  /** Whether trying the same step again may succeed (network errors, 5xx, 429). */
  retryable: boolean;
  /** `remote`: the other service answered with this error (its status and words are in the message). */
  source?: 'remote';
  /** The field of the step the error is about, e.g. `condition`. */
  field?: string;
  /** Position inside that field's expression, for expression errors. */
  position?: number;
  details?: Record<string, unknown>;
}

/** Error thrown by step handlers; classified where it is born. */
export class StepError extends Error {
  readonly info: StepErrorInfo;

  constructor(info: StepErrorInfo) {
    super(info.message);
    this.name = 'StepError';
    this.info = info;
  }

  static fromExpression(error: ExpressionError, field: string, offset = 0): StepError {
    return new StepError({
      code: error.code,
      message: `${field}: ${error.message}`,
      kind: 'user',
      retryable: false,
      field,
      position: error.position !== undefined ? error.position + offset : undefined,
    });
  }
}

/** Classifies anything a handler threw into a {@link StepErrorInfo}. */
export function toStepErrorInfo(err: unknown): StepErrorInfo {
  if (err instanceof StepError) return err.info;
  if (err instanceof ExpressionError) {
    return { code: err.code, message: err.message, kind: 'user', retryable: false, position: err.position };
  }
  const e = (err ?? {}) as { code?: unknown; message?: unknown; retryable?: unknown; kind?: unknown };
  return {
    code: typeof e.code === 'string' ? e.code : 'INTERNAL_ERROR',
    message: typeof e.message === 'string' ? e.message : String(err),
    kind: e.kind === 'user' ? 'user' : 'system',
    retryable: typeof e.retryable === 'boolean' ? e.retryable : true,
  };
}

/**
 * Thrown by `branch` and `loop` when one of their nested steps failed. The container step fails
 * with the nested error (its `details.stepId` names the nested step); the run's error is the nested
 * step's own, with its journal key as `stepId`.
 */
export class NestedStepError extends StepError {
  readonly nested: StepErrorInfo & { stepId: string };

  constructor(nested: StepErrorInfo & { stepId: string }) {
    super({
      code: nested.code,
      message: nested.message,
      kind: nested.kind,
      retryable: nested.retryable,
      details: { stepId: nested.stepId },
    });
    this.name = 'NestedStepError';
    this.nested = nested;
  }
}
