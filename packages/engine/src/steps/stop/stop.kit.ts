import { NO_RETRY_POLICY, type StepKit } from '../step-kit';
import { isRecord } from '../step-lists';
import { stopHandler } from './stop.handler';
import { stopStepSchema } from './stop.schema';

export const stopKit: StepKit<'stop'> = {
  type: 'stop',
  label: 'Stop',
  description: 'Ends the run here, as succeeded or failed, with a message.',
  category: 'flow',
  schema: stopStepSchema,
  handler: stopHandler,
  outbound: false,
  pure: true,
  retry: NO_RETRY_POLICY,
  check(step, fields) {
    fields.template('message', step.message);
  },
  replay: {
    // Only a stop that succeeded is journaled as succeeded: reused, it ends the run again.
    halt: ({ key, output }) => ({
      reason: 'stopped',
      status: 'succeeded',
      message: isRecord(output) && typeof output.message === 'string' ? output.message : '',
      stepId: key,
    }),
  },
};
