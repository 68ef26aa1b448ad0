import { describe, expect, it } from 'vitest';
import { fieldSearch, sampleFields } from './sample-fields';

describe('sampleFields', () => {
  it('lists the plain-valued fields of a sample body as search paths', () => {
    expect(
      sampleFields({ data: { object: { receipt_email: 'ann@example.com', amount: 4200 } }, items: [{ sku: 'A-1' }], 'first name': 'Ann' }),
    ).toEqual([
      { path: 'body.data.object.receipt_email', value: 'ann@example.com' },
      { path: 'body.data.object.amount', value: 4200 },
      { path: 'body.items[0].sku', value: 'A-1' },
      { path: 'body.`first name`', value: 'Ann' },
    ]);
    expect(sampleFields('text')).toEqual([]);
  });
});

describe('fieldSearch', () => {
  it('quotes text and leaves numbers, booleans, null and quoted text as they are', () => {
    expect(fieldSearch({ path: 'body.email', value: 'ann@example.com' })).toBe('body.email = "ann@example.com"');
    expect(fieldSearch({ path: 'body.amount', value: '4200' })).toBe('body.amount = 4200');
    expect(fieldSearch({ path: 'body.paid', value: 'true' })).toBe('body.paid = true');
    expect(fieldSearch({ path: 'body.email', value: '"a@b.c"' })).toBe('body.email = "a@b.c"');
  });
});
