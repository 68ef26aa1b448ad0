import { NO_RETRY_POLICY, type StepKit } from '../step-kit';
import { waitHandler } from './wait.handler';
import { waitStepSchema } from './wait.schema';

export const waitKit: StepKit<'wait'> = {
  type: 'wait',
  label: 'Pause for a callback or approval',
  description: 'Pauses the run until a call reaches a one-time resume URL or someone approves or rejects, or until a timeout.',
  category: 'flow',
  schema: waitStepSchema,
  handler: waitHandler,
  outbound: false,
  retry: NO_RETRY_POLICY,
  check() {
    // Every field is an enum or a number: the schema sees it all.
  },
};
