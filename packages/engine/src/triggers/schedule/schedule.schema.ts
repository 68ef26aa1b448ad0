import { z } from 'zod';

/** What a schedule does about the times it missed while no process was running. */
export const CATCH_UP_POLICIES = ['skip', 'once', 'each'] as const;
export type CatchUpPolicy = (typeof CATCH_UP_POLICIES)[number];

/** Default and largest number of missed times run with the `each` policy. */
export const DEFAULT_CATCH_UP_LIMIT = 10;
export const MAX_CATCH_UP_LIMIT = 100;

/**
 * The schedule trigger: fires at the times of a 5-field cron pattern (`minute hour day-of-month month
 * day-of-week`) read in `timezone` (IANA, default UTC), correct across daylight-saving changes. A
 * time skipped by a spring-forward fires at the first instant after the gap; a time repeated by a
 * fall-back fires once. After downtime, `catchUp` decides: `skip` the missed times (default), run
 * `once` for all of them, or run `each` up to `limit` (the most recent ones).
 */
export const scheduleTriggerSchema = z.strictObject({
  type: z.literal('schedule'),
  cron: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').describe('5-field cron pattern'),
  timezone: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters').default('UTC').describe('IANA time zone'),
  catchUp: z
    .strictObject({
      policy: z.enum(CATCH_UP_POLICIES).default('skip').describe('skip, once or each'),
      limit: z
        .number()
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(MAX_CATCH_UP_LIMIT, `must be at most ${MAX_CATCH_UP_LIMIT}`)
        .default(DEFAULT_CATCH_UP_LIMIT)
        .describe(`With each: most missed times run (default ${DEFAULT_CATCH_UP_LIMIT})`),
    })
    .optional()
    .describe('What to do about times missed while Switchyard was down (default: skip them)'),
});
export type ScheduleTrigger = z.infer<typeof scheduleTriggerSchema>;
