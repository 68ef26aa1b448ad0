import { createHmac } from 'node:crypto';
import { describe, it } from 'vitest';
import { verifyHmac } from './hmac.verifier';
import type { VerifySettings } from './verification.types';
import { expectFail, expectOk, input, NOW, NOW_S } from './verification.test-helpers';

const SECRET = 'generic-secret';
const OTHER = 'generic-rotated';
const body = '{"order":42}';
type S = VerifySettings<'hmac'>;
const run = (settings: Omit<S, 'scheme'>, headers: Record<string, string>, secrets = [SECRET], rawBody = Buffer.from(body)) =>
  verifyHmac(
    input({
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
      rawBody,
      secrets,
      settings: { scheme: 'hmac' as const, ...settings },
    }),
  );
const mac = (algorithm: string, text: string, secret = SECRET) => createHmac(algorithm, secret).update(text);

describe('hmac verifier', () => {
  it('defaults to SHA-256 hex of the body', () =>
    expectOk(run({ header: 'X-Signature' }, { 'X-Signature': mac('sha256', body).digest('hex') })));
  it('supports SHA-1, SHA-512, base64 and a prefix', () => {
    expectOk(run({ header: 'X-Sig', algorithm: 'sha1', encoding: 'base64' }, { 'X-Sig': mac('sha1', body).digest('base64') }));
    expectOk(run({ header: 'X-Sig', algorithm: 'sha512', prefix: 'sha512=' }, { 'X-Sig': `sha512=${mac('sha512', body).digest('hex')}` }));
    expectFail(run({ header: 'X-Sig', prefix: 'sha256=' }, { 'X-Sig': mac('sha256', body).digest('hex') }), /start with "sha256="/);
  });
  it('signs a template with a timestamp and checks the replay window', () => {
    const settings = { header: 'X-Sig', timestampHeader: 'X-Timestamp', template: '{timestamp}.{body}' };
    const at = (ts: number) => ({ 'X-Sig': mac('sha256', `${ts}.${body}`).digest('hex'), 'X-Timestamp': String(ts) });
    expectOk(run(settings, at(NOW_S)));
    expectOk(run(settings, { 'X-Sig': mac('sha256', `${NOW}.${body}`).digest('hex'), 'X-Timestamp': String(NOW) }));
    expectFail(run(settings, at(NOW_S - 301)), /301 s old/);
    expectFail(run(settings, at(NOW_S + 301)), /301 s in the future/);
    expectFail(run(settings, { 'X-Sig': at(NOW_S)['X-Sig'] }), /missing header X-Timestamp/);
  });
  it('returns the delivery id header', () =>
    expectOk(
      run({ header: 'X-Sig', deliveryIdHeader: 'X-Delivery' }, { 'X-Sig': mac('sha256', body).digest('hex'), 'X-Delivery': 'd-1' }),
      'd-1',
    ));
  it('rejects a tampered body and a wrong secret; accepts the second secret', () => {
    const sig = { 'X-Sig': mac('sha256', body).digest('hex') };
    expectFail(run({ header: 'X-Sig' }, sig, [SECRET], Buffer.from('{"order":43}')), /does not match/);
    expectFail(run({ header: 'X-Sig' }, sig, [OTHER]), /does not match/);
    expectOk(run({ header: 'X-Sig' }, sig, [OTHER, SECRET]));
  });
  it('names a missing signature header', () => expectFail(run({ header: 'X-Sig' }, {}), /missing header X-Sig/));
});
