import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { allDetailsShown, fieldErrors } from './field-errors';

const invalid = new ApiError({
  status: 400,
  code: 'validation_failed',
  message: 'Invalid body',
  details: [
    { path: 'newPassword', message: 'Use at least 8 characters' },
    { path: 'name', message: 'Required' },
  ],
});

describe('fieldErrors', () => {
  it('picks the messages of one field', () => {
    expect(fieldErrors({ error: invalid, path: 'newPassword' })).toEqual(['Use at least 8 characters']);
    expect(fieldErrors({ error: invalid, path: 'email' })).toEqual([]);
  });

  it('ignores errors other than 400', () => {
    const forbidden = new ApiError({ status: 403, code: 'forbidden', message: 'No', details: [{ path: 'name', message: 'x' }] });
    expect(fieldErrors({ error: forbidden, path: 'name' })).toEqual([]);
    expect(fieldErrors({ error: new Error('boom'), path: 'name' })).toEqual([]);
  });
});

describe('allDetailsShown', () => {
  it('is true only when each detail belongs to a shown field', () => {
    expect(allDetailsShown({ error: invalid, paths: ['newPassword', 'name'] })).toBe(true);
    expect(allDetailsShown({ error: invalid, paths: ['newPassword'] })).toBe(false);
  });
});
