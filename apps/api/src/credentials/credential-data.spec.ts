import { describe, expect, it } from 'vitest';
import { credentialHints, parseCredentialData } from './credential-data';

describe('parseCredentialData', () => {
  it('splits public and secret fields by the registry, trimming pasted values', () => {
    const parsed = parseCredentialData({ type: 'basic', data: { username: ' ada ', password: 'correct horse battery\n' } });
    expect(parsed).toEqual({
      ok: true,
      fields: { public: { username: 'ada' }, secret: { password: 'correct horse battery' } },
      notices: [],
    });
  });

  it('removes a scheme word pasted with a bearer token or a basic password, with a notice naming the field', () => {
    const bearer = parseCredentialData({ type: 'bearer', data: { token: 'Bearer  ord_live_9f3a' } });
    expect(bearer).toMatchObject({ ok: true, fields: { secret: { token: 'ord_live_9f3a' } } });
    if (!bearer.ok) return;
    expect(bearer.notices).toEqual([
      {
        path: 'data.token',
        message: 'started with "Bearer": it was removed, since Switchyard adds "Bearer" itself (Authorization: Bearer <token>)',
      },
    ]);
    const basic = parseCredentialData({ type: 'basic', data: { username: 'ada', password: 'basic s3cret' } });
    expect(basic).toMatchObject({ ok: true, fields: { secret: { password: 's3cret' } }, notices: [{ path: 'data.password' }] });
    // Only a leading scheme word, and never the whole value; other types keep theirs.
    expect(parseCredentialData({ type: 'bearer', data: { token: 'xBearer y' } })).toMatchObject({ notices: [] });
    expect(parseCredentialData({ type: 'bearer', data: { token: 'Bearer' } })).toMatchObject({ fields: { secret: { token: 'Bearer' } } });
    expect(parseCredentialData({ type: 'api-key', data: { header: 'Authorization', value: 'Bearer k' } })).toMatchObject({
      fields: { secret: { value: 'Bearer k' } },
      notices: [],
    });
  });

  it('names every bad field: unknown type, missing, unknown and non-text fields', () => {
    expect(parseCredentialData({ type: 'kerberos', data: {} })).toMatchObject({ ok: false, details: [{ path: 'type' }] });
    const parsed = parseCredentialData({ type: 'api-key', data: { value: 42, extra: 'x' } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.details.map((d) => d.path).sort()).toEqual(['data.extra', 'data.header', 'data.value']);
    expect(parseCredentialData({ type: 'bearer', data: [] })).toMatchObject({ ok: false, details: [{ path: 'data' }] });
  });

  it('checks header names and token URLs', () => {
    expect(parseCredentialData({ type: 'api-key', data: { header: 'X Api Key', value: 'k' } })).toMatchObject({
      ok: false,
      details: [{ path: 'data.header' }],
    });
    expect(parseCredentialData({ type: 'api-key', data: { header: 'Host', value: 'k' } })).toMatchObject({
      ok: false,
      details: [{ path: 'data.header' }],
    });
    const oauth = { tokenUrl: 'ftp://auth.example.com/token', clientId: 'c', clientSecret: 's' };
    expect(parseCredentialData({ type: 'oauth2-client-credentials', data: oauth })).toMatchObject({
      ok: false,
      details: [{ path: 'data.tokenUrl' }],
    });
    expect(parseCredentialData({ type: 'basic', data: { username: 'a:b', password: 'p' } })).toMatchObject({
      ok: false,
      details: [{ path: 'data.username' }],
    });
  });

  it('keeps omitted fields of an update and clears an emptied optional one', () => {
    const existing = { public: { tokenUrl: 'https://a.test/t', clientId: 'c', scope: 'read' }, secret: { clientSecret: 'old-secret' } };
    const parsed = parseCredentialData({ type: 'oauth2-client-credentials', data: { scope: '', audience: 'api' }, existing });
    expect(parsed).toEqual({
      ok: true,
      fields: { public: { tokenUrl: 'https://a.test/t', clientId: 'c', audience: 'api' }, secret: { clientSecret: 'old-secret' } },
      notices: [],
    });
    expect(parseCredentialData({ type: 'bearer', data: { token: '' }, existing: { public: {}, secret: { token: 't' } } })).toMatchObject({
      ok: false,
      details: [{ path: 'data.token' }],
    });
  });

  it('generates a Standard Webhooks secret when none is given', () => {
    const parsed = parseCredentialData({ type: 'webhook-signing-secret', data: {} });
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.fields.secret.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(parsed.fields.secret.secret.slice(6), 'base64')).toHaveLength(24);
    const given = parseCredentialData({ type: 'webhook-signing-secret', data: { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' } });
    expect(given).toMatchObject({ ok: true, fields: { secret: { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' } } });
  });

  it('hints mask every secret field', () => {
    expect(credentialHints({ token: 'ghp_abcdefghijklmnopqrstuvwxyz1234' })).toEqual({ token: 'ghp_…1234' });
  });
});
