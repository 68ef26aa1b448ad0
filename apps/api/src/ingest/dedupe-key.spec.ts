import { describe, expect, it } from 'vitest';
import { toDedupeKey } from './dedupe-key';

describe('toDedupeKey', () => {
  it('keeps short keys, hashes long ones, skips empty ones', () => {
    expect(toDedupeKey('evt_1')).toBe('evt_1');
    expect(toDedupeKey(42)).toBe('42');
    expect(toDedupeKey({ a: 1 })).toBe('{"a":1}');
    expect(toDedupeKey('x'.repeat(500))).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(toDedupeKey('a\u0000b')).toMatch(/^sha256:/);
    expect(toDedupeKey('')).toBeNull();
    expect(toDedupeKey(undefined)).toBeNull();
  });
});
