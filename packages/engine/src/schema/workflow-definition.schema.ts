import { z } from 'zod';
import { stepSchema } from '../steps/step.schema';
import { triggerSchema } from '../triggers/trigger-kits';

/** The current version of the stored workflow definition format. */
export const CURRENT_SCHEMA_VERSION = 1;

/** Maximum number of steps in one workflow. */
export const MAX_STEPS = 100;

/** A workflow definition as stored with each version of a workflow. */
export const workflowDefinitionSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  trigger: triggerSchema,
  steps: z.array(stepSchema).max(MAX_STEPS, `must have at most ${MAX_STEPS} steps`),
});
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
