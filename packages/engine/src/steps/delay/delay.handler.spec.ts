import { describe, expect, it } from 'vitest';
import { TEST_NOW, runStep } from '../../../test/support/run-step';

describe('delayHandler', () => {
  it('waits for a duration from when the step is reached', async () => {
    const executed = await runStep({ id: 'd', type: 'delay', amount: 1.5, unit: 'hours' });
    expect(executed.halt).toEqual({ reason: 'waiting', resumeAt: TEST_NOW + 5_400_000 });
    expect(executed.result.output).toEqual({ resumeAt: '2024-05-01T13:30:00.000Z' });
  });

  it('takes epoch milliseconds or ISO text until a time; zero or the past goes on at once', async () => {
    expect((await runStep({ id: 'd', type: 'delay', mode: 'until', until: `${TEST_NOW + 1000}` })).halt).toEqual({
      reason: 'waiting',
      resumeAt: TEST_NOW + 1000,
    });
    expect((await runStep({ id: 'd', type: 'delay', mode: 'until', until: '"2024-05-01T14:00:00+02:00"' })).halt).toBeUndefined();
    expect((await runStep({ id: 'd', type: 'delay', amount: 0 })).halt).toBeUndefined();
  });

  it('refuses a time it cannot read and a delay over 30 days', async () => {
    expect((await runStep({ id: 'd', type: 'delay', mode: 'until', until: '"next tuesday"' })).result.error).toMatchObject({
      code: 'DELAY_INVALID_TIME',
      field: 'until',
    });
    expect((await runStep({ id: 'd', type: 'delay', mode: 'until', until: '$millis() + 31 * 86400000' })).result.error).toMatchObject({
      code: 'DELAY_TOO_LONG',
      field: 'until',
    });
  });
});
