import { z } from 'zod';
import { DELAY_MAX_MS, DELAY_UNIT_MS, DELAY_UNITS } from '../delay/delay.schema';
import { expressionSchema, stepBaseShape } from '../shared/step-base.schema';

/** How deep workflows may call workflows: a run of depth 0 (started by its trigger) calls depth 1... */
export const SUBWORKFLOW_MAX_DEPTH = 5;

/**
 * `subworkflow` (Run workflow): starts another workflow of the workspace (its published version)
 * with `input` (a JSONata expression; default the trigger body) as its trigger body. Mode `wait`
 * waits for the child run, at most `timeoutAmount` `timeoutUnit`s, and its answer (first `respond`
 * body, else its last step's output) is the output `{ runId, status, output }`; a failed child
 * fails the step with its error. Mode `fire` goes on at once with `{ runId, status: 'started' }`.
 */
export const subworkflowStepSchema = z
  .strictObject({
    ...stepBaseShape,
    type: z.literal('subworkflow'),
    workflowId: z.uuid('must be the id of a workflow').describe('The workflow to run (of the same workspace)'),
    input: expressionSchema.optional().describe('JSONata expression: the child run’s trigger body (default: `trigger.body`)'),
    mode: z.enum(['wait', 'fire']).default('wait').describe('Wait for the child’s result, or start it and go on'),
    timeoutAmount: z
      .number()
      .positive('must be more than 0')
      .default(1)
      .describe('How long to wait at most, in `timeoutUnit`s (mode "wait")'),
    timeoutUnit: z.enum(DELAY_UNITS).default('hours').describe('Unit of `timeoutAmount`'),
  })
  .superRefine((step, ctx) => {
    if (step.timeoutAmount * DELAY_UNIT_MS[step.timeoutUnit] > DELAY_MAX_MS)
      ctx.addIssue({ code: 'custom', path: ['timeoutAmount'], message: 'must be at most 30 days' });
  });
export type SubworkflowStep = z.infer<typeof subworkflowStepSchema>;
