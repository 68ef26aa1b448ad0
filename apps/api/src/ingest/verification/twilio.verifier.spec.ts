import { createHash } from 'node:crypto';
import twilio from 'twilio';
import { describe, it } from 'vitest';
import { verifyTwilio } from './twilio.verifier';
import { expectFail, expectOk, input } from './verification.test-helpers';

const TOKEN = '12345abcdef';
const OTHER = 'rotated-auth-token';
const URL_ = 'https://hooks.example.com/hooks/tok?foo=1&bar=2';
const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };
const form = new URLSearchParams(params).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const run = (headers: Record<string, string>, over: { secrets?: string[]; rawBody?: Buffer; url?: string; settingsUrl?: string } = {}) =>
  verifyTwilio(
    input({
      headers,
      url: over.url ?? URL_,
      rawBody: over.rawBody ?? Buffer.from(form),
      secrets: over.secrets ?? [TOKEN],
      settings: { scheme: 'twilio' as const, url: over.settingsUrl },
    }),
  );

describe('twilio verifier (signed with twilio.getExpectedTwilioSignature)', () => {
  const signature = twilio.getExpectedTwilioSignature(TOKEN, URL_, params);

  it('accepts a genuine form request with I-Twilio-Idempotency-Token as the delivery id', () =>
    expectOk(run({ ...FORM, 'x-twilio-signature': signature, 'i-twilio-idempotency-token': 'idem-1' }), 'idem-1'));
  it('accepts repeated parameters as Twilio signs them', () => {
    const repeated = { To: '+18005551212', Media: ['b', 'a'] };
    const sig = twilio.getExpectedTwilioSignature(TOKEN, URL_, repeated);
    expectOk(run({ ...FORM, 'x-twilio-signature': sig }, { rawBody: Buffer.from('To=%2B18005551212&Media=b&Media=a') }));
  });
  it('accepts a URL signed with the default port', () => {
    const sig = twilio.getExpectedTwilioSignature(TOKEN, 'https://hooks.example.com:443/hooks/tok?foo=1&bar=2', params);
    expectOk(run({ ...FORM, 'x-twilio-signature': sig }));
  });
  it('uses the configured public URL behind a proxy', () => {
    const sig = twilio.getExpectedTwilioSignature(TOKEN, 'https://public.example.org/in/tok?foo=1&bar=2', params);
    expectOk(run({ ...FORM, 'x-twilio-signature': sig }, { settingsUrl: 'https://public.example.org/in/tok' }));
    expectFail(run({ ...FORM, 'x-twilio-signature': sig }), /does not match/);
  });
  it('accepts a JSON body covered by bodySHA256', () => {
    const json = '{"event":"ping"}';
    const url = `https://hooks.example.com/hooks/tok?bodySHA256=${createHash('sha256').update(json).digest('hex')}`;
    const sig = twilio.getExpectedTwilioSignature(TOKEN, url, {});
    expectOk(run({ 'content-type': 'application/json', 'x-twilio-signature': sig }, { url, rawBody: Buffer.from(json) }));
    expectFail(
      run({ 'content-type': 'application/json', 'x-twilio-signature': sig }, { url, rawBody: Buffer.from('{"event":"pong"}') }),
      /bodySHA256/,
    );
  });
  it('rejects a tampered body', () =>
    expectFail(
      run({ ...FORM, 'x-twilio-signature': signature }, { rawBody: Buffer.from(form.replace('1234', '9999')) }),
      /does not match/,
    ));
  it('rejects a wrong token', () =>
    expectFail(run({ ...FORM, 'x-twilio-signature': twilio.getExpectedTwilioSignature(OTHER, URL_, params) }), /does not match/));
  it('accepts the second token', () =>
    expectOk(run({ ...FORM, 'x-twilio-signature': twilio.getExpectedTwilioSignature(OTHER, URL_, params) }, { secrets: [TOKEN, OTHER] })));
  it('rejects a missing header', () => expectFail(run(FORM), /missing header X-Twilio-Signature/));
  it('agrees with twilio.validateRequest', () => {
    if (!twilio.validateRequest(TOKEN, signature, URL_, params)) throw new Error('twilio disagrees');
  });
});
