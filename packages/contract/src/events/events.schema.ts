import { z } from 'zod';
import { requestVerdictSchema } from '../requests/requests.schema';
import { runStatusSchema } from '../runs/runs.schema';
import { timestampSchema } from '../common/page.schema';

/** `event: request` on `GET /api/workflows/:id/events`: a request arrived at the trigger URL. */
export const requestEventSchema = z.looseObject({
  type: z.literal('request'),
  id: z.string(),
  workflowId: z.string(),
  verdict: requestVerdictSchema,
  statusCode: z.number().int().nullable(),
  receivedAt: timestampSchema,
  runId: z.string().nullable(),
});
export type RequestEvent = z.infer<typeof requestEventSchema>;

/** `event: run` on `GET /api/workflows/:id/events`: a run of the workflow changed status. */
export const runEventSchema = z.looseObject({
  type: z.literal('run'),
  id: z.string(),
  workflowId: z.string(),
  status: runStatusSchema,
});
export type RunEvent = z.infer<typeof runEventSchema>;
