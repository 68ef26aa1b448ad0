import { describe, expect, it } from 'vitest';
import { parseResponseBody } from './http.handler';

describe('parseResponseBody', () => {
  it('parses JSON when the content type says JSON', () => {
    expect(parseResponseBody({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"a":[1,2]}' })).toEqual({ a: [1, 2] });
    expect(parseResponseBody({ status: 200, headers: { 'content-type': 'application/problem+json' }, body: '{"title":"x"}' })).toEqual({ title: 'x' });
  });

  it('parses JSON when there is no content type, and falls back to text when it does not parse', () => {
    expect(parseResponseBody({ status: 200, headers: {}, body: '[1]' })).toEqual([1]);
    expect(parseResponseBody({ status: 200, headers: {}, body: 'OK' })).toBe('OK');
    expect(parseResponseBody({ status: 200, headers: { 'content-type': 'application/json' }, body: '{broken' })).toBe('{broken');
  });

  it('keeps text bodies, empty bodies and truncated bodies as text', () => {
    expect(parseResponseBody({ status: 200, headers: { 'content-type': 'text/plain' }, body: '{"a":1}' })).toBe('{"a":1}');
    expect(parseResponseBody({ status: 204, headers: { 'content-type': 'application/json' }, body: '' })).toBe('');
    expect(parseResponseBody({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"a":1}', bodyTruncated: true })).toBe('{"a":1}');
  });
});
