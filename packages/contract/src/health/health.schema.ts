import { z } from 'zod';

/** `GET /api/health/live`: the process is up. */
export const livenessSchema = z.strictObject({ status: z.literal('ok') });

/** `GET /api/health/ready`: 200 when PostgreSQL and the queue answer; the same shape with 503 otherwise, and while shutting down. */
export const readinessSchema = z.strictObject({
  status: z.enum(['ok', 'unavailable', 'draining']),
  database: z.enum(['up', 'down', 'unknown']),
  queue: z.strictObject({ kind: z.string(), status: z.enum(['up', 'down', 'unknown']) }),
});
export type Readiness = z.infer<typeof readinessSchema>;
