import { NO_RETRY_POLICY, type StepKit } from '../step-kit';
import { subworkflowHandler } from './subworkflow.handler';
import { subworkflowStepSchema } from './subworkflow.schema';

export const subworkflowKit: StepKit<'subworkflow'> = {
  type: 'subworkflow',
  label: 'Run workflow',
  description: 'Runs another workflow of the workspace with an input, and waits for its result or goes on at once.',
  category: 'flow',
  schema: subworkflowStepSchema,
  handler: subworkflowHandler,
  outbound: false,
  retry: NO_RETRY_POLICY,
  check(step, fields) {
    fields.expression('input', step.input);
  },
};
