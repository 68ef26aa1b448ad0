import { describe, expect, it } from 'vitest';
import { runStep } from '../../../test/support/run-step';

describe('respondHandler', () => {
  it('answers text as text/plain and data as JSON unless a Content-Type is set', async () => {
    expect((await runStep({ id: 'r', type: 'respond', body: '"ok"' })).result.output).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'ok',
    });
    expect((await runStep({ id: 'r', type: 'respond', body: '{"a": 1}' })).result.output).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { a: 1 },
    });
    expect(
      (
        await runStep(
          { id: 'r', type: 'respond', status: 302, headers: { Location: 'https://x.test/{{ trigger.body.id }}' } },
          { body: { id: 7 } },
        )
      ).result.output,
    ).toEqual({
      status: 302,
      headers: { location: 'https://x.test/7' },
      body: null,
    });
    expect(
      (await runStep({ id: 'r', type: 'respond', headers: { 'Content-Type': 'text/csv' }, body: '"a,b"' })).result.output,
    ).toMatchObject({ headers: { 'content-type': 'text/csv' } });
  });
});
