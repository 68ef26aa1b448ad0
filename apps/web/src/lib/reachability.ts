/** Why a URL cannot be reached from the internet, or null when it looks public. */
export type Unreachable = { kind: 'loopback' | 'private' | 'local-name'; host: string } | null;

const LOCAL_SUFFIXES = ['.local', '.localhost', '.lan', '.internal', '.intranet', '.home', '.corp', '.home.arpa', '.localdomain'];

function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function ipv4Kind([a, b]: number[]): 'loopback' | 'private' | null {
  if (a === 127 || a === 0) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if ((a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  return null;
}

function ipv6Kind(host: string): 'loopback' | 'private' | null {
  const h = host.toLowerCase();
  if (h === '::1' || h === '::') return 'loopback';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (mapped) {
    const v4 = ipv4(mapped[1]);
    return v4 ? ipv4Kind(v4) : null;
  }
  // The URL parser writes an IPv4-mapped address in hex: ::ffff:a00:1 is 10.0.0.1.
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (hex) {
    const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
    return ipv4Kind([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  if (/^f[cd][0-9a-f]{0,2}:/.test(h) || /^fe[89ab][0-9a-f]?:/.test(h)) return 'private';
  return null;
}

/**
 * Whether senders on the internet (GitHub, Stripe...) can reach a URL, judged from its host alone:
 * loopback (`localhost`, 127.0.0.1, ::1), private ranges (10/8, 172.16/12, 192.168/16, link-local,
 * CGNAT, fc00::/7) and local names (`.local`, `.lan`, `.internal`, a name without a dot) cannot.
 */
export function triggerReachability(params: { url: string }): Unreachable {
  let host: string;
  try {
    host = new URL(params.url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return { kind: 'loopback', host: bare };
  const v4 = ipv4(bare);
  if (v4) {
    const kind = ipv4Kind(v4);
    return kind ? { kind, host: bare } : null;
  }
  if (bare.includes(':')) {
    const kind = ipv6Kind(bare);
    return kind ? { kind, host: bare } : null;
  }
  if (!bare.includes('.') || LOCAL_SUFFIXES.some((suffix) => bare.endsWith(suffix))) return { kind: 'local-name', host: bare };
  return null;
}
