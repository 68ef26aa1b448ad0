import { z } from 'zod';
import { expressionSchema, stepBaseShape } from '../shared/step-base.schema';

/** `map`: evaluates a JSONata expression; its result is the step's output. */
export const mapStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('map'),
  expression: expressionSchema.describe('JSONata expression whose result becomes the output of this step'),
});
export type MapStep = z.infer<typeof mapStepSchema>;
