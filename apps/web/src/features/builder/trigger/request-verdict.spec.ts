import { describe, expect, it } from 'vitest';
import { verdictLabel } from './request-verdict';

describe('verdictLabel', () => {
  it('words known verdicts and falls back to the code', () => {
    expect(verdictLabel('paused')).toBe('workflow was off');
    expect(verdictLabel('bad_signature')).toBe('signature failed');
    expect(verdictLabel('ip_not_allowed')).toBe('ip not allowed');
  });
});
