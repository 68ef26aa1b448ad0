import { z } from 'zod';

/** Largest JSON input of a Run now, in bytes once serialised. */
export const MAX_RUN_NOW_INPUT_BYTES = 1024 * 1024;

/**
 * `POST /api/workflows/:id/run`: start the workflow's published version by hand. `input` becomes the
 * run's `trigger.body` (default `{}`); it is stored as a request with the verdict `manual`.
 */
export const runNowSchema = z.strictObject({
  input: z
    .json()
    .optional()
    .refine((value) => value === undefined || JSON.stringify(value).length <= MAX_RUN_NOW_INPUT_BYTES, {
      message: `must be at most ${MAX_RUN_NOW_INPUT_BYTES} bytes of JSON`,
    })
    .describe('The JSON the run sees as trigger.body (default {})'),
});
export type RunNowInput = z.infer<typeof runNowSchema>;

/** The answer to a Run now: the run and the request that records it. */
export const runNowResultSchema = z.strictObject({ runId: z.string(), requestId: z.string() });
export type RunNowResult = z.infer<typeof runNowResultSchema>;
