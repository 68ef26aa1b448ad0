import { Webhook } from 'standardwebhooks';
import { describe, it } from 'vitest';
import { verifyStandardWebhooks } from './standard-webhooks.verifier';
import { expectFail, expectOk, input, lower, NOW, NOW_S } from './verification.test-helpers';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OTHER = 'whsec_' + Buffer.from('another secret of thirty-two b!!').toString('base64');
const body = '{"type":"invoice.paid","data":{"id":"in_1"}}';

function signed(at = NOW, secret = SECRET, id = 'msg_2Kq') {
  const signature = new Webhook(secret).sign(id, new Date(at), body);
  return lower({ 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at / 1000)), 'webhook-signature': signature });
}

const run = (headers: Record<string, string>, over: { secrets?: string[]; rawBody?: Buffer; toleranceSeconds?: number } = {}) =>
  verifyStandardWebhooks(
    input({
      headers,
      rawBody: over.rawBody ?? Buffer.from(body),
      secrets: over.secrets ?? [SECRET],
      settings: { scheme: 'standard-webhooks' as const, toleranceSeconds: over.toleranceSeconds },
    }),
  );

describe('standard-webhooks verifier (signed with the standardwebhooks library)', () => {
  it('accepts a genuine request and returns webhook-id as the delivery id', () => expectOk(run(signed()), 'msg_2Kq'));
  it('accepts the specification example', () => {
    const headers = {
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    };
    expectOk(
      verifyStandardWebhooks(
        input({
          headers,
          rawBody: Buffer.from('{"test": 2432232314}'),
          secrets: [SECRET],
          now: 1614265330_000,
          settings: { scheme: 'standard-webhooks' as const },
        }),
      ),
    );
  });
  it('accepts any of several signatures in the header', () => {
    const h = signed();
    expectOk(run({ ...h, 'webhook-signature': `v1,AAAA ${h['webhook-signature']}` }));
  });
  it('rejects a tampered body', () => expectFail(run(signed(), { rawBody: Buffer.from(body.replace('in_1', 'in_2')) }), /does not match/));
  it('rejects a wrong secret', () => expectFail(run(signed(NOW, OTHER)), /does not match/));
  it('accepts the second secret during rotation', () => expectOk(run(signed(NOW, OTHER), { secrets: [SECRET, OTHER] })));
  it('rejects a stale timestamp', () => expectFail(run(signed(NOW - 301_000)), /301 s old/));
  it('rejects a future timestamp', () => expectFail(run(signed(NOW + 400_000)), /400 s in the future/));
  it('honours toleranceSeconds', () => expectOk(run(signed(NOW - 500_000), { toleranceSeconds: 600 })));
  it('rejects a changed timestamp', () => expectFail(run({ ...signed(), 'webhook-timestamp': String(NOW_S + 1) }), /does not match/));
  it('names each missing header', () => {
    const h = signed();
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const { [name]: _gone, ...rest } = h;
      expectFail(run(rest), new RegExp(`missing header ${name}`));
    }
  });
  it('rejects a malformed signature header and an unconfigured secret', () => {
    expectFail(run({ ...signed(), 'webhook-signature': 'v2,abc' }), /malformed header webhook-signature/);
    expectFail(run(signed(), { secrets: [] }), /no secret/);
  });
});
