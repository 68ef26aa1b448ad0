import { Webhooks } from '@octokit/webhooks';
import { describe, it } from 'vitest';
import { verifyGithub } from './github.verifier';
import { expectFail, expectOk, input } from './verification.test-helpers';

const SECRET = "It's a Secret to Everybody";
const OTHER = 'rotated github secret';
const body = JSON.stringify({ action: 'opened', number: 7, zen: 'Keep it logically awesome.' });
const sign = (payload: string, secret = SECRET) => new Webhooks({ secret }).sign(payload);
const run = (headers: Record<string, string>, secrets = [SECRET], rawBody = Buffer.from(body)) =>
  verifyGithub(input({ headers, rawBody, secrets, settings: { scheme: 'github' as const } }));

describe('github verifier (signed with @octokit/webhooks)', () => {
  it('accepts a genuine delivery with X-GitHub-Delivery as the delivery id', async () => {
    expectOk(
      run({ 'x-hub-signature-256': await sign(body), 'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958' }),
      '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    );
  });
  it("accepts GitHub's documented example", () => {
    const signature = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
    expectOk(run({ 'x-hub-signature-256': signature }, [SECRET], Buffer.from('Hello, World!')));
  });
  it('rejects a tampered body', async () =>
    expectFail(run({ 'x-hub-signature-256': await sign(body) }, [SECRET], Buffer.from(body.replace('7', '8'))), /does not match/));
  it('rejects a wrong secret', async () => expectFail(run({ 'x-hub-signature-256': await sign(body, OTHER) }), /does not match/));
  it('accepts the second secret', async () => expectOk(run({ 'x-hub-signature-256': await sign(body, OTHER) }, [SECRET, OTHER])));
  it('rejects missing and malformed headers', () => {
    expectFail(run({ 'x-hub-signature': 'sha1=abc' }), /missing header X-Hub-Signature-256/);
    expectFail(run({ 'x-hub-signature-256': 'md5=abc' }), /expected sha256=/);
    expectFail(run({ 'x-hub-signature-256': 'sha256=zz' }), /not hex/);
  });
});
