import { createHmac } from 'node:crypto';
import { describe, it } from 'vitest';
import { verifySlack } from './slack.verifier';
import { expectFail, expectOk, input, NOW_S } from './verification.test-helpers';

// The example in Slack's "Verifying requests from Slack".
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

const SECRET = 'slack-signing-secret';
const OTHER = 'slack-rotated';
const body = JSON.stringify({ type: 'event_callback', event_id: 'Ev08MFMKH6', event: { type: 'app_mention', text: 'hi' } });
const sign = (ts: number, secret = SECRET, payload = body) =>
  `v0=${createHmac('sha256', secret).update(`v0:${ts}:${payload}`).digest('hex')}`;
const run = (headers: Record<string, string>, secrets = [SECRET], rawBody = Buffer.from(body), now?: number) =>
  verifySlack(input({ headers, rawBody, secrets, settings: { scheme: 'slack' as const }, ...(now ? { now } : {}) }));
const h = (ts = NOW_S, secret = SECRET) => ({ 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(ts, secret) });

describe('slack verifier', () => {
  it("accepts Slack's documented example", () =>
    expectOk(
      run(
        { 'x-slack-request-timestamp': '1531420618', 'x-slack-signature': DOC_SIGNATURE },
        [DOC_SECRET],
        Buffer.from(DOC_BODY),
        1531420618_000,
      ),
    ));
  it('accepts a genuine event with event_id as the delivery id', () => expectOk(run(h()), 'Ev08MFMKH6'));
  it('rejects a tampered body', () => expectFail(run(h(), [SECRET], Buffer.from(body.replace('hi', 'ho'))), /does not match/));
  it('rejects a wrong secret', () => expectFail(run(h(NOW_S, OTHER)), /does not match/));
  it('accepts the second secret', () => expectOk(run(h(NOW_S, OTHER), [SECRET, OTHER])));
  it('rejects stale and future timestamps', () => {
    expectFail(run(h(NOW_S - 301)), /301 s old/);
    expectFail(run(h(NOW_S + 301)), /301 s in the future/);
  });
  it('names missing headers', () => {
    expectFail(run({ 'x-slack-signature': sign(NOW_S) }), /missing header X-Slack-Request-Timestamp/);
    expectFail(run({ 'x-slack-request-timestamp': String(NOW_S) }), /missing header X-Slack-Signature/);
  });
});
