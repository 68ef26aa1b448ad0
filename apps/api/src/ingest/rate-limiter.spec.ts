import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows a minute of requests at once, then refills continuously', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 3; i++) expect(limiter.take('wf', 3, 0)).toBe(0);
    expect(limiter.take('wf', 3, 0)).toBe(20);
    expect(limiter.take('wf', 3, 19_000)).toBe(1);
    expect(limiter.take('wf', 3, 20_000)).toBe(0);
    expect(limiter.take('other', 3, 20_000)).toBe(0);
  });
});
