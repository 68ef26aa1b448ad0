import { ExpressionError } from './expression-error';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Turns an evaluation result into plain JSON data: drops functions, strips `__proto__`,
 * `constructor` and `prototype` keys, and enforces a maximum nesting depth and serialized size.
 * Throws {@link ExpressionError} (`LIMIT_DATA_DEPTH`, `LIMIT_OUTPUT`) when a bound is exceeded.
 */
export function sanitizeValue(params: { value: unknown; maxDepth: number; maxBytes: number }): unknown {
  const budget = { bytes: 0 };
  return copy(params.value, 0, params.maxDepth, params.maxBytes, budget);
}

function copy(value: unknown, depth: number, maxDepth: number, maxBytes: number, budget: { bytes: number }): unknown {
  if (depth > maxDepth) {
    throw new ExpressionError({
      code: 'LIMIT_DATA_DEPTH',
      kind: 'limit',
      message: `The result is nested deeper than ${maxDepth} levels`,
    });
  }
  switch (typeof value) {
    case 'string':
      charge(budget, value.length + 2, maxBytes);
      return value;
    case 'number':
      charge(budget, 8, maxBytes);
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      charge(budget, 5, maxBytes);
      return value;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      charge(budget, 20, maxBytes);
      return value.toString();
    default:
      break;
  }
  if (value === null) {
    charge(budget, 4, maxBytes);
    return null;
  }
  if (isJsonataFunction(value as object)) return undefined;
  if (Array.isArray(value)) {
    charge(budget, 2, maxBytes);
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = copy(value[i], depth + 1, maxDepth, maxBytes, budget);
      out[i] = item === undefined ? null : item;
      charge(budget, 1, maxBytes);
    }
    return out;
  }
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return undefined;
  const out: Record<string, unknown> = {};
  charge(budget, 2, maxBytes);
  for (const key of Object.keys(value as object)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const item = copy((value as Record<string, unknown>)[key], depth + 1, maxDepth, maxBytes, budget);
    if (item === undefined) continue;
    charge(budget, key.length + 4, maxBytes);
    out[key] = item;
  }
  return out;
}

function charge(budget: { bytes: number }, bytes: number, maxBytes: number): void {
  budget.bytes += bytes;
  if (budget.bytes > maxBytes) {
    throw new ExpressionError({
      code: 'LIMIT_OUTPUT',
      kind: 'limit',
      message: `The result is larger than ${maxBytes} bytes`,
    });
  }
}

function isJsonataFunction(value: object): boolean {
  const v = value as Record<string, unknown>;
  return v._jsonata_lambda === true || v._jsonata_function === true;
}

/**
 * Measures the nesting depth of a JSON document without recursion and throws `LIMIT_DATA_DEPTH`
 * above `maxDepth`, so that a hostile 100k-deep payload fails with a clear error instead of a
 * stack overflow in later steps.
 */
export function assertDataDepth(params: { value: unknown; maxDepth: number; what?: string }): void {
  const stack: Array<[unknown, number]> = [[params.value, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== 'object') continue;
    if (depth >= params.maxDepth) {
      throw new ExpressionError({
        code: 'LIMIT_DATA_DEPTH',
        kind: 'limit',
        message: `${params.what ?? 'The data'} is nested deeper than ${params.maxDepth} levels`,
      });
    }
    const children = Array.isArray(value) ? value : Object.values(value as object);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
}
