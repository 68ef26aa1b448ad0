import { z } from 'zod';
import { expressionSchema, stepBaseShape } from '../shared/step-base.schema';

/** `first-match` runs the first path whose condition holds; `every-match` runs all of them, in order. */
export const BRANCH_MODES = ['first-match', 'every-match'] as const;
export type BranchMode = (typeof BRANCH_MODES)[number];

/** Most paths one branch may have (besides `otherwise`). */
export const MAX_BRANCH_PATHS = 10;

/** Fields of a branch path besides its steps. */
export const branchPathShape = {
  name: z.string().max(200, 'must be at most 200 characters').optional().describe('Label of the path'),
  condition: expressionSchema.describe('JSONata condition; the path runs when it is true'),
};

/** Fields of the `otherwise` path besides its steps. */
export const otherwisePathShape = {
  name: z.string().max(200, 'must be at most 200 characters').optional().describe('Label of the path'),
};

/**
 * Fields of `branch` (Paths) besides `paths` and `otherwise`, which hold steps (see {@link branchSchemasOf}).
 *
 * `branch` evaluates its paths' conditions in order and runs the steps of the first path that
 * matches (`first-match`, default) or of every path that matches (`every-match`); when none does,
 * the optional `otherwise` path runs. Output: `{ matched: [path indices], otherwise: boolean }`.
 * Steps inside paths see, and are seen by later steps as, `steps.<id>` like any other step; a
 * `filter` inside a path ends that path only.
 */
export const branchStepShape = {
  ...stepBaseShape,
  type: z.literal('branch'),
  mode: z.enum(BRANCH_MODES).default('first-match').describe('Run the first matching path, or every matching path'),
};

/**
 * The schemas of `branch`, its paths and its `otherwise` path, given the schema of a list of steps.
 * The step union passes it (`steps/step.schema.ts`): a branch holds steps of every type, and taking
 * the list as a parameter keeps the recursion lazy (getters) without a module cycle.
 */
export function branchSchemasOf<L>(stepList: (description: string) => L) {
  const path = z.strictObject({
    ...branchPathShape,
    get steps(): L {
      return stepList('Steps of this path');
    },
  });
  const otherwise = z.strictObject({
    ...otherwisePathShape,
    get steps(): L {
      return stepList('Steps run when no path matched');
    },
  });
  const step = z.strictObject({
    ...branchStepShape,
    get paths() {
      return z
        .array(path)
        .min(1, 'must have at least one path')
        .max(MAX_BRANCH_PATHS, `must have at most ${MAX_BRANCH_PATHS} paths`)
        .describe('Paths, checked in order');
    },
    get otherwise() {
      return otherwise.optional().describe('Path that runs when no other path matched');
    },
  });
  return { path, otherwise, step };
}
