import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { LAST_OWNER_NOTE, refusalMessage } from './refusal-message';

describe('refusalMessage', () => {
  it('says the last-owner rule once, whatever the API worded', () => {
    const error = new ApiError({
      status: 409,
      code: 'last_owner',
      message: 'A workspace keeps at least one owner: make someone else owner first',
      details: [],
    });
    const message = refusalMessage(error);
    expect(message).toBe(LAST_OWNER_NOTE);
    expect(message.split('at least one owner')).toHaveLength(2);
  });

  it('keeps any other refusal as the API said it', () => {
    expect(refusalMessage(new ApiError({ status: 403, code: 'forbidden', message: 'Only owners can do that', details: [] }))).toBe(
      'Only owners can do that',
    );
    expect(refusalMessage(new Error('Network down'))).toBe('Network down');
  });
});
