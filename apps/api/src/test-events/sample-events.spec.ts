import { describe, expect, it } from 'vitest';
import { VERIFIERS } from '../ingest/verification/verifiers';
import { buildTestEvent, TEST_EVENT_SCHEMES } from './sample-events';

const NOW = Date.UTC(2026, 4, 1, 10, 0, 0);
const SECRETS: Record<string, string> = {
  github: 'gh-secret-123',
  stripe: 'whsec_test_abc',
  shopify: 'shpss_client_secret',
  slack: 'slack-signing-secret',
  typeform: 'typeform-secret',
  'standard-webhooks': 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
};

describe('buildTestEvent', () => {
  it.each(TEST_EVENT_SCHEMES)('signs a %s event so that the real verifier accepts it, and a wrong secret fails', (scheme) => {
    const event = buildTestEvent({ scheme, secret: SECRETS[scheme], now: NOW, id: '7d6a3e2c-1111-4c2b-9b0e-0a1b2c3d4e5f' });
    const verify = VERIFIERS[scheme as keyof typeof VERIFIERS] as (input: object) => { ok: boolean };
    const input = {
      rawBody: Buffer.from(event.body),
      headers: event.headers,
      method: 'POST',
      url: 'http://x/hooks/t',
      query: {},
      settings: {},
      now: NOW,
    };
    expect(verify({ ...input, secrets: [SECRETS[scheme]] })).toMatchObject({ ok: true });
    expect(verify({ ...input, secrets: ['whsec_b3RoZXItc2VjcmV0'] }).ok).toBe(false);
    expect(JSON.parse(event.body)).toBeTypeOf('object');
  });

  it('shapes events like the provider', () => {
    const push = JSON.parse(buildTestEvent({ scheme: 'github', secret: null, now: NOW }).body);
    expect(push.commits).toHaveLength(2);
    expect(push.pusher.name).toBe('ada');
    expect(push.repository.full_name).toBe('acme/shop');
    const stripe = JSON.parse(buildTestEvent({ scheme: 'stripe', secret: null, now: NOW }).body);
    expect(stripe.type).toBe('payment_intent.succeeded');
    expect(stripe.data.object.amount).toBe(2000);
    expect(buildTestEvent({ scheme: 'github', secret: null, now: NOW }).headers['x-github-event']).toBe('push');
  });

  it('sends a plain JSON event without a scheme, unsigned', () => {
    const event = buildTestEvent({ scheme: null, secret: 'ignored', now: NOW });
    expect(event.label).toBe('JSON test event');
    expect(Object.keys(event.headers)).toEqual(['content-type']);
  });
});
