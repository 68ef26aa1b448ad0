import { describe, expect, it } from 'vitest';
import { parsePayloadQuery } from './payload-query';

const field = (containment: unknown) => ({ kind: 'field', containment });

describe('parsePayloadQuery', () => {
  it('builds a containment document from a field path and a JSON value', () => {
    expect(parsePayloadQuery('body.customer.email = "a@b.c"')).toEqual(field({ customer: { email: 'a@b.c' } }));
    expect(parsePayloadQuery('body.amount=42')).toEqual(field({ amount: 42 }));
    expect(parsePayloadQuery(' body.flags.paid = true ')).toEqual(field({ flags: { paid: true } }));
  });

  it('accepts the paths the run page copies: trigger.body..., array indexes and backticked keys', () => {
    expect(parsePayloadQuery('trigger.body.customer.email = "a@b.c"')).toEqual(field({ customer: { email: 'a@b.c' } }));
    expect(parsePayloadQuery('trigger.body.items[0].sku = "A-1"')).toEqual(field({ items: [{ sku: 'A-1' }] }));
    expect(parsePayloadQuery('body.`first name` = "Ann"')).toEqual(field({ 'first name': 'Ann' }));
  });

  it('takes anything else as a plain value to find anywhere in the body', () => {
    expect(parsePayloadQuery('ann@example.com')).toEqual({ kind: 'words', words: 'ann@example.com' });
    expect(parsePayloadQuery('  ord_1234 ')).toEqual({ kind: 'words', words: 'ord_1234' });
    expect(parsePayloadQuery('body shop')).toEqual({ kind: 'words', words: 'body shop' });
    expect(parsePayloadQuery('Order 1234')).toEqual({ kind: 'words', words: 'Order 1234' });
  });

  it('names the field and says what to write, with an example, when a field search is malformed', () => {
    expect(() => parsePayloadQuery('body.email = a@b.c')).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ path: 'q', message: expect.stringMatching(/must be JSON/) })] }),
    );
    expect(() => parsePayloadQuery('trigger.body.customer.email')).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/^The search is not understood: add = and the value/),
        details: [
          { path: 'q', message: 'add = and the value to look for after the field, e.g. trigger.body.customer.email = "ann@example.com"' },
        ],
      }),
    );
    expect(() => parsePayloadQuery('email = "ada"')).toThrow(
      expect.objectContaining({
        details: [expect.objectContaining({ message: expect.stringMatching(/^fields are searched under body: write body.email = /) })],
      }),
    );
    expect(() => parsePayloadQuery('body.email =')).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'q' })] }));
    expect(() => parsePayloadQuery('   ')).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'q' })] }));
  });
});
