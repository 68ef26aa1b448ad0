import { describe, expect, it } from 'vitest';
import { maskSecret } from './mask-secret';

describe('maskSecret', () => {
  it('keeps a provider prefix and the last four characters', () => {
    expect(maskSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe('whsec_…LaSw');
    expect(maskSecret('pdl_ntfset_01gkpjp8bkm3tm53kdgkx6sms7')).toBe('pdl_…sms7');
    expect(maskSecret('8f742231b10e8888abcd99yyyzzz85a5')).toBe('…85a5');
  });
  it('hides short secrets entirely', () => expect(maskSecret('hunter2')).toBe('…(7 characters)'));
});
