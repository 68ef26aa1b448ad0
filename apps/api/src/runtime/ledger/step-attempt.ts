import { OUTBOUND_STEP_TYPES, type StepResult } from '@switchyard/engine';
import type { StepAttempt } from '@switchyard/contract';

function numberAt(value: unknown, key: string): number | undefined {
  const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof found === 'number' ? found : undefined;
}

/**
 * The attempt-log entry of one execution of a step: when, how it ended, the HTTP status the service
 * answered (from the output, or the error's details), and for a failure its code, message and
 * whether it is retried.
 */
export function stepAttempt(result: StepResult): StepAttempt {
  const error = result.error;
  const outbound = OUTBOUND_STEP_TYPES.includes(result.type);
  const httpStatus = !outbound ? undefined : error ? numberAt(error.details, 'status') : numberAt(result.output, 'status');
  return {
    startedAt: new Date(result.startedAt).toISOString(),
    finishedAt: new Date(result.finishedAt).toISOString(),
    status: result.status === 'failed' ? 'failed' : 'succeeded',
    ...(httpStatus !== undefined ? { httpStatus } : {}),
    ...(error ? { error: { code: error.code, message: error.message, retryable: error.retryable } } : {}),
  };
}
