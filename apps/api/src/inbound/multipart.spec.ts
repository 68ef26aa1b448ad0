import { describe, expect, it } from 'vitest';
import { multipartBoundary, parseMultipart } from './multipart';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('parseMultipart', () => {
  it('parses fields and file metadata, repeated names as arrays', async () => {
    const form = new FormData();
    form.append('subject', 'Hello');
    form.append('to', 'a@example.com');
    form.append('to', 'b@example.com');
    form.append('attachment', new Blob([new Uint8Array([0, 1, 2, 255])], { type: 'image/png' }), 'pixel.png');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const boundary = multipartBoundary(request.headers.get('content-type'));
    expect(boundary).toBeTruthy();
    const parsed = parseMultipart(Buffer.from(await request.arrayBuffer()), boundary!);
    expect(parsed).toEqual({
      fields: { subject: 'Hello', to: ['a@example.com', 'b@example.com'] },
      files: { attachment: { filename: 'pixel.png', contentType: 'image/png', size: 4 } },
    });
  });
  it('reads quoted boundaries and rejects broken bodies', () => {
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('text/plain')).toBeNull();
    expect(parseMultipart(crlf(['--x', 'Content-Disposition: form-data; name="a"', '', '1', '--x--']), 'x')).toEqual({
      fields: { a: '1' },
      files: {},
    });
    expect(() => parseMultipart(Buffer.from('nothing here'), 'x')).toThrow(/boundary/);
    expect(() => parseMultipart(crlf(['--x', 'Content-Disposition: form-data; name="a"', '', '1']), 'x')).toThrow(/terminated/);
  });
});
