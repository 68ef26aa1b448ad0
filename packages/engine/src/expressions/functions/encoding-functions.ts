import { hmac as nobleHmac } from '@noble/hashes/hmac';
import { md5, sha1 } from '@noble/hashes/legacy';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2';
import { chunks, functionError, type FunctionRuntime } from './function-error';

/** Hash functions of `$hash` and `$hmac`. MD5 and SHA-1 only for APIs that still ask for them. */
export const HASH_ALGORITHMS = ['md5', 'sha1', 'sha256', 'sha384', 'sha512'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];
/** Encodings of digests. */
export const DIGEST_ENCODINGS = ['hex', 'base64', 'base64url'] as const;
export type DigestEncoding = (typeof DIGEST_ENCODINGS)[number];

const HASHES = { md5, sha1, sha256, sha384, sha512 } as const;
/** UTF-16 units hashed between two checks of the time budget. */
const HASH_CHUNK_CHARS = 256 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function algorithmOf(fn: string, value: unknown): HashAlgorithm {
  const name = (value === undefined || value === null ? 'sha256' : String(value)).toLowerCase().replace('-', '');
  if (!(HASH_ALGORITHMS as ReadonlyArray<string>).includes(name))
    throw functionError(fn, `the algorithm must be one of ${HASH_ALGORITHMS.join(', ')}`);
  return name as HashAlgorithm;
}

function encodingOf(fn: string, value: unknown): DigestEncoding {
  const name = value === undefined || value === null ? 'hex' : String(value).toLowerCase();
  if (!(DIGEST_ENCODINGS as ReadonlyArray<string>).includes(name))
    throw functionError(fn, `the encoding must be one of ${DIGEST_ENCODINGS.join(', ')}`);
  return name as DigestEncoding;
}

function encodeDigest(bytes: Uint8Array, encoding: DigestEncoding): string {
  if (encoding === 'hex') return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return encodeBase64(bytes, encoding === 'base64url');
}

/** Feeds UTF-8 of a text to an incremental hash in chunks, checking the evaluation's budget. */
async function feed(runtime: FunctionRuntime, hash: { update(data: Uint8Array): unknown }, text: string): Promise<void> {
  for (const chunk of chunks(text, HASH_CHUNK_CHARS)) {
    hash.update(encoder.encode(chunk));
    await runtime.tick();
  }
}

/** `$hash(text, algorithm?, encoding?)`: digest of the UTF-8 text (default sha256, hex). */
export async function hash(runtime: FunctionRuntime, text: unknown, algorithm?: unknown, encoding?: unknown): Promise<string | undefined> {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw functionError('hash', 'expects a text');
  const h = HASHES[algorithmOf('hash', algorithm)].create();
  const enc = encodingOf('hash', encoding);
  await feed(runtime, h, text);
  return encodeDigest(h.digest(), enc);
}

/** `$hmac(text, key, algorithm?, encoding?)`: HMAC of the UTF-8 text with a UTF-8 key (default sha256, hex). */
export async function hmac(
  runtime: FunctionRuntime,
  text: unknown,
  key: unknown,
  algorithm?: unknown,
  encoding?: unknown,
): Promise<string | undefined> {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw functionError('hmac', 'expects a text');
  if (typeof key !== 'string') throw functionError('hmac', 'the key must be a text');
  const mac = nobleHmac.create(HASHES[algorithmOf('hmac', algorithm)], encoder.encode(key));
  const enc = encodingOf('hmac', encoding);
  await feed(runtime, mac, text);
  return encodeDigest(mac.digest(), enc);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64 of bytes; base64url (RFC 4648 §5) has no padding. */
export function encodeBase64(bytes: Uint8Array, url = false): string {
  const alphabet = url ? BASE64URL : BASE64;
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : url ? '' : '=';
    out += i + 2 < bytes.length ? alphabet[n & 63] : url ? '' : '=';
  }
  return out;
}

/** Bytes of base64 or base64url text (padding optional); undefined when it is not such text. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/_-]*$/.test(clean) || clean.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const c of clean) {
    const digit = c === '-' ? 62 : c === '_' ? 63 : BASE64.indexOf(c);
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
    }
  }
  return bytes;
}

/** `$base64urlEncode(text)`: base64url (URL- and file-safe, no padding) of the UTF-8 text. */
export function base64urlEncode(text: unknown): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw functionError('base64urlEncode', 'expects a text');
  return encodeBase64(encoder.encode(text), true);
}

/** `$base64urlDecode(text)`: the UTF-8 text encoded as base64url (or base64). */
export function base64urlDecode(text: unknown): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw functionError('base64urlDecode', 'expects a text');
  const bytes = decodeBase64(text.trim());
  if (!bytes) throw functionError('base64urlDecode', 'the text is not base64url');
  try {
    return decoder.decode(bytes);
  } catch {
    throw functionError('base64urlDecode', 'the decoded bytes are not UTF-8 text');
  }
}
