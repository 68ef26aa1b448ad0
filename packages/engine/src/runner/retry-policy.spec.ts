import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy } from '../steps/step-kits';
import { nextRetry, parseRetryAfter, retryPolicySchema } from './retry-policy';

const retryable = { code: 'HTTP_STATUS', message: '503', kind: 'user' as const, retryable: true };

describe('retry policy', () => {
  it('backs off exponentially with full jitter, capped', () => {
    const policy = { maxAttempts: 5, initialDelayMs: 1000, maxDelayMs: 3000 };
    expect(nextRetry({ policy, attempts: 1, error: retryable, random: 0.5 })).toEqual({ delayMs: 500 });
    expect(nextRetry({ policy, attempts: 2, error: retryable, random: 0.5 })).toEqual({ delayMs: 1000 });
    expect(nextRetry({ policy, attempts: 4, error: retryable, random: 0.999 })).toEqual({ delayMs: 2997 });
    expect(nextRetry({ policy, attempts: 1, error: retryable, random: 0 })).toEqual({ delayMs: 0 });
  });

  it('stops after maxAttempts and never retries errors that are not retryable', () => {
    const policy = defaultRetryPolicy('http');
    expect(nextRetry({ policy, attempts: 3, error: retryable, random: 0.5 })).toBeNull();
    expect(nextRetry({ policy, attempts: 1, error: { ...retryable, retryable: false }, random: 0.5 })).toBeNull();
  });

  it('waits at least what Retry-After asks', () => {
    const error = { ...retryable, details: { retryAfterMs: 7000 } };
    expect(nextRetry({ policy: defaultRetryPolicy('http'), attempts: 1, error, random: 0.1 })).toEqual({ delayMs: 7000 });
    const at = { ...retryable, details: { retryAt: '1970-01-01T00:00:10.000Z' } };
    expect(nextRetry({ policy: defaultRetryPolicy('http'), attempts: 1, error: at, random: 0, now: 4000 })).toEqual({ delayMs: 6000 });
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('validates a policy with the field and the reason', () => {
    const res = retryPolicySchema.safeParse({ maxAttempts: 50 });
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]).toMatchObject({ path: ['maxAttempts'], message: 'must be at most 10' });
  });
});
