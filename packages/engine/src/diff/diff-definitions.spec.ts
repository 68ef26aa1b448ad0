import { describe, expect, it } from 'vitest';
import { diffDefinitions } from './diff-definitions';
import { diffValues } from './diff-values';

const trigger = { type: 'webhook', verify: { scheme: 'github', toleranceSeconds: 300 } };
const map = { id: 'shape', type: 'map', expression: '{ "n": trigger.body.n }' };
const call = { id: 'post', type: 'http', method: 'POST', url: 'https://a.example.com/x', headers: { accept: 'json' } };

describe('diffValues', () => {
  it('names each changed, added and removed field with its path, ignoring key order', () => {
    expect(diffValues({ a: 1, b: { c: [1, 2] }, d: 'x' }, { b: { c: [1, 3] }, a: 1, e: true })).toEqual([
      { path: 'b.c[1]', before: 2, after: 3 },
      { path: 'd', before: 'x' },
      { path: 'e', after: true },
    ]);
    expect(diffValues({ a: [1] }, { a: [1, 2] })).toEqual([{ path: 'a', before: [1], after: [1, 2] }]);
    expect(diffValues({ 'x-y': 1 }, { 'x-y': 2 })).toEqual([{ path: '["x-y"]', before: 1, after: 2 }]);
  });
});

describe('diffDefinitions', () => {
  it('sees no change between equal definitions', () => {
    expect(diffDefinitions({ trigger, steps: [map, call] }, { trigger: { ...trigger }, steps: [{ ...map }, { ...call }] })).toEqual({
      same: true,
      changes: [],
    });
  });

  it('reports trigger settings and step fields one by one, never secrets', () => {
    const diff = diffDefinitions(
      { trigger: { ...trigger, verify: { ...trigger.verify, secretHints: ['ab…'] } }, steps: [map, call] },
      {
        trigger: { ...trigger, verify: { scheme: 'github', toleranceSeconds: 60, secrets: ['s3cret'] } },
        steps: [map, { ...call, url: 'https://b.example.com/x' }],
      },
    );
    expect(diff.changes.map((c) => c.summary)).toEqual(['Trigger: verify.toleranceSeconds changed', 'Step "post" (http): url changed']);
    expect(diff.changes[1].fields).toEqual([{ path: 'url', before: 'https://a.example.com/x', after: 'https://b.example.com/x' }]);
    expect(JSON.stringify(diff)).not.toContain('s3cret');
  });

  it('reports added, removed and moved steps, nested ones included, without calling shifted steps moved', () => {
    const branch = (steps: unknown[]) => ({ id: 'route', type: 'branch', paths: [{ condition: 'true', steps }] });
    const diff = diffDefinitions(
      { trigger, steps: [map, branch([call]), { id: 'old', type: 'map', expression: '1' }] },
      { trigger, steps: [{ id: 'first', type: 'map', expression: '0' }, map, branch([]), call] },
    );
    expect(diff.changes.map((c) => [c.target, c.change])).toEqual([
      ['first', 'added'],
      ['post', 'moved'],
      ['old', 'removed'],
    ]);
    expect(diff.changes[1].summary).toBe('Step "post" (http): moved from steps[1].paths[0].steps[0] to steps[3]');
  });

  it('compares drafts that do not validate', () => {
    const diff = diffDefinitions({ trigger, steps: [map] }, { trigger, steps: [{ ...map, expression: '' }, { type: 'http' }] });
    expect(diff.changes.map((c) => c.summary)).toEqual(['Step "shape" (map): expression changed']);
  });
});
