import { z } from 'zod';
import { expressionSchema, stepBaseShape } from '../shared/step-base.schema';

/** `filter`: continues only when the JSONata condition is truthy; otherwise the run ends as `filtered`. */
export const filterStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('filter'),
  condition: expressionSchema.describe('JSONata condition; when false the run stops here as filtered'),
});
export type FilterStep = z.infer<typeof filterStepSchema>;
