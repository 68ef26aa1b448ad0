import { describe, expect, it } from 'vitest';
import { EgressGuard } from './egress-guard';

// Decisions only: nothing here opens a connection.
describe('EgressGuard', () => {
  const guard = new EgressGuard([]);

  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['224.0.0.1', 'multicast'],
  ])('refuses %s (%s)', (address, range) => {
    const decision = guard.checkAddress(address);
    expect(decision.allowed).toBe(false);
    expect(decision.allowed === false && decision.reason).toContain(range);
  });

  it.each(['93.184.216.34', '2606:4700:4700::1111'])('allows the public address %s', (address) => {
    expect(guard.checkAddress(address)).toEqual({ allowed: true });
  });

  it('opens ranges, single addresses and host names from the allow-list', () => {
    const open = new EgressGuard(['127.0.0.1/32', '10.0.0.0/8', '::1', 'sink.internal', '*.corp.example']);
    expect(open.checkAddress('127.0.0.1').allowed).toBe(true);
    expect(open.checkAddress('127.0.0.2').allowed).toBe(false);
    expect(open.checkAddress('10.9.9.9').allowed).toBe(true);
    expect(open.checkAddress('::1').allowed).toBe(true);
    expect(open.isHostAllowed('sink.internal')).toBe(true);
    expect(open.isHostAllowed('a.corp.example')).toBe(true);
    expect(open.isHostAllowed('corp.example.evil')).toBe(false);
  });

  it('rejects a malformed CIDR in the setting with its name', () => {
    expect(() => new EgressGuard(['10.0.0.0/99'])).toThrow(/SWITCHYARD_EGRESS_ALLOW/);
  });
});
