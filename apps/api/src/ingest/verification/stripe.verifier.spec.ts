import Stripe from 'stripe';
import { describe, it } from 'vitest';
import { verifyStripe } from './stripe.verifier';
import { expectFail, expectOk, input, NOW, NOW_S } from './verification.test-helpers';

const stripe = new Stripe('sk_test_unused');
const SECRET = 'whsec_test_5ecret';
const OTHER = 'whsec_rotated';
const body = JSON.stringify({ id: 'evt_1PqA', object: 'event', type: 'checkout.session.completed' });

const header = (timestamp = NOW_S, secret = SECRET) => stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp });
const run = (value: string | undefined, secrets = [SECRET], rawBody = Buffer.from(body), toleranceSeconds?: number) =>
  verifyStripe(
    input({
      headers: value === undefined ? {} : { 'stripe-signature': value },
      rawBody,
      secrets,
      settings: { scheme: 'stripe' as const, toleranceSeconds },
    }),
  );

describe('stripe verifier (signed with stripe.webhooks.generateTestHeaderString)', () => {
  it('accepts a genuine event and returns its id as the delivery id', () => expectOk(run(header()), 'evt_1PqA'));
  it('rejects a tampered body', () =>
    expectFail(run(header(), [SECRET], Buffer.from(body.replace('evt_1PqA', 'evt_2'))), /does not match/));
  it('rejects a wrong secret', () => expectFail(run(header(NOW_S, OTHER)), /does not match/));
  it('accepts the second secret', () => expectOk(run(header(NOW_S, OTHER), [SECRET, OTHER]), 'evt_1PqA'));
  it('rejects stale and future timestamps', () => {
    expectFail(run(header(NOW_S - 301)), /301 s old/);
    expectFail(run(header(NOW_S + 301)), /301 s in the future/);
    expectOk(run(header(NOW_S - 301), [SECRET], Buffer.from(body), 3600));
  });
  it('rejects missing and malformed headers', () => {
    expectFail(run(undefined), /missing header Stripe-Signature/);
    expectFail(run('v1=abcd'), /no t= timestamp/);
    expectFail(run(`t=${NOW_S}`), /no v1= signature/);
  });
  it('agrees with the Stripe library on what is genuine', () => {
    const now = Date.now();
    const h = header(Math.floor(now / 1000));
    stripe.webhooks.constructEvent(body, h, SECRET, 300);
    expectOk(
      verifyStripe(
        input({
          headers: { 'stripe-signature': h },
          rawBody: Buffer.from(body),
          secrets: [SECRET],
          now,
          settings: { scheme: 'stripe' as const },
        }),
      ),
    );
    expectFail(
      verifyStripe(
        input({
          headers: { 'stripe-signature': h },
          rawBody: Buffer.from(body),
          secrets: [SECRET],
          now: NOW,
          settings: { scheme: 'stripe' as const },
        }),
      ),
      /old|future/,
    );
  });
});
