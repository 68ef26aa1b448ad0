import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { describe, expect, it } from 'vitest';
import { signWebhook, webhookSecretBytes } from './standard-webhooks';

// A random 24-byte key, as the credential store generates them.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('signWebhook', () => {
  it('gives the signature of the example in the Svix documentation', () => {
    const headers = signWebhook({
      secret: SECRET,
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
    });
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('matches what the standardwebhooks library signs', () => {
    const timestamp = 1_700_000_000;
    const body = JSON.stringify({ type: 'order.created', data: { id: 'ord_1', note: 'é ✓' } });
    const ours = signWebhook({ secret: SECRET, id: 'msg_run1_notify', timestamp, body });
    expect(ours['webhook-signature']).toBe(new StandardWebhook(SECRET).sign('msg_run1_notify', new Date(timestamp * 1000), body));
  });

  it('is verified by the standardwebhooks and svix libraries, and a tampered body or id is rejected', () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const body = '{"type":"invoice.paid","timestamp":"2024-05-01T12:00:00.000Z","data":{"amount":1250}}';
    const headers = { ...signWebhook({ secret: SECRET, id: 'msg_r_42_send', timestamp, body }) };
    expect(new StandardWebhook(SECRET).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new SvixWebhook(SECRET).verify(body, headers)).toEqual(JSON.parse(body));
    // Svix receivers read svix-* headers: the same values verify under those names too.
    const svixHeaders = {
      'svix-id': headers['webhook-id'],
      'svix-timestamp': headers['webhook-timestamp'],
      'svix-signature': headers['webhook-signature'],
    };
    expect(new SvixWebhook(SECRET).verify(body, svixHeaders)).toEqual(JSON.parse(body));

    expect(() => new StandardWebhook(SECRET).verify(body.replace('1250', '9999'), headers)).toThrow(/signature/i);
    expect(() => new SvixWebhook(SECRET).verify(body, { ...headers, 'webhook-id': 'msg_other' })).toThrow(/signature/i);
    expect(() => new StandardWebhook('whsec_' + btoa('another key of 24 bytes!')).verify(body, headers)).toThrow(/signature/i);
  });

  it('accepts a secret without the whsec_ prefix, like the libraries', () => {
    const bare = SECRET.slice('whsec_'.length);
    expect(signWebhook({ secret: bare, id: 'm', timestamp: 1, body: '' })).toEqual(
      signWebhook({ secret: SECRET, id: 'm', timestamp: 1, body: '' }),
    );
    expect(webhookSecretBytes(SECRET)).toHaveLength(24);
  });

  it('refuses a secret that is not base64 or is empty', () => {
    expect(webhookSecretBytes('whsec_')).toBeUndefined();
    expect(webhookSecretBytes('whsec_not base64!')).toBeUndefined();
    expect(() => signWebhook({ secret: 'whsec_***', id: 'm', timestamp: 1, body: '' })).toThrow(/whsec_/);
  });
});
