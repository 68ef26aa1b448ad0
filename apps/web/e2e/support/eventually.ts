import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { sleep } from './api-client.ts';

/** How long the UI may take to settle, as the browser context's default timeout. */
const SETTLE_TIMEOUT_MS = 20_000;

/**
 * Reads a value from the page until it equals `expected`, then asserts it (and fails with the last
 * value read when it never does): Playwright's `toHaveCount` or `toBeChecked` for node:test. For
 * what a re-render can briefly change, such as the rows of a list that reloads after a filter.
 */
export async function eventually<T>(read: () => Promise<T>, expected: T, message?: string, timeoutMs = SETTLE_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let actual = await read();
  while (!isDeepStrictEqual(actual, expected) && Date.now() < deadline) {
    await sleep(100);
    actual = await read();
  }
  assert.deepEqual(actual, expected, message);
}
