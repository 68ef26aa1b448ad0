import type { ExpressionLimits } from '../expression-limits';

/**
 * An error thrown by a library function, in JSONata's shape (`code`, `message`); the evaluator
 * adds the position of the call and reports it as an `ExpressionError`.
 */
export interface FunctionError {
  code: string;
  message: string;
}

/** `INVALID_ARGUMENT` (or another code) with the function's name in front of the message. */
export function functionError(fn: string, message: string, code = 'INVALID_ARGUMENT'): FunctionError {
  return { code, message: `$${fn}: ${message}` };
}

/** What long-running library functions get from the evaluation they run in. */
export interface FunctionRuntime {
  limits: ExpressionLimits;
  /**
   * Called between chunks of long work: throws `LIMIT_TIMEOUT` once the evaluation's time budget is
   * spent and gives the event loop a turn every few milliseconds.
   */
  tick(): Promise<void> | void;
}

/** A runtime without a budget, for direct calls (tests, hosts). */
export function unboundedRuntime(limits: ExpressionLimits): FunctionRuntime {
  return { limits, tick: () => undefined };
}

/** Throws `LIMIT_STRING` when a string being built would exceed the limit. */
export function assertStringLength(fn: string, length: number, limits: ExpressionLimits): void {
  if (length > limits.maxStringLength) {
    throw { code: 'LIMIT_STRING', message: `$${fn} would produce a string longer than ${limits.maxStringLength} characters` };
  }
}

/** Cuts `text` into slices of about `size` UTF-16 units without splitting a surrogate pair. */
export function* chunks(text: string, size: number): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(start, end);
    start = end;
  }
}
