import { createHmac } from 'node:crypto';
import { describe, it } from 'vitest';
import { verifyTypeform } from './typeform.verifier';
import { expectFail, expectOk, input } from './verification.test-helpers';

const SECRET = 'typeform-secret';
const OTHER = 'typeform-rotated';
const body = JSON.stringify({ event_id: '01HXYZ', event_type: 'form_response', form_response: { answers: [] } });
// Typeform's documented recipe: "sha256=" + base64(HMAC-SHA256(secret, raw body)).
const sign = (secret = SECRET, payload = body) => `sha256=${createHmac('sha256', secret).update(payload).digest('base64')}`;
const run = (headers: Record<string, string>, secrets = [SECRET], rawBody = Buffer.from(body)) =>
  verifyTypeform(input({ headers, rawBody, secrets, settings: { scheme: 'typeform' as const } }));

describe('typeform verifier (documented recipe)', () => {
  it('accepts a genuine delivery with event_id as the delivery id', () => expectOk(run({ 'typeform-signature': sign() }), '01HXYZ'));
  it('rejects a tampered body', () =>
    expectFail(run({ 'typeform-signature': sign() }, [SECRET], Buffer.from(body.replace('[]', '[1]'))), /does not match/));
  it('rejects a wrong secret', () => expectFail(run({ 'typeform-signature': sign(OTHER) }), /does not match/));
  it('accepts the second secret', () => expectOk(run({ 'typeform-signature': sign(OTHER) }, [SECRET, OTHER])));
  it('rejects missing and malformed headers', () => {
    expectFail(run({}), /missing header Typeform-Signature/);
    expectFail(run({ 'typeform-signature': 'sha1=abc' }), /expected sha256=/);
  });
});
