import { describe, expect, it } from 'vitest';
import { parsePayloadQuery } from './payload-query';

describe('parsePayloadQuery', () => {
  it('builds a containment document from a field path and a JSON value', () => {
    expect(parsePayloadQuery('body.customer.email = "a@b.c"')).toEqual({ customer: { email: 'a@b.c' } });
    expect(parsePayloadQuery('body.amount=42')).toEqual({ amount: 42 });
    expect(parsePayloadQuery(' body.flags.paid = true ')).toEqual({ flags: { paid: true } });
  });

  it('names the field and the reason when the search is malformed', () => {
    expect(() => parsePayloadQuery('customer = 1')).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'q' })] }));
    expect(() => parsePayloadQuery('body.email = a@b.c')).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ message: expect.stringMatching(/must be JSON/) })] }),
    );
  });
});
