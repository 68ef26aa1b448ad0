import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { signInErrorMessage } from './lockout-message';

describe('signInErrorMessage', () => {
  it('names the time a lockout ends', () => {
    const error = new ApiError({ status: 429, code: 'account_locked', message: 'Too many' });
    const until = new Date(2026, 11, 1, 21, 45);
    expect(signInErrorMessage(error, until.toISOString(), 'en-GB')).toBe('Too many failed sign-ins. Sign-in is locked until 21:45.');
  });

  it('says plainly that the email or password is wrong, and passes other messages on', () => {
    expect(signInErrorMessage(new ApiError({ status: 401, code: 'invalid_credentials', message: 'x' }), null)).toBe(
      'The email or the password is wrong.',
    );
    expect(signInErrorMessage(new ApiError({ status: 0, code: 'network_error', message: 'Could not reach' }), null)).toBe(
      'Could not reach',
    );
  });
});
