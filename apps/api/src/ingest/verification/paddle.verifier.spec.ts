import { createHmac } from 'node:crypto';
import { describe, it } from 'vitest';
import { verifyPaddle } from './paddle.verifier';
import { expectFail, expectOk, input, NOW_S } from './verification.test-helpers';

const SECRET = 'pdl_ntfset_01gkpjp8bkm3tm53kdgkx6sms7_6h3qd3uFSi9YCD3OLYAShQI90XTI5vEI';
const OTHER = 'pdl_ntfset_rotated';
const body = JSON.stringify({ event_id: 'evt_01h7m2', event_type: 'transaction.completed', data: { id: 'txn_01' } });
// Paddle's documented recipe: "ts=<ts>;h1=" + hex(HMAC-SHA256(secret key, ts + ":" + body)).
const h1 = (ts: number, secret: string) => createHmac('sha256', secret).update(`${ts}:${body}`).digest('hex');
const header = (ts = NOW_S, secret = SECRET) => ({ 'paddle-signature': `ts=${ts};h1=${h1(ts, secret)}` });
const run = (headers: Record<string, string>, secrets = [SECRET], rawBody = Buffer.from(body)) =>
  verifyPaddle(input({ headers, rawBody, secrets, settings: { scheme: 'paddle' as const } }));

describe('paddle verifier (documented recipe)', () => {
  it('accepts a genuine event with event_id as the delivery id', () => expectOk(run(header()), 'evt_01h7m2'));
  it('accepts a header with two h1 signatures (Paddle rotating its secret)', () =>
    expectOk(run({ 'paddle-signature': `ts=${NOW_S};h1=${h1(NOW_S, 'old')};h1=${h1(NOW_S, SECRET)}` })));
  it('rejects a tampered body', () => expectFail(run(header(), [SECRET], Buffer.from(body.replace('txn_01', 'txn_02'))), /does not match/));
  it('rejects a wrong secret', () => expectFail(run(header(NOW_S, OTHER)), /does not match/));
  it('accepts the second secret', () => expectOk(run(header(NOW_S, OTHER), [SECRET, OTHER])));
  it('rejects stale and future timestamps', () => {
    expectFail(run(header(NOW_S - 301)), /301 s old/);
    expectFail(run(header(NOW_S + 301)), /301 s in the future/);
  });
  it('rejects missing and malformed headers', () => {
    expectFail(run({}), /missing header Paddle-Signature/);
    expectFail(run({ 'paddle-signature': `h1=${h1(NOW_S, SECRET)}` }), /no ts=/);
  });
});
