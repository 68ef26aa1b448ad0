import { z } from 'zod';
import { stepBaseShape, templateSchema } from '../shared/step-base.schema';

/** How a `stop` step ends the run. */
export const STOP_STATUSES = ['succeeded', 'failed'] as const;
export type StopStatus = (typeof STOP_STATUSES)[number];

/**
 * `stop`: ends the run here, as `succeeded` (default) or `failed`, with a message. Steps after it
 * do not run, wherever it is (also inside a branch path or a loop). A failed stop is recorded as a
 * failed step with the code `STOPPED`; it is never retryable.
 */
export const stopStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('stop'),
  status: z.enum(STOP_STATUSES).default('succeeded').describe('How the run ends: succeeded or failed'),
  message: templateSchema
    .max(2000, 'must be at most 2,000 characters')
    .default('')
    .describe('Why the run stops, shown in the run history; may contain {{ expression }} placeholders'),
});
export type StopStep = z.infer<typeof stopStepSchema>;
