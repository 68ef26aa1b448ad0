import { describe, it } from 'vitest';
import { verifyHeaderToken } from './header-token.verifier';
import { expectFail, expectOk, input } from './verification.test-helpers';

const run = (headers: Record<string, string>, settings: { header?: string; prefix?: string } = {}, secrets = ['tok_a']) =>
  verifyHeaderToken(input({ headers, secrets, settings: { scheme: 'header-token' as const, ...settings } }));

describe('header-token verifier', () => {
  it('accepts the token in Authorization by default', () => expectOk(run({ authorization: 'tok_a' })));
  it('supports a custom header and a prefix', () => {
    expectOk(run({ 'x-api-key': 'tok_a' }, { header: 'X-Api-Key' }));
    expectOk(run({ authorization: 'Bearer tok_a' }, { prefix: 'Bearer ' }));
    expectFail(run({ authorization: 'tok_a' }, { prefix: 'Bearer ' }), /start with "Bearer "/);
  });
  it('rejects a wrong token, accepts the second one, names a missing header', () => {
    expectFail(run({ authorization: 'tok_b' }), /does not match/);
    expectOk(run({ authorization: 'tok_b' }, {}, ['tok_a', 'tok_b']));
    expectFail(run({}), /missing header Authorization/);
  });
});
