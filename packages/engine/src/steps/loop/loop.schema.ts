import { z } from 'zod';
import { expressionSchema, stepBaseShape } from '../shared/step-base.schema';

/** Most items one loop step iterates over. */
export const LOOP_MAX_ITEMS = 10_000;
/** Most items of one loop running at once. */
export const LOOP_MAX_CONCURRENCY = 10;

/** What a failing item does: `fail` fails the loop step (and the run); `collect` records it and goes on. */
export const LOOP_ITEM_ERROR_MODES = ['fail', 'collect'] as const;
export type LoopItemErrorMode = (typeof LOOP_ITEM_ERROR_MODES)[number];

/**
 * Fields of `loop` (For each) besides `steps`, which holds steps (see {@link loopStepSchemaOf}).
 *
 * `loop` evaluates `items` (an array; a single value counts as one item, nothing as none) and runs
 * its steps once per item, at most `concurrency` items at a time (default 1, at most 10), for at
 * most 10,000 items. Inside, expressions see `$item` and `$index` and the outputs of earlier steps.
 * Output: `{ results, failures }`: `results` has one entry per item, in item order (the `output`
 * expression's value, or else the output of the item's last step; `null` for an item ended by a
 * filter or that failed); `failures` lists `{ index, stepId, error }` of failed items when
 * `onItemError` is `collect`.
 */
export const loopStepShape = {
  ...stepBaseShape,
  type: z.literal('loop'),
  items: expressionSchema.describe('JSONata expression giving the array to iterate over'),
  concurrency: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(LOOP_MAX_CONCURRENCY, `must be at most ${LOOP_MAX_CONCURRENCY}`)
    .default(1)
    .describe('How many items run at once'),
  onItemError: z
    .enum(LOOP_ITEM_ERROR_MODES)
    .default('fail')
    .describe('When an item fails: fail the loop, or collect the failure and go on'),
  output: expressionSchema
    .optional()
    .describe(
      "JSONata expression evaluated after each item ($item, $index and the item's step outputs); default: the output of the item's last step",
    ),
};

/** The schema of `loop`, given the schema of a list of steps (see `branchSchemasOf` for why it is a parameter). */
export function loopStepSchemaOf<L>(stepList: (description: string) => L) {
  return z.strictObject({
    ...loopStepShape,
    get steps(): L {
      return stepList('Steps run for each item');
    },
  });
}
