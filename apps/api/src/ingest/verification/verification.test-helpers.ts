import { expect } from 'vitest';
import type { VerifyInput, VerifyResult } from './verification.types';

/** A fixed clock for verifier specs: 2026-01-01T00:00:00Z. */
export const NOW = Date.UTC(2026, 0, 1);
export const NOW_S = Math.floor(NOW / 1000);

export function input<S>(over: Partial<VerifyInput<S>> & { settings: S }): VerifyInput<S> {
  return {
    rawBody: Buffer.alloc(0),
    headers: {},
    method: 'POST',
    url: 'https://hooks.example.com/hooks/abc',
    query: {},
    secrets: [],
    now: NOW,
    ...over,
  };
}

export function expectOk(result: VerifyResult, deliveryId?: string): void {
  expect(result).toEqual(deliveryId === undefined ? expect.objectContaining({ ok: true }) : { ok: true, deliveryId });
}

export function expectFail(result: VerifyResult, reason: RegExp): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.reason).toMatch(reason);
}

/** Lower-cases header names as Node's HTTP parser does. */
export function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
