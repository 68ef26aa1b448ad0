import { describe, expect, it } from 'vitest';
import { runStep } from '../../../test/support/run-step';
import { STOP_MESSAGE_MAX_CHARS } from './stop.handler';

describe('stopHandler', () => {
  it('renders the message and keeps at most 2,000 characters of it', async () => {
    const executed = await runStep({ id: 's', type: 'stop', message: '{{ $pad("", 5000, "x") }}' });
    const message = (executed.result.output as { message: string }).message;
    expect(message).toHaveLength(STOP_MESSAGE_MAX_CHARS + 1);
    expect(message.endsWith('…')).toBe(true);
  });

  it('records a failed stop as a failed step with STOPPED, and a default message', async () => {
    const executed = await runStep({ id: 's', type: 'stop', status: 'failed' });
    expect(executed.result).toMatchObject({
      status: 'failed',
      output: { status: 'failed', message: '' },
      error: { code: 'STOPPED', message: 'The run was stopped', retryable: false },
    });
    expect(executed.proceed).toBe(false);
  });
});
