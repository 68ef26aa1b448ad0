/** The server's own SMTP connection, from SWITCHYARD_SMTP_URL. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** `tls` from the first byte (smtps://), `starttls` required, or `none` (plain; only for local relays). */
  security: 'tls' | 'starttls' | 'none';
  username?: string;
  password?: string;
}

const SECURITY = ['tls', 'starttls', 'none'] as const;

/**
 * Parses `smtp://user:pass@host:587` (STARTTLS required, default port 587), `smtps://...` (TLS,
 * default port 465) and `?security=none` for a plain local relay (`?starttls=false` means the same).
 * User and password are URL-decoded, so `%40` stands for `@`. Throws an Error saying what is wrong.
 */
export function parseSmtpUrl(text: string): SmtpSettings {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error('must be a URL such as smtp://user:password@smtp.example.com:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`must start with smtp:// or smtps:// (not ${url.protocol}//)`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw new Error('must name the SMTP host');
  if (url.pathname && url.pathname !== '/') throw new Error('must not have a path');
  let security: SmtpSettings['security'] = url.protocol === 'smtps:' ? 'tls' : 'starttls';
  for (const [key, value] of url.searchParams) {
    if (key === 'security') {
      if (!(SECURITY as readonly string[]).includes(value)) throw new Error(`security must be tls, starttls or none (not ${value})`);
      security = value as SmtpSettings['security'];
    } else if (key === 'starttls') {
      if (value !== 'true' && value !== 'false') throw new Error(`starttls must be true or false (not ${value})`);
      if (url.protocol === 'smtps:') throw new Error('starttls does not apply to smtps:// (TLS from the start)');
      security = value === 'true' ? 'starttls' : 'none';
    } else throw new Error(`has an unknown option ${key} (known: security, starttls)`);
  }
  if (url.protocol === 'smtps:' && security !== 'tls') throw new Error('smtps:// is always TLS; use smtp:// for starttls or none');
  const port = url.port ? Number(url.port) : security === 'tls' ? 465 : 587;
  const settings: SmtpSettings = { host, port, security };
  if (url.username) {
    settings.username = decodeURIComponent(url.username);
    settings.password = decodeURIComponent(url.password);
  } else if (url.password) throw new Error('has a password without a user name');
  return settings;
}

/** The URL with its password replaced by `***`, for logs and errors. */
export function redactSmtpUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable)';
  }
}
