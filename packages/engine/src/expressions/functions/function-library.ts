import { addDuration, formatDate, parseDate } from './date-functions';
import { base64urlDecode, base64urlEncode, hash, hmac } from './encoding-functions';
import type { FunctionRuntime } from './function-error';
import { formatCurrency, roundTo } from './number-functions';
import { replaceAll, slugify, splitText, truncate } from './text-functions';
import { buildQuery, parseUrl } from './url-functions';

/** One function of Switchyard's expression library, added to JSONata's own. */
export interface LibraryFunction {
  name: string;
  /** JSONata signature (argument types; `-` takes the context when the first argument is left out). */
  signature?: string;
  implementation: (runtime: FunctionRuntime, ...args: unknown[]) => unknown;
}

const pure =
  <A extends unknown[]>(fn: (...args: A) => unknown) =>
  (_runtime: FunctionRuntime, ...args: unknown[]) =>
    fn(...(args as A));

/**
 * The function library registered on every compiled expression (docs/expressions.md). `$uuid` is
 * not here: it is bound per evaluation, from the host's id port.
 */
export const FUNCTION_LIBRARY: ReadonlyArray<LibraryFunction> = [
  { name: 'formatDate', signature: '<(ns)-(sl)?(sl)?:s>', implementation: pure(formatDate) },
  { name: 'parseDate', signature: '<s-(sl)?(sl)?:s>', implementation: pure(parseDate) },
  { name: 'addDuration', implementation: pure(addDuration) },
  { name: 'slugify', signature: '<s-s?:s>', implementation: slugify as LibraryFunction['implementation'] },
  { name: 'truncate', signature: '<s-ns?:s>', implementation: pure(truncate) },
  { name: 'splitText', signature: '<s-(sl)?n?:x>', implementation: splitText as LibraryFunction['implementation'] },
  { name: 'replaceAll', signature: '<s(so)s?:s>', implementation: replaceAll as LibraryFunction['implementation'] },
  { name: 'formatCurrency', signature: '<ns(sl)?:s>', implementation: pure(formatCurrency) },
  { name: 'roundTo', signature: '<n-n?:n>', implementation: pure(roundTo) },
  { name: 'hash', signature: '<s-s?s?:s>', implementation: hash as LibraryFunction['implementation'] },
  { name: 'hmac', signature: '<ss(sl)?(sl)?:s>', implementation: hmac as LibraryFunction['implementation'] },
  { name: 'base64urlEncode', signature: '<s-:s>', implementation: pure(base64urlEncode) },
  { name: 'base64urlDecode', signature: '<s-:s>', implementation: pure(base64urlDecode) },
  { name: 'parseUrl', signature: '<s-:o>', implementation: pure(parseUrl) },
  { name: 'buildQuery', signature: '<o-:s>', implementation: pure(buildQuery) },
];
