import { z } from 'zod';

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** `POST /api/workflows` and `PUT /api/workflows/:id`; trigger and steps are checked by the engine. */
export const workflowInputSchema = z.strictObject({
  name,
  schemaVersion: z.number().int().optional(),
  trigger: z.unknown(),
  steps: z.unknown(),
  active: z.boolean().optional(),
});
export type WorkflowInput = z.infer<typeof workflowInputSchema>;

/** `PATCH /api/workflows/:id`: any subset; `{ active }` pauses or resumes. */
export const workflowPatchSchema = z.strictObject({
  name: name.optional(),
  trigger: z.unknown().optional(),
  steps: z.unknown().optional(),
  active: z.boolean().optional(),
});
export type WorkflowPatch = z.infer<typeof workflowPatchSchema>;
