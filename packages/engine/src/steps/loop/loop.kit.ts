import { loopStepSchema } from '../step.schema';
import { NO_RETRY_POLICY, type StepKit } from '../step-kit';
import { loopHandler } from './loop.handler';
import { loopLists } from './loop.lists';

export const loopKit: StepKit<'loop'> = {
  type: 'loop',
  label: 'For each',
  description: 'Runs its steps once for every item of a list, a few items at a time if asked.',
  category: 'flow',
  schema: loopStepSchema,
  handler: loopHandler,
  outbound: false,
  pure: true,
  retry: NO_RETRY_POLICY,
  check(step, fields) {
    fields.expression('items', step.items);
    fields.expression('output', step.output);
  },
  lists: loopLists,
};
