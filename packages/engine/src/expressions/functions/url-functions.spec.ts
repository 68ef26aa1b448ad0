import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../evaluate-expression';

const run = (expression: string, input: unknown = {}) => evaluateExpression(expression, input);

describe('$parseUrl', () => {
  it('returns the parts of a URL with its decoded query', async () => {
    expect(await run(`$parseUrl('https://user:pw@shop.example.com:8443/orders/42?status=paid&tag=a&tag=b%20c#top')`)).toEqual({
      href: 'https://user:pw@shop.example.com:8443/orders/42?status=paid&tag=a&tag=b%20c#top',
      protocol: 'https',
      host: 'shop.example.com:8443',
      hostname: 'shop.example.com',
      port: '8443',
      origin: 'https://shop.example.com:8443',
      path: '/orders/42',
      query: { status: 'paid', tag: ['a', 'b c'] },
      hash: 'top',
      username: 'user',
    });
  });

  it('gives nothing for text that is not an absolute URL', async () => {
    expect(await run(`$parseUrl('/relative/path')`)).toBeUndefined();
    expect(await run(`link.$parseUrl().query.id`, { link: 'https://x.test/?id=7' })).toBe('7');
  });
});

describe('$buildQuery', () => {
  it('encodes an object as a query string', async () => {
    expect(await run(`$buildQuery({'q': 'two words & more', 'page': 2, 'tag': ['a', 'b'], 'skip': null, 'f': {'x': 1}})`)).toBe(
      'q=two%20words%20%26%20more&page=2&tag=a&tag=b&f=%7B%22x%22%3A1%7D',
    );
  });

  it('builds a URL with the existing $encodeUrlComponent and $decodeUrlComponent', async () => {
    expect(await run(`'https://api.example.com/search?' & $buildQuery({'q': $decodeUrlComponent('caf%C3%A9')})`)).toBe(
      'https://api.example.com/search?q=caf%C3%A9',
    );
  });
});
