import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export type DecodedBody = { ok: true; body: Buffer } | { ok: false; status: 413 | 415 | 400; reason: string };

/**
 * Undoes a `Content-Encoding` (gzip, deflate, br; identity or none leaves the bytes alone), never
 * producing more than `maxBytes`: a small compressed bomb fails with 413 instead of filling memory.
 */
export function decodeContentEncoding(raw: Buffer, contentEncoding: string | undefined, maxBytes: number): DecodedBody {
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity');
  let body = raw;
  for (const encoding of encodings.reverse()) {
    const options = { maxOutputLength: maxBytes };
    try {
      if (encoding === 'gzip' || encoding === 'x-gzip') body = gunzipSync(body, options);
      else if (encoding === 'deflate') body = inflateSync(body, options);
      else if (encoding === 'br') body = brotliDecompressSync(body, options);
      else return { ok: false, status: 415, reason: `Content-Encoding ${encoding} is not supported (gzip, deflate and br are)` };
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        return { ok: false, status: 413, reason: `The body decompresses to more than the limit of ${maxBytes} bytes` };
      }
      return { ok: false, status: 400, reason: `The body is not valid ${encoding} data: ${(err as Error).message}` };
    }
  }
  return { ok: true, body };
}
