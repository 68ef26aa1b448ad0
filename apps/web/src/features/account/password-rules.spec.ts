import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './password-rules';

describe('checkNewPassword', () => {
  it('accepts a long enough, new, confirmed password', () => {
    expect(checkNewPassword({ current: 'old-secret', next: 'correct horse', confirm: 'correct horse' })).toEqual({});
  });

  it('names each problem by field', () => {
    expect(checkNewPassword({ current: '', next: 'short', confirm: 'other' })).toEqual({
      currentPassword: 'Type your current password.',
      newPassword: 'Use at least 10 characters.',
      confirm: 'The two new passwords differ.',
    });
  });

  it('refuses the current password as the new one', () => {
    expect(checkNewPassword({ current: 'same-password', next: 'same-password', confirm: 'same-password' }).newPassword).toMatch(
      /different/,
    );
  });
});
