import { describe, expect, it } from 'vitest';
import { summariseError } from './error-summary';

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
