import { describe, expect, it } from 'vitest';
import { formatPath } from './format-path';

describe('formatPath', () => {
  it('formats property names with dots and indexes with brackets', () => {
    expect(formatPath(['steps', 1, 'condition'])).toBe('steps[1].condition');
    expect(formatPath(['steps', 0, 'headers', 'X-Sig'])).toBe('steps[0].headers.X-Sig');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath([])).toBe('');
  });
});
