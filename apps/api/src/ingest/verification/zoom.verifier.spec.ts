import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyZoom, zoomValidationAnswer } from './zoom.verifier';
import { expectFail, expectOk, input, NOW_S } from './verification.test-helpers';

const SECRET = 'zoom-secret-token';
const OTHER = 'zoom-rotated';
const body = JSON.stringify({ event: 'meeting.started', event_ts: 1700000000000, payload: { object: { id: '123' } } });
// Zoom's documented recipe: "v0=" + hex(HMAC-SHA256(secret token, "v0:" + timestamp + ":" + body)).
const h = (ts = NOW_S, secret = SECRET) => ({
  'x-zm-request-timestamp': String(ts),
  'x-zm-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`,
});
const run = (headers: Record<string, string>, secrets = [SECRET], rawBody = Buffer.from(body)) =>
  verifyZoom(input({ headers, rawBody, secrets, settings: { scheme: 'zoom' as const } }));

describe('zoom verifier (documented recipe)', () => {
  it('accepts a genuine event', () => expectOk(run(h())));
  it('rejects a tampered body', () => expectFail(run(h(), [SECRET], Buffer.from(body.replace('123', '124'))), /does not match/));
  it('rejects a wrong secret', () => expectFail(run(h(NOW_S, OTHER)), /does not match/));
  it('accepts the second secret', () => expectOk(run(h(NOW_S, OTHER), [SECRET, OTHER])));
  it('rejects stale and future timestamps', () => {
    expectFail(run(h(NOW_S - 301)), /301 s old/);
    expectFail(run(h(NOW_S + 301)), /301 s in the future/);
  });
  it('names missing headers', () => {
    expectFail(run({ 'x-zm-signature': 'v0=00' }), /missing header x-zm-request-timestamp/);
    expectFail(run({ 'x-zm-request-timestamp': String(NOW_S) }), /missing header x-zm-signature/);
  });
  it('answers the url_validation challenge as documented', () => {
    expect(zoomValidationAnswer('qgg8vlvZRS6UYooatFL8Aw', SECRET)).toEqual({
      plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
      encryptedToken: createHmac('sha256', SECRET).update('qgg8vlvZRS6UYooatFL8Aw').digest('hex'),
    });
  });
});
