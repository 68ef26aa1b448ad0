import { z } from 'zod';
import { timeoutSchema } from '../http/http.schema';
import { APP_DEFAULT_TIMEOUT_MS } from '../shared/app-step.schema';
import { credentialIdSchema, stepBaseShape, templateSchema } from '../shared/step-base.schema';

/**
 * `app`: runs an action of an app of the catalogue (`packages/engine/src/apps/`) through a stored
 * connection. `input` holds the action's field values by field name: `{{ }}` templates for
 * text-like fields, JSONata for key-value, list and JSON fields. Output: the action's output
 * mapping (default: the body of its last call).
 */
export const appStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('app'),
  app: z.string().min(1, 'must not be empty').max(64).describe('Key of the app in the catalogue, e.g. google-sheets'),
  action: z.string().min(1, 'must not be empty').max(64).describe('Key of the action, e.g. add-row'),
  connectionId: credentialIdSchema.optional().describe('The stored connection of the app to call it with'),
  input: z.record(z.string(), templateSchema).default({}).describe("The action's field values by field name"),
  timeoutMs: timeoutSchema(APP_DEFAULT_TIMEOUT_MS),
});
export type AppStep = z.infer<typeof appStepSchema>;
