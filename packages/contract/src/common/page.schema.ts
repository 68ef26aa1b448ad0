import { z } from 'zod';

/** `{ items }`: a whole list in one answer. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item) });
}

/** `{ items, nextCursor }`: one page, newest first; pass `nextCursor` as `cursor` for the next (null on the last). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), nextCursor: z.string().nullable() });
}

export interface List<T> {
  items: T[];
}

export interface Page<T> extends List<T> {
  nextCursor: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs (v7, time-ordered, so they double as cursors). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** `?cursor=`: the `nextCursor` of the previous page. */
export const cursorSchema = z
  .string()
  .refine((c) => isUuid(c), 'is not a cursor returned by this endpoint')
  .optional();

/** An ISO 8601 time in a query string. */
export const isoTimeQuerySchema = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 time such as 2026-11-23T10:00:00Z')
  .optional();

/** A time in an answer: ISO 8601, UTC (`toISOString()`). */
export const timestampSchema = z.string().describe('ISO 8601 time');
