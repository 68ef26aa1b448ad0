import { describe, expect, it } from 'vitest';
import { maskedShape, recordRequest } from './outbound-request';

describe('maskedShape', () => {
  it('keeps the scheme and shows the first 3 and last 4 characters of a long value', () => {
    expect(maskedShape('Bearer ord_live_0123456789f9f3a')).toBe('Bearer ord…9f3a');
    expect(maskedShape('Basic YWRhOmJhc2ljLXBhc3N3b3Jk')).toBe('Basic YWR…b3Jk');
  });

  it('shows a doubled scheme word, so a pasted "Bearer xyz" is visible', () => {
    expect(maskedShape('Bearer Bearer xyz')).toBe('Bearer Bearer …(3 characters)');
  });

  it('shows less of shorter values', () => {
    expect(maskedShape('abcdefghijklm')).toBe('…jklm');
    expect(maskedShape('Bearer tok_1')).toBe('Bearer …(5 characters)');
  });

  it('records secret headers by their shape and masks secrets elsewhere', () => {
    const recorded = recordRequest({
      method: 'POST',
      url: 'https://api.example.com/orders?key=shop_secret_value',
      headers: { authorization: 'Bearer shop_secret_value_123456', 'x-note': 'shop_secret_value' },
      secrets: ['shop_secret_value'],
      timeoutMs: 1000,
    });
    expect(recorded.headers).toEqual({ authorization: 'Bearer sho…3456', 'x-note': '***' });
    expect(recorded.url).toBe('https://api.example.com/orders?key=***');
  });
});
