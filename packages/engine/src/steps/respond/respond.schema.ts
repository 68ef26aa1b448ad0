import { z } from 'zod';
import { expressionSchema, stepBaseShape, templateSchema } from '../shared/step-base.schema';

/**
 * `respond`: sets the HTTP answer to the request that started the run, for triggers whose
 * `response.mode` is `wait`. The step's output is `{ status, headers, body }`; the host answers the
 * waiting sender with the first respond step that finishes. The run goes on after it.
 */
export const respondStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('respond'),
  status: z
    .number()
    .int('must be a whole number')
    .min(100, 'must be at least 100')
    .max(599, 'must be at most 599')
    .default(200)
    .describe('HTTP status code'),
  headers: z
    .record(z.string().min(1).max(256), templateSchema)
    .default({})
    .describe('Response headers; values may contain {{ expression }} placeholders'),
  body: expressionSchema.optional().describe('JSONata expression whose result is the body (text as it is, anything else as JSON)'),
});
export type RespondStep = z.infer<typeof respondStepSchema>;
