import { z } from 'zod';
import { timestampSchema } from '../common/page.schema';

/** One timed trigger of the workspace and when it fires next. */
export const upcomingTriggerSchema = z.strictObject({
  workflowId: z.string(),
  workflowName: z.string(),
  type: z.enum(['schedule', 'poll']),
  /** The durable next fire (or poll) time. */
  nextAt: timestampSchema,
  /** Schedules: the next five times; polls: the next five polls. */
  nextTimes: z.array(timestampSchema),
  /** Schedules: the cron pattern and its time zone; polls: every N minutes. */
  cron: z.string().nullable(),
  timezone: z.string().nullable(),
  intervalMinutes: z.number().int().nullable(),
  lastFiredAt: timestampSchema.nullable(),
  /** Polls: why the last poll failed, until one succeeds. */
  lastError: z.string().nullable(),
});
export type UpcomingTrigger = z.infer<typeof upcomingTriggerSchema>;

/** `GET /api/triggers/upcoming`: what fires next across the workspace, soonest first. */
export const upcomingTriggersSchema = z.strictObject({ items: z.array(upcomingTriggerSchema) });
export type UpcomingTriggers = z.infer<typeof upcomingTriggersSchema>;
