import { describe, expect, it } from 'vitest';
import { type ApiClient } from '../support/client';
import { useSwitchyard } from '../support/use-switchyard';

describe('security headers and CORS', () => {
  // Each test starts a server with the settings it checks.
  const sy = useSwitchyard({ server: false });

  async function start(env: Record<string, string> = {}) {
    return (await sy.start({ env })).api as ApiClient;
  }

  it('sends CSP, frame-ancestors and no HSTS on plain HTTP; CORS is closed by default', async () => {
    const api = await start();
    const res = await api.request('GET', '/api/workflows', undefined, { origin: 'https://evil.example' });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${api.baseUrl}/api/workflows`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // Trigger URLs are public and get the headers too: handshakes echo what the sender sent
    // (e.g. a GET challenge), and nosniff and the CSP keep a browser from running it.
    const hook = await fetch(`${api.baseUrl}/hooks/unknown-token`, { method: 'POST' });
    expect(hook.status).toBe(404);
    expect(hook.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('adds HSTS and Secure cookies behind https, and opens CORS only to listed origins', async () => {
    const api = await start({ SWITCHYARD_PUBLIC_URL: 'https://hooks.example.com', SWITCHYARD_CORS_ORIGINS: 'https://admin.example.com' });
    const res = await api.request('GET', '/api/workflows', undefined, { origin: 'https://admin.example.com' });
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await api.request('GET', '/api/workflows', undefined, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const login = await api.as(null).request('POST', '/api/auth/login', { email: 'owner@switchyard.test', password: 'owner-password-123' });
    expect(login.status).toBe(200);
    for (const cookie of login.headers.getSetCookie()) expect(cookie).toMatch(/; Secure/);
  });

  it('lets SWITCHYARD_COOKIE_SECURE=false drop the Secure flag for plain-HTTP use behind an https URL', async () => {
    const api = await start({ SWITCHYARD_PUBLIC_URL: 'https://hooks.example.com', SWITCHYARD_COOKIE_SECURE: 'false' });
    const login = await api.as(null).request('POST', '/api/auth/login', { email: 'owner@switchyard.test', password: 'owner-password-123' });
    expect(login.headers.getSetCookie()).toHaveLength(2);
    for (const cookie of login.headers.getSetCookie()) expect(cookie).not.toMatch(/Secure/);
  });
});
