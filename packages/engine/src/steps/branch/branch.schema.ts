import { z } from 'zod';
import { expressionSchema, stepBaseShape } from '../shared/step-base.schema';

/** `first-match` runs the first path whose condition holds; `every-match` runs all of them, in order. */
export const BRANCH_MODES = ['first-match', 'every-match'] as const;
export type BranchMode = (typeof BRANCH_MODES)[number];

/** Most paths one branch may have (besides `otherwise`). */
export const MAX_BRANCH_PATHS = 10;

/** Fields of a branch path besides its steps (the recursive part lives in `step.schema.ts`). */
export const branchPathShape = {
  name: z.string().max(200, 'must be at most 200 characters').optional().describe('Label of the path'),
  condition: expressionSchema.describe('JSONata condition; the path runs when it is true'),
};

/** Fields of the `otherwise` path besides its steps. */
export const otherwisePathShape = {
  name: z.string().max(200, 'must be at most 200 characters').optional().describe('Label of the path'),
};

/**
 * Fields of `branch` (Paths) besides `paths` and `otherwise`, which hold steps and are declared with
 * the step union in `step.schema.ts` (a module cycle would break, so the recursion lives there).
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
