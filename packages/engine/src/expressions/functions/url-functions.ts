import { functionError } from './function-error';

/** The parts of a URL as `$parseUrl` returns them. */
export interface ParsedUrl {
  href: string;
  protocol: string;
  host: string;
  hostname: string;
  port: string;
  origin: string;
  path: string;
  query: Record<string, string | string[]>;
  hash: string;
  username: string;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `$parseUrl(url)`: `{ href, protocol, host, hostname, port, origin, path, query, hash, username }`
 * of an absolute URL; `query` maps each parameter to its decoded value (an array when repeated).
 * `protocol` has no colon, `hash` no `#`; the password is never returned. Undefined when the text
 * is not an absolute URL.
 */
export function parseUrl(url: unknown): ParsedUrl | undefined {
  if (url === undefined) return undefined;
  if (typeof url !== 'string') throw functionError('parseUrl', 'expects a text');
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of parsed.searchParams) {
    if (FORBIDDEN_KEYS.has(name)) continue;
    const seen = Object.prototype.hasOwnProperty.call(query, name) ? query[name] : undefined;
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return {
    href: parsed.href,
    protocol: parsed.protocol.replace(/:$/, ''),
    host: parsed.host,
    hostname: parsed.hostname,
    port: parsed.port,
    origin: parsed.origin,
    path: parsed.pathname,
    query,
    hash: parsed.hash.replace(/^#/, ''),
    username: decodeURIComponent(parsed.username),
  };
}

/**
 * `$buildQuery(object)`: a query string (`a=1&b=two%20words`) from an object. Arrays repeat the
 * parameter, objects are sent as JSON, null and missing values are left out. No leading `?`.
 */
export function buildQuery(params: unknown): string | undefined {
  if (params === undefined) return undefined;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) throw functionError('buildQuery', 'expects an object');
  const pairs: string[] = [];
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
  };
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) for (const item of value) add(name, item);
    else add(name, value);
  }
  return pairs.join('&');
}
