/**
 * Bounds applied to every JSONata evaluation. User expressions are untrusted code: each limit turns a
 * runaway expression into an {@link ExpressionError} instead of a stalled or crashed process.
 */
export interface ExpressionLimits {
  /** Wall-clock budget of one evaluation in milliseconds. Default 1000. */
  timeoutMs: number;
  /** Maximum nesting of evaluation frames (recursion depth). Default 500. */
  maxDepth: number;
  /** Maximum length of one sequence built by the evaluator. Default 1,000,000. */
  maxSequenceLength: number;
  /**
   * Total number of array items and string characters (in thousands of characters) that one
   * evaluation may produce across all its intermediate results. Default 10,000,000.
   */
  maxAllocatedItems: number;
  /** Maximum length of any string produced during evaluation. Default 16,777,216 (16 Mi chars). */
  maxStringLength: number;
  /** Maximum size of the final result, as JSON, in bytes. Default 16 MiB. */
  maxOutputBytes: number;
  /** Maximum nesting depth of the input document and of the result. Default 256. */
  maxDataDepth: number;
}

/** The limits used when a host passes none. */
export const DEFAULT_EXPRESSION_LIMITS: Readonly<ExpressionLimits> = Object.freeze({
  timeoutMs: 1000,
  maxDepth: 500,
  maxSequenceLength: 1_000_000,
  maxAllocatedItems: 10_000_000,
  maxStringLength: 16 * 1024 * 1024,
  maxOutputBytes: 16 * 1024 * 1024,
  maxDataDepth: 256,
});
