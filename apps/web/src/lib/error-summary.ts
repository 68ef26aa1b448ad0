export interface ErrorSummary {
  message: string | null;
  code: string | null;
  stepId: string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

/** Reads the human parts of a run or step error, whose shape the engine may extend. */
export function summariseError(error: unknown): ErrorSummary {
  if (typeof error === 'string') return { message: text(error), code: null, stepId: null };
  if (typeof error !== 'object' || error === null) return { message: null, code: null, stepId: null };
  const record = error as Record<string, unknown>;
  return { message: text(record.message), code: text(record.code), stepId: text(record.stepId) };
}

/**
 * The failed step as a person reads it: the name it was given (`Post to Slack`, which the api adds
 * as `stepName`), else its id (`slack_1`). Null when the error names no step.
 */
export function failedStepLabel(error: unknown): { label: string; id: string; named: boolean } | null {
  const { stepId } = summariseError(error);
  if (!stepId) return null;
  const name = typeof error === 'object' && error !== null ? text((error as Record<string, unknown>).stepName) : null;
  return { label: name ?? stepId, id: stepId, named: name !== null };
}
