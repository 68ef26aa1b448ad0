import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { type RunFinished, RunEvents } from './run-events';

const event: RunFinished = { runId: 'r', workspaceId: 'ws', workflowId: 'wf', status: 'failed', concurrency: null };

describe('RunEvents', () => {
  it('waits for every listener, and one failing does not stop the others', async () => {
    const events = new RunEvents(pino({ level: 'silent' }));
    const seen: string[] = [];
    events.onFinished(async () => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push('slow');
    });
    events.onFinished(() => {
      throw new Error('boom');
    });
    events.onFinished((e) => void seen.push(e.status));
    await events.finished(event);
    expect(seen.sort()).toEqual(['failed', 'slow']);
  });

  it('removes a listener', async () => {
    const events = new RunEvents(pino({ level: 'silent' }));
    let calls = 0;
    const off = events.onFinished(() => void calls++);
    off();
    await events.finished(event);
    expect(calls).toBe(0);
  });
});
