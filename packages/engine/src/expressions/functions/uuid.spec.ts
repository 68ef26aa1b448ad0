import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluateExpression } from '../evaluate-expression';
import { randomUuid } from './uuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomUuid / $uuid', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives a random version 4 UUID by default', async () => {
    const [a, b] = (await evaluateExpression('[$uuid(), $uuid()]', {})) as string[];
    expect(a).toMatch(V4);
    expect(b).toMatch(V4);
    expect(a).not.toBe(b);
  });

  it('comes from the id port given per evaluation, so runs are deterministic', async () => {
    let n = 0;
    const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    expect(await evaluateExpression('{"a": $uuid(), "b": $uuid()}', {}, { uuid })).toEqual({
      a: '00000000-0000-4000-8000-000000000001',
      b: '00000000-0000-4000-8000-000000000002',
    });
    // The compiled expression is cached: the port of one evaluation does not leak into the next.
    expect(await evaluateExpression('{"a": $uuid(), "b": $uuid()}', {})).not.toEqual({
      a: '00000000-0000-4000-8000-000000000003',
      b: '00000000-0000-4000-8000-000000000004',
    });
  });

  it('falls back to getRandomValues where randomUUID is missing (browsers on plain http)', () => {
    vi.stubGlobal('crypto', { getRandomValues: <T extends Uint8Array>(array: T) => array.fill(0xff) });
    expect(randomUuid()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
