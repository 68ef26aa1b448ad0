import { z } from 'zod';
import { expressionSchema, stepBaseShape } from '../shared/step-base.schema';

/** Units of a `delay` step's duration. */
export const DELAY_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
export type DelayUnit = (typeof DELAY_UNITS)[number];

/** Milliseconds in one of each {@link DELAY_UNITS}. */
export const DELAY_UNIT_MS: Readonly<Record<DelayUnit, number>> = { seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** Longest delay, in milliseconds (30 days). */
export const DELAY_MAX_MS = 30 * 86_400_000;

/**
 * `delay`: pauses the run, either `for` a duration (`amount` of `unit`, at most 30 days) or `until`
 * a time (a JSONata expression giving an ISO 8601 text or epoch milliseconds; a time in the past
 * continues at once). The engine answers `waiting` with `resumeAt`; the host runs the run again with
 * its journal at that time (see docs/steps.md).
 */
export const delayStepSchema = z
  .strictObject({
    ...stepBaseShape,
    type: z.literal('delay'),
    mode: z.enum(['for', 'until']).default('for').describe('Wait for a duration, or until a time'),
    amount: z.number().min(0, 'must be at least 0').optional().describe('How long to wait, in `unit`s (mode "for")'),
    unit: z.enum(DELAY_UNITS).default('minutes').describe('Unit of `amount`'),
    until: expressionSchema
      .optional()
      .describe('JSONata expression giving the time to resume: ISO 8601 text or epoch milliseconds (mode "until")'),
  })
  .superRefine((step, ctx) => {
    if (step.mode === 'for') {
      if (step.amount === undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'is required when waiting for a duration' });
      else if (step.amount * DELAY_UNIT_MS[step.unit] > DELAY_MAX_MS)
        ctx.addIssue({ code: 'custom', path: ['amount'], message: 'must be at most 30 days' });
    } else if (step.until === undefined) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'is required when waiting until a time' });
    }
  });
export type DelayStep = z.infer<typeof delayStepSchema>;
