import { describe, expect, it } from 'vitest';
import { compileIpAllowList } from './ip-allow';

describe('compileIpAllowList', () => {
  const allow = compileIpAllowList(['192.0.2.0/24', '2001:db8::/32', '198.51.100.7']);
  it('matches addresses inside the ranges, IPv4-mapped IPv6 as IPv4', () => {
    expect(allow('192.0.2.200')).toBe(true);
    expect(allow('::ffff:192.0.2.1')).toBe(true);
    expect(allow('2001:db8:1::5')).toBe(true);
    expect(allow('198.51.100.7')).toBe(true);
  });
  it('refuses others and garbage', () => {
    expect(allow('192.0.3.1')).toBe(false);
    expect(allow('198.51.100.8')).toBe(false);
    expect(allow('2001:db9::1')).toBe(false);
    expect(allow('not an ip')).toBe(false);
  });
});
