import { createHmac } from 'node:crypto';
import { describe, it } from 'vitest';
import { verifyShopify } from './shopify.verifier';
import { expectFail, expectOk, input } from './verification.test-helpers';

const SECRET = 'shpss_client_secret';
const OTHER = 'shpss_rotated';
const body = '{"id":820982911946154508,"email":"jon@example.com","total_price":"€ 12.00"}';
// Shopify's documented recipe: base64(HMAC-SHA256(client secret, raw body)).
const sign = (payload: string | Buffer, secret = SECRET) => createHmac('sha256', secret).update(payload).digest('base64');
const run = (headers: Record<string, string>, secrets = [SECRET], rawBody = Buffer.from(body)) =>
  verifyShopify(input({ headers, rawBody, secrets, settings: { scheme: 'shopify' as const } }));

describe('shopify verifier (documented recipe)', () => {
  it('accepts a genuine delivery with X-Shopify-Webhook-Id as the delivery id', () =>
    expectOk(
      run({ 'x-shopify-hmac-sha256': sign(body), 'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043' }),
      'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    ));
  it('verifies the bytes, not a re-encoding', () => {
    const latin1 = Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]);
    expectOk(run({ 'x-shopify-hmac-sha256': sign(latin1) }, [SECRET], latin1));
  });
  it('rejects a tampered body', () =>
    expectFail(run({ 'x-shopify-hmac-sha256': sign(body) }, [SECRET], Buffer.from(body.replace('12', '13'))), /does not match/));
  it('rejects a wrong secret', () => expectFail(run({ 'x-shopify-hmac-sha256': sign(body, OTHER) }), /does not match/));
  it('accepts the second secret', () => expectOk(run({ 'x-shopify-hmac-sha256': sign(body, OTHER) }, [SECRET, OTHER])));
  it('rejects a missing header', () => expectFail(run({}), /missing header X-Shopify-Hmac-Sha256/));
});
