import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../evaluate-expression';
import { ExpressionError } from '../expression-error';
import { decodeBase64, encodeBase64 } from './encoding-functions';

const run = (expression: string, input: unknown = {}) => evaluateExpression(expression, input);

describe('$hash', () => {
  it('hashes UTF-8 text (default sha256, hex)', async () => {
    expect(await run(`$hash('abc')`)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await run(`$hash('abc', 'md5')`)).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(await run(`$hash('abc', 'sha1')`)).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(await run(`$hash('abc', 'sha512', 'base64')`)).toBe(
      '3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==',
    );
    // UTF-8: é is two bytes, c3 a9.
    expect(await run(`$hash('é', 'md5')`)).toBe('66ddcd97cfdeabb2f6fb8a999b4bc76f');
  });

  it('takes the context when called without arguments, and gives nothing for nothing', async () => {
    // The subscriber hash of the Mailchimp API: md5 of the lower-cased address.
    expect(await run(`$hash($lowercase(email), 'md5')`, { email: 'Ada@Example.com' })).toBe('3e3417d7ef77d5932a6734b916515ed5');
    expect(await run(`email.$lowercase().$hash()`, { email: 'Ada@Example.com' })).toBe(await run(`$hash('ada@example.com')`));
    expect(await run(`$hash(missing)`)).toBeUndefined();
  });

  it('refuses an unknown algorithm or encoding', async () => {
    await expect(run(`$hash('x', 'sha3')`)).rejects.toThrow(/algorithm must be one of md5, sha1, sha256, sha384, sha512/);
    await expect(run(`$hash('x', 'sha256', 'binary')`)).rejects.toBeInstanceOf(ExpressionError);
  });
});

describe('$hmac', () => {
  it('signs with a key (RFC 4231 test case 2)', async () => {
    expect(await run(`$hmac('what do ya want for nothing?', 'Jefe')`)).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(await run(`$hmac('what do ya want for nothing?', 'Jefe', 'sha256', 'base64')`)).toBe(
      'W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=',
    );
  });

  it('signs a webhook payload like a sender would', async () => {
    const signature = await run(`'sha256=' & $hmac($string(body), 'secret')`, { body: { id: 1 } });
    expect(signature).toBe(`sha256=${await run(`$hmac('{"id":1}', 'secret')`)}`);
  });
});

describe('base64url', () => {
  it('encodes and decodes UTF-8 text without padding', async () => {
    expect(await run(`$base64urlEncode('ü?>')`)).toBe('w7w_Pg');
    expect(await run(`$base64urlDecode('w7w_Pg')`)).toBe('ü?>');
    expect(await run(`$base64urlDecode($base64encode('plain base64'))`)).toBe('plain base64');
  });

  it('round-trips bytes of every length', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      expect(decodeBase64(encodeBase64(bytes, true))).toEqual(bytes);
      expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    }
  });

  it('refuses text that is not base64url', async () => {
    await expect(run(`$base64urlDecode('***')`)).rejects.toThrow(/not base64url/);
  });
});
