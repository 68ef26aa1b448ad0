import ipaddr from 'ipaddr.js';

export type EgressDecision = { allowed: true } | { allowed: false; reason: string };

type Rule =
  { kind: 'cidr'; range: [ipaddr.IPv4 | ipaddr.IPv6, number] } | { kind: 'host'; host: string } | { kind: 'suffix'; suffix: string };

/**
 * Decides whether outbound HTTP may reach an address. Only public unicast addresses are allowed by
 * default: private, loopback, link-local (cloud metadata 169.254.169.254), CGNAT, unique-local,
 * multicast, reserved and unspecified ranges are refused, IPv4-mapped IPv6 included. The allow-list
 * (`SWITCHYARD_EGRESS_ALLOW`: hosts, `*.suffix` or CIDR ranges) opens chosen destinations.
 */
export class EgressGuard {
  private readonly rules: Rule[];

  /** `onRefused` hears the range of each refused address (for the egress refusal metric). */
  constructor(
    allow: string[],
    private readonly onRefused: (range: string) => void = () => undefined,
  ) {
    this.rules = allow.map((entry) => parseRule(entry.trim())).filter((r): r is Rule => r !== null);
  }

  /** Whether a host name is allowed by name, whatever it resolves to. */
  isHostAllowed(host: string): boolean {
    const name = host.toLowerCase().replace(/\.$/, '');
    return this.rules.some((r) => (r.kind === 'host' && r.host === name) || (r.kind === 'suffix' && name.endsWith(r.suffix)));
  }

  checkAddress(address: string): EgressDecision {
    if (!ipaddr.isValid(address)) return { allowed: false, reason: `"${address}" is not an IP address` };
    const ip = ipaddr.process(address);
    for (const rule of this.rules) {
      if (rule.kind === 'cidr' && ip.kind() === rule.range[0].kind() && ip.match(rule.range)) return { allowed: true };
    }
    const range = ip.range();
    if (range === 'unicast') return { allowed: true };
    this.onRefused(range);
    return {
      allowed: false,
      reason: `${address} is a ${range} address; outbound calls to it are refused (an admin can allow it in Settings → Network, or with SWITCHYARD_EGRESS_ALLOW)`,
    };
  }
}

function parseRule(entry: string): Rule | null {
  if (entry === '') return null;
  if (entry.includes('/')) {
    try {
      return { kind: 'cidr', range: ipaddr.parseCIDR(entry) };
    } catch {
      throw new Error(`SWITCHYARD_EGRESS_ALLOW: "${entry}" is not a valid CIDR range`);
    }
  }
  if (ipaddr.isValid(entry)) {
    const ip = ipaddr.process(entry);
    return { kind: 'cidr', range: [ip, ip.kind() === 'ipv4' ? 32 : 128] };
  }
  if (entry.startsWith('*.')) return { kind: 'suffix', suffix: entry.slice(1).toLowerCase() };
  return { kind: 'host', host: entry.toLowerCase() };
}
