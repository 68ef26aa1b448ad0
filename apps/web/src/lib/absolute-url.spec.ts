import { describe, expect, it } from 'vitest';
import { absoluteUrl } from './absolute-url';

describe('absoluteUrl', () => {
  it('resolves relative trigger paths against the origin', () => {
    expect(absoluteUrl({ url: '/hooks/tok_1', origin: 'http://localhost:3000' })).toBe('http://localhost:3000/hooks/tok_1');
  });

  it('keeps absolute URLs', () => {
    expect(absoluteUrl({ url: 'https://hooks.example.com/hooks/t', origin: 'http://localhost:3000' })).toBe(
      'https://hooks.example.com/hooks/t',
    );
  });
});
