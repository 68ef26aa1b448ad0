import { describe, expect, it } from 'vitest';
import { collapseUnchanged, diffLines, diffValues } from './json-diff';

describe('diffValues', () => {
  it('names each changed, added and removed leaf by its path', () => {
    const before = { name: 'Orders', steps: [{ id: 'shape', type: 'map', expression: 'a' }], active: true };
    const after = {
      name: 'Orders v2',
      steps: [
        { id: 'shape', type: 'map', expression: 'b' },
        { id: 'send', type: 'http' },
      ],
    };
    expect(diffValues({ before, after }).changes).toEqual([
      { path: 'name', kind: 'changed', before: 'Orders', after: 'Orders v2' },
      { path: 'steps[0].expression', kind: 'changed', before: 'a', after: 'b' },
      { path: 'steps[1]', kind: 'added', after: { id: 'send', type: 'http' } },
      { path: 'active', kind: 'removed', before: true },
    ]);
  });

  it('treats a missing side as added or removed as a whole', () => {
    expect(diffValues({ before: null, after: { name: 'x' } }).changes).toEqual([{ path: '', kind: 'added', after: { name: 'x' } }]);
    expect(diffValues({ before: { role: 'viewer' }, after: null }).changes).toEqual([
      { path: '', kind: 'removed', before: { role: 'viewer' } },
    ]);
  });

  it('finds nothing in equal values and quotes keys that are not plain names', () => {
    expect(diffValues({ before: { a: [1, { b: 2 }] }, after: { a: [1, { b: 2 }] } }).changes).toEqual([]);
    expect(diffValues({ before: { 'content-type': 'a' }, after: { 'content-type': 'b' } }).changes[0].path).toBe('`content-type`');
  });

  it('stops at the limit and says so', () => {
    const before = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i + 1]));
    const { changes, truncated } = diffValues({ before, after, limit: 3 });
    expect(changes).toHaveLength(3);
    expect(truncated).toBe(true);
  });
});

describe('diffLines', () => {
  it('keeps common lines and marks the others', () => {
    expect(diffLines({ before: 'a\nb\nc', after: 'a\nx\nc\nd' })).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffLines({ before: '', after: 'a' })).toEqual([{ kind: 'added', text: 'a' }]);
    expect(diffLines({ before: 'a', after: '' })).toEqual([{ kind: 'removed', text: 'a' }]);
  });

  it('gives up on very long texts', () => {
    const long = Array.from({ length: 2000 }, (_, i) => String(i)).join('\n');
    expect(diffLines({ before: long, after: 'x' })).toBeNull();
  });
});

describe('collapseUnchanged', () => {
  it('keeps context around changes and folds the rest', () => {
    const lines = diffLines({ before: '1\n2\n3\n4\n5\n6\n7\n8', after: '1\n2\n3\n4\n5\n6\n7\nX' })!;
    expect(collapseUnchanged({ lines, context: 1 })).toEqual([
      { kind: 'gap', count: 6 },
      { kind: 'same', text: '7' },
      { kind: 'removed', text: '8' },
      { kind: 'added', text: 'X' },
    ]);
  });
});
