import { describe, expect, it } from 'vitest';
import { checkSetupForm } from './setup-form-check';

describe('checkSetupForm', () => {
  it('gives every problem at once, with the contract rules', () => {
    expect(checkSetupForm({ name: '', email: 'nope', password: 'short', confirm: 'other' })).toEqual({
      email: ['Email must be an email address'],
      password: ['Password must be at least 10 characters'],
      confirm: ['The passwords differ'],
    });
  });

  it('passes a good form', () => {
    expect(
      checkSetupForm({ name: 'Ada', email: 'ada@example.com', password: 'correct horse battery', confirm: 'correct horse battery' }),
    ).toEqual({});
  });
});
