import { describe, it } from 'vitest';
import { verifyBasic } from './basic.verifier';
import { expectFail, expectOk, input } from './verification.test-helpers';

const auth = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
const run = (headers: Record<string, string>, secrets = ['pa:ss']) =>
  verifyBasic(input({ headers, secrets, settings: { scheme: 'basic' as const, username: 'hook' } }));

describe('basic verifier', () => {
  it('accepts the user name and password (passwords may contain ":")', () => expectOk(run(auth('hook', 'pa:ss'))));
  it('rejects a wrong password or user name, accepts the second password', () => {
    expectFail(run(auth('hook', 'nope')), /password does not match/);
    expectFail(run(auth('other', 'pa:ss')), /user name does not match/);
    expectOk(run(auth('hook', 'new'), ['pa:ss', 'new']));
  });
  it('names a missing or malformed header', () => {
    expectFail(run({}), /missing header Authorization/);
    expectFail(run({ authorization: 'Bearer x' }), /expected Basic/);
  });
});
