import { Webhook } from 'svix';
import { describe, it } from 'vitest';
import { verifySvix } from './svix.verifier';
import { expectFail, expectOk, input, NOW } from './verification.test-helpers';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OTHER = 'whsec_' + Buffer.from('rotated svix secret of 32 bytes!').toString('base64');
const body = '{"type":"user.created","data":{"id":"user_1"}}';

function signed(at = NOW, secret = SECRET) {
  return {
    'svix-id': 'msg_svix1',
    'svix-timestamp': String(Math.floor(at / 1000)),
    'svix-signature': new Webhook(secret).sign('msg_svix1', new Date(at), body),
  };
}
const run = (headers: Record<string, string>, secrets = [SECRET], rawBody = Buffer.from(body)) =>
  verifySvix(input({ headers, rawBody, secrets, settings: { scheme: 'svix' as const } }));

describe('svix verifier (signed with the svix library)', () => {
  it('accepts a genuine request with svix-id as the delivery id', () => expectOk(run(signed()), 'msg_svix1'));
  it('accepts webhook-* headers too', () => {
    const h = signed();
    expectOk(
      run({ 'webhook-id': h['svix-id'], 'webhook-timestamp': h['svix-timestamp'], 'webhook-signature': h['svix-signature'] }),
      'msg_svix1',
    );
  });
  it('rejects a tampered body', () => expectFail(run(signed(), [SECRET], Buffer.from(body + ' ')), /does not match/));
  it('rejects a wrong secret', () => expectFail(run(signed(NOW, OTHER)), /does not match/));
  it('accepts the second secret', () => expectOk(run(signed(NOW, OTHER), [SECRET, OTHER])));
  it('rejects stale and future timestamps', () => {
    expectFail(run(signed(NOW - 600_000)), /600 s old/);
    expectFail(run(signed(NOW + 600_000)), /600 s in the future/);
  });
  it('names a missing header', () => {
    const { 'svix-signature': _s, ...rest } = signed();
    expectFail(run(rest), /missing header svix-signature/);
  });
});
