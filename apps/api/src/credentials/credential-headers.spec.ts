import { describe, expect, it } from 'vitest';
import { staticCredentialHeaders } from './credential-headers';

describe('staticCredentialHeaders', () => {
  it('builds bearer, basic and api-key headers', () => {
    expect(staticCredentialHeaders('bearer', { token: 'abc' })).toEqual({ authorization: 'Bearer abc' });
    expect(staticCredentialHeaders('basic', { username: 'Aladdin', password: 'open sesame' })).toEqual({
      authorization: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
    });
    expect(staticCredentialHeaders('basic', { username: 'zoë', password: 'pä' })).toEqual({
      authorization: `Basic ${Buffer.from('zoë:pä').toString('base64')}`,
    });
    expect(staticCredentialHeaders('api-key', { header: 'X-API-Key', value: 'k1' })).toEqual({ 'x-api-key': 'k1' });
  });

  it('gives no headers for credentials used elsewhere than in a header', () => {
    expect(staticCredentialHeaders('telegram-bot', { token: '123:abc' })).toEqual({});
    expect(staticCredentialHeaders('webhook-url', { url: 'https://hooks.slack.com/services/x' })).toEqual({});
  });
});
