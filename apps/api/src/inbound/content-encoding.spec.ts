import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeContentEncoding } from './content-encoding';

describe('decodeContentEncoding', () => {
  const text = Buffer.from('{"hello":"wörld"}');
  it('decodes gzip, deflate and br, and leaves identity alone', () => {
    expect(decodeContentEncoding(gzipSync(text), 'gzip', 1000)).toEqual({ ok: true, body: text });
    expect(decodeContentEncoding(deflateSync(text), 'deflate', 1000)).toEqual({ ok: true, body: text });
    expect(decodeContentEncoding(brotliCompressSync(text), 'br', 1000)).toEqual({ ok: true, body: text });
    expect(decodeContentEncoding(text, undefined, 1000)).toEqual({ ok: true, body: text });
    expect(decodeContentEncoding(text, 'identity', 1000)).toEqual({ ok: true, body: text });
  });
  it('caps the decompressed size', () => {
    const bomb = gzipSync(Buffer.alloc(10_000_000));
    expect(bomb.length).toBeLessThan(20_000);
    expect(decodeContentEncoding(bomb, 'gzip', 1_000_000)).toMatchObject({ ok: false, status: 413 });
  });
  it('refuses unknown encodings and corrupt data', () => {
    expect(decodeContentEncoding(text, 'zstd', 1000)).toMatchObject({ ok: false, status: 415 });
    expect(decodeContentEncoding(text, 'gzip', 1000)).toMatchObject({ ok: false, status: 400 });
  });
});
