export const SESSION_COOKIE = 'sy_session';
export const CSRF_COOKIE = 'sy_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const WORKSPACE_HEADER = 'x-switchyard-workspace';

/** Whether cookies get the Secure flag: SWITCHYARD_COOKIE_SECURE, `auto` = the public URL is https. */
export function cookieSecure(setting: 'auto' | 'true' | 'false', publicUrl: string): boolean {
  if (setting === 'true') return true;
  if (setting === 'false') return false;
  return publicUrl.startsWith('https://');
}

export interface CookieOptions {
  secure: boolean;
  httpOnly: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
}

/** A Set-Cookie value. SameSite=Lax: sent on top-level navigation to us, never on cross-site requests. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Lax', `Max-Age=${options.maxAge}`];
  if (options.maxAge === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** The session cookie (httpOnly) and the CSRF cookie (readable by the UI's script). */
export function sessionCookies(sessionToken: string, csrfToken: string, maxAgeSeconds: number, secure: boolean): string[] {
  return [
    serializeCookie(SESSION_COOKIE, sessionToken, { secure, httpOnly: true, maxAge: maxAgeSeconds }),
    serializeCookie(CSRF_COOKIE, csrfToken, { secure, httpOnly: false, maxAge: maxAgeSeconds }),
  ];
}

export function clearedCookies(secure: boolean): string[] {
  return [
    serializeCookie(SESSION_COOKIE, '', { secure, httpOnly: true, maxAge: 0 }),
    serializeCookie(CSRF_COOKIE, '', { secure, httpOnly: false, maxAge: 0 }),
  ];
}
