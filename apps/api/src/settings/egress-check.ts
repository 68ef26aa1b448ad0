import { isIP } from 'node:net';
import type { EgressCheckResult } from '@switchyard/contract';
import { EgressGuard } from '../adapters/egress-guard';

export type Resolve = (host: string) => Promise<string[]>;

/**
 * What the HTTP invoker would decide for `url` in a workspace, without connecting: the same parsing,
 * the same guard (environment rules plus the workspace's), and a name resolved like the invoker
 * resolves it (every address must be allowed). `allowedBy` says which list opened a private address.
 */
export async function checkEgress(params: {
  url: string;
  environmentAllow: string[];
  workspaceAllow: string[];
  resolve: Resolve;
}): Promise<EgressCheckResult> {
  const refuse = (reason: string, host: string | null = null, addresses: string[] = []): EgressCheckResult => ({
    allowed: false,
    reason,
    host,
    addresses,
    allowedBy: null,
  });
  let url: URL;
  try {
    url = new URL(params.url);
  } catch {
    return refuse(`"${params.url}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse(`Only http and https URLs can be called, not ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const both = new EgressGuard([...params.environmentAllow, ...params.workspaceAllow]);
  const environment = new EgressGuard(params.environmentAllow);
  if (both.isHostAllowed(host)) {
    return { allowed: true, reason: null, host, addresses: [], allowedBy: environment.isHostAllowed(host) ? 'environment' : 'workspace' };
  }
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await params.resolve(host);
    } catch {
      return refuse(`${host} could not be resolved (no such host, or DNS did not answer)`, host);
    }
    if (addresses.length === 0) return refuse(`${host} has no address`, host);
  }
  let allowedBy: EgressCheckResult['allowedBy'] = null;
  for (const address of addresses) {
    const decision = both.checkAddress(address);
    if (!decision.allowed) return refuse(isIP(host) ? decision.reason : `${host} resolves to ${decision.reason}`, host, addresses);
    if (new EgressGuard([]).checkAddress(address).allowed) continue;
    if (!environment.checkAddress(address).allowed) allowedBy = 'workspace';
    else allowedBy ??= 'environment';
  }
  return { allowed: true, reason: null, host, addresses: isIP(host) ? [] : addresses, allowedBy };
}
