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
