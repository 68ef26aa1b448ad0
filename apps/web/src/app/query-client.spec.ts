import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { shouldRetry } from './query-client';

describe('shouldRetry', () => {
  it('never retries client errors', () => {
    expect(shouldRetry(0, new ApiError({ status: 404, code: 'not_found', message: 'Not found' }))).toBe(false);
  });

  it('retries network and server errors twice', () => {
    const error = new ApiError({ status: 503, code: 'unavailable', message: 'Down' });
    expect([0, 1, 2].map((count) => shouldRetry(count, error))).toEqual([true, true, false]);
    expect(shouldRetry(0, new ApiError({ status: 0, code: 'network_error', message: 'Offline' }))).toBe(true);
  });
});
