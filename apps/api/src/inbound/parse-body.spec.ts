import { describe, expect, it } from 'vitest';
import { InvalidBodyError, parseBody, parseBodyLenient } from './parse-body';

describe('parseBody', () => {
  it('parses JSON, including +json types', () => {
    expect(parseBody(Buffer.from('{"a":1}'), 'application/json; charset=utf-8')).toEqual({ kind: 'json', value: { a: 1 } });
    expect(parseBody(Buffer.from('[1]'), 'application/cloudevents+json').value).toEqual([1]);
  });

  it('names the reason for invalid JSON', () => {
    expect(() => parseBody(Buffer.from('{"a":'), 'application/json')).toThrow(InvalidBodyError);
    expect(() => parseBody(Buffer.from('{"a":'), 'application/json')).toThrow(/not valid JSON/);
  });

  it('parses forms with repeated keys as arrays', () => {
    expect(parseBody(Buffer.from('a=1&b=x+y&a=2'), 'application/x-www-form-urlencoded').value).toEqual({ a: ['1', '2'], b: 'x y' });
  });

  it('keeps text and XML as text and other bytes as base64', () => {
    expect(parseBody(Buffer.from('<a/>'), 'application/xml')).toEqual({ kind: 'text', value: '<a/>' });
    expect(parseBody(Buffer.from([0xff, 0x00]), 'application/octet-stream')).toEqual({ kind: 'binary', value: '/wA=' });
  });

  it('treats an empty body as null and guesses JSON without a content type', () => {
    expect(parseBody(Buffer.alloc(0), 'application/json').value).toBeNull();
    expect(parseBody(Buffer.from('{"x":true}'), undefined).value).toEqual({ x: true });
    expect(parseBody(Buffer.from('hello'), undefined)).toEqual({ kind: 'text', value: 'hello' });
  });

  it('lenient parsing shows invalid JSON as text', () => {
    expect(parseBodyLenient(Buffer.from('{oops'), 'application/json')).toEqual({ kind: 'text', value: '{oops' });
  });
});

describe('parseBody and NUL characters', () => {
  it('replaces U+0000 in parsed values (jsonb cannot hold it) and treats NUL-bearing text as binary', () => {
    expect(parseBody(Buffer.from('{"a\\u0000":"b\\u0000"}'), 'application/json').value).toEqual({ 'a\uFFFD': 'b\uFFFD' });
    expect(parseBody(Buffer.from('k=%00v'), 'application/x-www-form-urlencoded').value).toEqual({ k: '\uFFFDv' });
    expect(parseBody(Buffer.from([0x61, 0x00, 0x62]), 'text/plain')).toEqual({ kind: 'binary', value: 'YQBi' });
  });
});
