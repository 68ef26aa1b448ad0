import { describe, expect, it } from 'vitest';
import { responseHeaders } from './response-waiter';

describe('responseHeaders', () => {
  it('keeps ordinary headers and drops framing and invalid ones', () => {
    expect(
      responseHeaders({ 'Content-Type': 'text/plain', 'X-Id': 'a\r\nb', 'Content-Length': '9', Connection: 'close', 'bad name': 'x' }),
    ).toEqual({
      'content-type': 'text/plain',
      'x-id': 'a  b',
    });
  });
});
