import { isRole, type Role, roleAtLeast } from '../roles';
import type { AppConfig } from '../../config/config.schema';

/** Single sign-on settings read from the environment (docs/accounts.md "Single sign-on"). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  name: string;
  allowedDomains: string[];
  defaultRole: Role;
  groupsClaim: string;
  groupRoles: Map<string, Role>;
}

export function oidcSettings(config: AppConfig): OidcSettings | null {
  if (!config.SWITCHYARD_OIDC_ISSUER || !config.SWITCHYARD_OIDC_CLIENT_ID) return null;
  return {
    issuer: config.SWITCHYARD_OIDC_ISSUER,
    clientId: config.SWITCHYARD_OIDC_CLIENT_ID,
    clientSecret: config.SWITCHYARD_OIDC_CLIENT_SECRET,
    name: config.SWITCHYARD_OIDC_NAME,
    allowedDomains: splitList(config.SWITCHYARD_OIDC_ALLOWED_DOMAINS).map((d) => d.toLowerCase().replace(/^@/, '')),
    defaultRole: config.SWITCHYARD_OIDC_DEFAULT_ROLE,
    groupsClaim: config.SWITCHYARD_OIDC_GROUPS_CLAIM,
    groupRoles: parseGroupRoles(config.SWITCHYARD_OIDC_GROUP_ROLES),
  };
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `admins=admin, devs=editor` -> Map. */
export function parseGroupRoles(value: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of splitList(value)) {
    const eq = pair.lastIndexOf('=');
    const role = pair.slice(eq + 1).trim();
    if (eq > 0 && isRole(role)) map.set(pair.slice(0, eq).trim(), role);
  }
  return map;
}

/** Whether the e-mail's domain is allowed (an empty list allows every domain). */
export function domainAllowed(email: string, allowed: string[]): boolean {
  if (allowed.length === 0) return true;
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return allowed.includes(domain);
}

/** The highest role any of the user's groups maps to, or null when none maps. */
export function roleFromGroups(groups: unknown, groupRoles: Map<string, Role>): Role | null {
  const list = Array.isArray(groups) ? groups : typeof groups === 'string' ? [groups] : [];
  let best: Role | null = null;
  for (const g of list) {
    const role = typeof g === 'string' ? groupRoles.get(g) : undefined;
    if (role && (!best || roleAtLeast({ role, min: best }))) best = role;
  }
  return best;
}
