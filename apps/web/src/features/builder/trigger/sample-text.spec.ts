import { describe, expect, it } from 'vitest';
import { handMadeTrigger, headerProblem, parseJsonText } from './sample-text';

describe('hand-made sample text', () => {
  it('reads JSON and says where a mistake is, with an example', () => {
    expect(parseJsonText({ text: '{"id": "ord_1"}', field: 'Body' })).toEqual({ ok: true, value: { id: 'ord_1' } });
    const broken = parseJsonText({ text: '{\n  id: 1\n}', field: 'Body' });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toMatch(/^Body is not valid JSON at line 2, column 3: .*for example \{"id": "ord_1"\}/);
    expect(parseJsonText({ text: '  ', field: 'Body' })).toMatchObject({ ok: false, error: expect.stringMatching(/^Body is empty/) });
    expect(parseJsonText({ text: '[1]', field: 'Headers', requireObject: true })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Headers must be a JSON object/),
    });
  });

  it('names a header whose value is not text', () => {
    expect(headerProblem({ 'content-type': 'application/json', accept: ['a', 'b'] })).toBeNull();
    expect(headerProblem({ 'x-count': 3 })).toBe('Headers: "x-count" must be text, for example "x-count": "3".');
  });

  it('keeps the method and query of the sample it was edited from', () => {
    const now = new Date('2026-01-02T03:04:05.000Z');
    const base = { method: 'PUT', query: { a: '1' }, headers: {}, body: {}, receivedAt: '2025-01-01T00:00:00.000Z' };
    expect(handMadeTrigger({ body: { id: 1 }, headers: { x: 'y' }, base, now })).toEqual({
      method: 'PUT',
      query: { a: '1' },
      headers: { x: 'y' },
      body: { id: 1 },
      receivedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(handMadeTrigger({ body: null, headers: {}, base: null, now }).method).toBe('POST');
  });
});
