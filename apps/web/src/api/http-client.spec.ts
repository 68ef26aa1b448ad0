import { describe, expect, it } from 'vitest';
import { buildPath } from './http-client';

describe('buildPath', () => {
  it('returns the path unchanged without query values', () => {
    expect(buildPath('/api/workflows')).toBe('/api/workflows');
    expect(buildPath('/api/workflows', { status: undefined, cursor: null, q: '' })).toBe('/api/workflows');
  });

  it('encodes defined values', () => {
    expect(buildPath('/api/workflows/w1/runs', { status: 'failed', limit: 20, cursor: 'a b/c' })).toBe(
      '/api/workflows/w1/runs?status=failed&limit=20&cursor=a+b%2Fc',
    );
  });
});
