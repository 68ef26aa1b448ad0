import { describe, expect, it } from 'vitest';
import { failedStepLabel, summariseError } from './error-summary';

describe('summariseError', () => {
  it('reads message, code and step of an engine error', () => {
    expect(summariseError({ code: 'HTTP_STATUS', kind: 'user', stepId: 'send', message: 'POST 127.0.0.1 answered HTTP 500' })).toEqual({
      message: 'POST 127.0.0.1 answered HTTP 500',
      code: 'HTTP_STATUS',
      stepId: 'send',
    });
  });

  it('accepts plain strings and ignores other shapes', () => {
    expect(summariseError('boom')).toEqual({ message: 'boom', code: null, stepId: null });
    expect(summariseError({ message: 42 })).toEqual({ message: null, code: null, stepId: null });
    expect(summariseError(null)).toEqual({ message: null, code: null, stepId: null });
  });
});

describe('failedStepLabel', () => {
  it('names the failed step by its name, keeping the id', () => {
    expect(failedStepLabel({ code: 'HTTP_STATUS', stepId: 'slack_1', stepName: 'Post to Slack', message: 'x' })).toEqual({
      label: 'Post to Slack',
      id: 'slack_1',
      named: true,
    });
  });

  it('falls back to the id, and is null without a step', () => {
    expect(failedStepLabel({ stepId: 'slack_1', message: 'x' })).toEqual({ label: 'slack_1', id: 'slack_1', named: false });
    expect(failedStepLabel({ message: 'x' })).toBeNull();
    expect(failedStepLabel('boom')).toBeNull();
  });
});
