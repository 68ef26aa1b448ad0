import { describe, expect, it } from 'vitest';
import { clearedCookies, cookieSecure, sessionCookies } from './cookies';
import { csrfTokenFor, readCookie } from './tokens';

describe('session cookies', () => {
  it('are Secure when the public URL is https (auto), or as configured', () => {
    expect(cookieSecure('auto', 'https://hooks.example.com')).toBe(true);
    expect(cookieSecure('auto', 'http://localhost:3000')).toBe(false);
    expect(cookieSecure('true', 'http://localhost:3000')).toBe(true);
    expect(cookieSecure('false', 'https://hooks.example.com')).toBe(false);
  });

  it('keep the session httpOnly and SameSite=Lax, and the CSRF cookie readable', () => {
    const [session, csrf] = sessionCookies('tok', 'c5rf', 3600, true);
    expect(session).toBe('sy_session=tok; Path=/; SameSite=Lax; Max-Age=3600; HttpOnly; Secure');
    expect(csrf).toBe('sy_csrf=c5rf; Path=/; SameSite=Lax; Max-Age=3600; Secure');
    const [plain] = sessionCookies('tok', 'c5rf', 3600, false);
    expect(plain).not.toContain('Secure');
    expect(clearedCookies(false)[0]).toMatch(/^sy_session=; .*Max-Age=0; Expires=Thu, 01 Jan 1970/);
  });

  it('read a cookie from a header, and derive a CSRF token bound to the session', () => {
    expect(readCookie('a=1; sy_session=abc%3D; b=2', 'sy_session')).toBe('abc=');
    expect(readCookie('a=1', 'sy_session')).toBeUndefined();
    expect(readCookie(undefined, 'sy_session')).toBeUndefined();
    expect(csrfTokenFor('one')).not.toBe(csrfTokenFor('two'));
    expect(csrfTokenFor('one')).toBe(csrfTokenFor('one'));
  });
});
