import type { TriggerVerify } from '@switchyard/engine';
import { createHash } from 'node:crypto';
import { safeEqual } from './verification/verification-utils';
import { zoomValidationAnswer } from './verification/zoom.verifier';

export interface HandshakeAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** What was answered, for the request log. */
  reason: string;
}

const first = (value: unknown): string | undefined =>
  Array.isArray(value) ? first(value[0]) : typeof value === 'string' ? value : undefined;
const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * A GET verification challenge (`hub.challenge`, as WebSub and Meta send, or `challenge`), echoed
 * as text. Without a `verify` scheme any challenge is echoed; with one, only when `hub.verify_token`
 * equals one of the trigger's secrets.
 */
export function answerGetChallenge(input: {
  method: string;
  query: Record<string, unknown>;
  verify: TriggerVerify | undefined;
  secrets: string[];
}): HandshakeAnswer | null {
  if (input.method !== 'GET') return null;
  const challenge = first(input.query['hub.challenge']) ?? first(input.query.challenge);
  if (challenge === undefined || challenge.length > 1024) return null;
  if (input.verify) {
    const token = first(input.query['hub.verify_token']);
    if (token === undefined) return null;
    let matched = false;
    for (const secret of input.secrets) if (safeEqual(digest(secret), digest(token))) matched = true;
    if (!matched) return null;
  }
  return {
    status: 200,
    body: challenge,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    reason: 'Answered a GET verification challenge',
  };
}

/** Slack's `ssl_check`, which Slack sends unsigned: answered 200 before verification. */
export function answerUnsignedHandshake(input: { scheme: string | undefined; body: unknown }): HandshakeAnswer | null {
  const body = input.body as Record<string, unknown> | null;
  if (input.scheme === 'slack' && body && typeof body === 'object' && first(body.ssl_check) === '1') {
    return { status: 200, body: '', reason: 'Answered Slack ssl_check' };
  }
  return null;
}

/**
 * Handshakes of signed requests, answered after verification: Slack `url_verification`, Zoom
 * `endpoint.url_validation`, Discord PING, GitHub `ping`.
 */
export function answerSignedHandshake(input: {
  scheme: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  secrets: string[];
}): HandshakeAnswer | null {
  const body = (input.body && typeof input.body === 'object' && !Array.isArray(input.body) ? input.body : {}) as Record<string, unknown>;
  switch (input.scheme) {
    case 'slack':
      if (body.type === 'url_verification' && typeof body.challenge === 'string') {
        return { status: 200, body: { challenge: body.challenge }, reason: 'Answered Slack url_verification' };
      }
      return null;
    case 'zoom': {
      const plainToken = (body.payload as { plainToken?: unknown } | undefined)?.plainToken;
      if (body.event === 'endpoint.url_validation' && typeof plainToken === 'string' && input.secrets.length > 0) {
        return { status: 200, body: zoomValidationAnswer(plainToken, input.secrets[0]), reason: 'Answered Zoom endpoint.url_validation' };
      }
      return null;
    }
    case 'discord':
      if (body.type === 1) return { status: 200, body: { type: 1 }, reason: 'Answered Discord PING' };
      return null;
    case 'github':
      if (first(input.headers['x-github-event']) === 'ping') {
        return {
          status: 200,
          body: { ok: true },
          reason: `Answered GitHub ping (hook ${String((body.hook_id as number | undefined) ?? '?')})`,
        };
      }
      return null;
    default:
      return null;
  }
}
