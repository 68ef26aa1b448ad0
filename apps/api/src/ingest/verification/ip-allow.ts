import ipaddr from 'ipaddr.js';

export type IpMatcher = (address: string) => boolean;

/**
 * Compiles an allow-list of addresses and CIDR ranges (IPv4 and IPv6). IPv4-mapped IPv6 addresses
 * (`::ffff:192.0.2.1`) are compared as IPv4.
 */
export function compileIpAllowList(ranges: ReadonlyArray<string>): IpMatcher {
  const parsed = ranges.map((range) =>
    range.includes('/')
      ? ipaddr.parseCIDR(range)
      : ([ipaddr.parse(range), ipaddr.parse(range).kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number]),
  );
  return (address: string) => {
    let ip: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      ip = ipaddr.process(address);
    } catch {
      return false;
    }
    return parsed.some(([net, bits]) => net.kind() === ip.kind() && ip.match([net, bits] as never));
  };
}
