import { z } from 'zod';
import type { StepErrorInfo } from './step-error';

/**
 * How often a step is tried when it fails with a retryable error (network errors, timeouts, 408,
 * 429, 5xx), and how long to wait in between: exponential backoff with full jitter, at most
 * `maxDelayMs`, and never less than the `Retry-After` the server asked for.
 */
export const retryPolicySchema = z.strictObject({
  maxAttempts: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10, 'must be at most 10')
    .default(3)
    .describe('Attempts in all, the first included'),
  initialDelayMs: z
    .number()
    .int()
    .min(100, 'must be at least 100')
    .max(3_600_000, 'must be at most one hour')
    .default(1000)
    .describe('Backoff before the second attempt (doubles each time)'),
  maxDelayMs: z
    .number()
    .int()
    .min(100, 'must be at least 100')
    .max(86_400_000, 'must be at most one day')
    .default(300_000)
    .describe('Longest wait between two attempts'),
});
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

/**
 * Decides whether a failed step is tried again after `attempts` attempts, and after how long.
 * `random` is injected (0 <= random < 1) so that the decision is deterministic in tests.
 */
export function nextRetry(params: {
  policy: RetryPolicy;
  attempts: number;
  error: StepErrorInfo;
  random: number;
  now?: number;
}): { delayMs: number } | null {
  const { policy, attempts, error } = params;
  if (!error.retryable || attempts >= policy.maxAttempts) return null;
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempts - 1));
  const jittered = Math.floor(params.random * ceiling);
  const asked =
    typeof error.details?.retryAfterMs === 'number'
      ? error.details.retryAfterMs
      : typeof error.details?.retryAt === 'string'
        ? Date.parse(error.details.retryAt) - (params.now ?? 0)
        : 0;
  const retryAfter = Number.isFinite(asked) ? Math.min(Math.max(asked, 0), 86_400_000) : 0;
  return { delayMs: Math.max(jittered, retryAfter) };
}

/** Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
