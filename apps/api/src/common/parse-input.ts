import type { z } from 'zod';
import { formatPath } from '@switchyard/engine';
import { ApiError } from './api-error';

/** Validates a request body or query with a zod schema; a failure is a 400 naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = 'request body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiError(
    400,
    'validation_failed',
    `The ${what} is invalid`,
    result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  );
}
