import { z } from 'zod';
import { alertsSchema, autoReplaySchema } from './auto-replay-settings';

const retentionDays = z
  .number()
  .int('must be a whole number of days')
  .min(1, 'must be at least 1')
  .max(3650, 'must be at most 3650')
  .nullable()
  .optional();

const concurrency = z
  .number()
  .int('must be a whole number of runs')
  .min(1, 'must be at least 1')
  .max(1000, 'must be at most 1000')
  .nullable()
  .optional();

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** `POST /api/workflows` and `PUT /api/workflows/:id`; trigger and steps are checked by the engine. */
export const workflowInputSchema = z.strictObject({
  name,
  schemaVersion: z.number().int().optional(),
  trigger: z.unknown(),
  steps: z.unknown(),
  active: z.boolean().optional(),
  /** Days requests and runs are kept (default SWITCHYARD_RETENTION_DAYS, 30). */
  retentionDays,
  /** Most runs executing at once (null = no limit); the others wait queued, in arrival order. */
  concurrency,
  /** Failed runs replayed on a schedule, then dead-lettered (null = off). */
  autoReplay: autoReplaySchema.nullable().optional(),
  /** Dead-letter alerts (null = none). */
  alerts: alertsSchema.nullable().optional(),
});
export type WorkflowInput = z.infer<typeof workflowInputSchema>;

/** `PATCH /api/workflows/:id`: any subset; `{ active }` pauses or resumes. */
export const workflowPatchSchema = z.strictObject({
  name: name.optional(),
  trigger: z.unknown().optional(),
  steps: z.unknown().optional(),
  active: z.boolean().optional(),
  retentionDays,
  concurrency,
  autoReplay: autoReplaySchema.nullable().optional(),
  alerts: alertsSchema.nullable().optional(),
});
export type WorkflowPatch = z.infer<typeof workflowPatchSchema>;
