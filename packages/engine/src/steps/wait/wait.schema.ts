import { z } from 'zod';
import { DELAY_MAX_MS, DELAY_UNIT_MS, DELAY_UNITS } from '../delay/delay.schema';
import { stepBaseShape } from '../shared/step-base.schema';

/**
 * `wait`: pauses the run until a person or another system answers.
 * - mode `callback`: until an HTTP POST reaches the step's one-time resume URL; its JSON body is the output;
 * - mode `approval`: until someone presses Approve or Reject on the step's one-time approval page.
 * After `timeout` (`timeoutAmount` `timeoutUnit`s, at most 30 days) it ends `timed_out`. Output:
 * `{ status: 'resumed' | 'approved' | 'rejected' | 'timed_out', body?, by?, at }`; a rejection or
 * a timeout fails the step instead when `onReject` / `onTimeout` is `fail`. Steps before it send
 * the links as `$resumeUrl` / `$approvalUrl` (see docs/steps.md).
 */
export const waitStepSchema = z
  .strictObject({
    ...stepBaseShape,
    type: z.literal('wait'),
    mode: z.enum(['callback', 'approval']).default('callback').describe('Wait for a call to the resume URL, or for an approval'),
    timeoutAmount: z.number().positive('must be more than 0').default(1).describe('How long to wait at most, in `timeoutUnit`s'),
    timeoutUnit: z.enum(DELAY_UNITS).default('days').describe('Unit of `timeoutAmount`'),
    onTimeout: z
      .enum(['continue', 'fail'])
      .default('continue')
      .describe('At the timeout: go on with status `timed_out` (the timeout path), or fail the step'),
    onReject: z
      .enum(['continue', 'fail'])
      .default('continue')
      .describe('On Reject (approval): go on with status `rejected` (the reject path), or fail the step'),
  })
  .superRefine((step, ctx) => {
    if (step.timeoutAmount * DELAY_UNIT_MS[step.timeoutUnit] > DELAY_MAX_MS)
      ctx.addIssue({ code: 'custom', path: ['timeoutAmount'], message: 'must be at most 30 days' });
  });
export type WaitStep = z.infer<typeof waitStepSchema>;
