import { z } from 'zod';
import { timestampSchema } from '../common/page.schema';
import { REFUSED_VERDICTS } from '../requests/requests.schema';
import { REQUEST_VERDICTS } from '../requests/verdicts';
import { RUN_STATUSES } from '../runs/statuses';

/**
 * Verdicts the health view (and the refused-spike alert) count as refused: the refused verdicts but
 * `paused` (a workflow switched off by its owner is no alarm). The others are accepted, or `other`
 * (duplicates, filtered, handshakes, paused).
 */
export const HEALTH_REFUSED_VERDICTS = REFUSED_VERDICTS.filter((verdict) => verdict !== 'paused');

/** `GET /api/workflows/:id/health?days=`: the window, 1 to 30 days back from now (default 7). */
export const workflowHealthQuerySchema = z.strictObject({
  days: z.coerce.number().int('must be a whole number of days').min(1, 'must be at least 1').max(30, 'must be at most 30').default(7),
});

/** One hour of requests: accepted, refused, and the rest. */
export const healthHourSchema = z.strictObject({
  hour: timestampSchema,
  accepted: z.number().int(),
  refused: z.number().int(),
  other: z.number().int(),
});

/** A workflow's watch alert as it stands (see `alerts.quietHours`, `alerts.refusedSpike`). */
export const healthAlertSchema = z.strictObject({
  kind: z.enum(['quiet', 'refused_spike']),
  /** Set while the condition holds (the episode), else null. */
  activeSince: timestampSchema.nullable(),
  lastSentAt: timestampSchema.nullable(),
});

/** A workflow's recent health: requests per hour, totals by verdict and by run status, the last success. */
export const workflowHealthSchema = z.strictObject({
  from: timestampSchema,
  to: timestampSchema,
  /** Every hour of the window, oldest first (hours without requests included, with zeros). */
  hours: z.array(healthHourSchema),
  verdicts: z.partialRecord(z.enum(REQUEST_VERDICTS), z.number().int()),
  runs: z.partialRecord(z.enum(RUN_STATUSES), z.number().int()),
  lastAcceptedAt: timestampSchema.nullable(),
  lastSuccessAt: timestampSchema.nullable(),
  alerts: z.array(healthAlertSchema),
});
export type WorkflowHealth = z.infer<typeof workflowHealthSchema>;
