import { ApiError } from '../common/api-error';

const SYNTAX = /^\s*body((?:\.[A-Za-z_$][\w$-]*)+)\s*=\s*(.+?)\s*$/s;

/**
 * Turns a payload search such as `body.customer.email = "a@b.c"` into the JSON containment
 * document `{"customer":{"email":"a@b.c"}}` that the GIN index on request bodies answers.
 * An array on the path matches when any of its elements matches.
 */
export function parsePayloadQuery(q: string): Record<string, unknown> {
  const match = SYNTAX.exec(q);
  if (!match) {
    throw new ApiError(400, 'validation_failed', 'The search is invalid', [
      { path: 'q', message: 'must look like body.customer.email = "a@b.c" (a field path under body, =, and a JSON value)' },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(match[2]);
  } catch {
    throw new ApiError(400, 'validation_failed', 'The search is invalid', [
      { path: 'q', message: 'the value after = must be JSON: a "quoted string", a number, true, false or null' },
    ]);
  }
  const keys = match[1].slice(1).split('.');
  return keys.reduceRight<Record<string, unknown>>((inner, key, i) => ({ [key]: i === keys.length - 1 ? value : inner }), {});
}
