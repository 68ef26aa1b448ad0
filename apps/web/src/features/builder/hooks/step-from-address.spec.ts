import { describe, expect, it } from 'vitest';
import { stepIdOfKey } from './use-step-from-address';

describe('stepIdOfKey', () => {
  it('reads the step id from a journal key at any depth', () => {
    expect(stepIdOfKey('slack_1')).toBe('slack_1');
    expect(stepIdOfKey('route.0.notify')).toBe('notify');
    expect(stepIdOfKey('each[3].post')).toBe('post');
    expect(stepIdOfKey('orders[3].route.otherwise.notify')).toBe('notify');
  });
});
