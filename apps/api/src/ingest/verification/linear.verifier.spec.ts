import { createHmac } from 'node:crypto';
import { describe, it } from 'vitest';
import { verifyLinear } from './linear.verifier';
import { expectFail, expectOk, input, NOW } from './verification.test-helpers';

const SECRET = 'lin_wh_secret';
const OTHER = 'lin_wh_rotated';
const bodyAt = (ms: number) => JSON.stringify({ action: 'create', type: 'Issue', data: { id: 'iss_1' }, webhookTimestamp: ms });
// Linear's documented recipe: hex(HMAC-SHA256(secret, raw body)); webhookTimestamp within the window.
const sign = (payload: string, secret = SECRET) => createHmac('sha256', secret).update(payload).digest('hex');
const run = (payload: string, signature: string | undefined, secrets = [SECRET], delivery?: string) =>
  verifyLinear(
    input({
      headers: { ...(signature ? { 'linear-signature': signature } : {}), ...(delivery ? { 'linear-delivery': delivery } : {}) },
      rawBody: Buffer.from(payload),
      secrets,
      settings: { scheme: 'linear' as const },
    }),
  );

describe('linear verifier (documented recipe)', () => {
  const body = bodyAt(NOW);
  it('accepts a genuine delivery with Linear-Delivery as the delivery id', () =>
    expectOk(run(body, sign(body), [SECRET], 'dlv-1'), 'dlv-1'));
  it('rejects a tampered body', () => expectFail(run(body.replace('iss_1', 'iss_2'), sign(body)), /does not match/));
  it('rejects a wrong secret', () => expectFail(run(body, sign(body, OTHER)), /does not match/));
  it('accepts the second secret', () => expectOk(run(body, sign(body, OTHER), [SECRET, OTHER])));
  it('rejects stale and future webhookTimestamp', () => {
    const stale = bodyAt(NOW - 301_000);
    const future = bodyAt(NOW + 301_000);
    expectFail(run(stale, sign(stale)), /301 s old/);
    expectFail(run(future, sign(future)), /301 s in the future/);
  });
  it('rejects a missing header and a body without timestamp', () => {
    expectFail(run(body, undefined), /missing header Linear-Signature/);
    expectFail(run('{"a":1}', sign('{"a":1}')), /webhookTimestamp/);
  });
});
