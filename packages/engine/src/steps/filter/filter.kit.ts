import { NO_RETRY_POLICY, type StepKit } from '../step-kit';
import { isRecord } from '../step-lists';
import { filterHandler } from './filter.handler';
import { filterStepSchema } from './filter.schema';

export const filterKit: StepKit<'filter'> = {
  type: 'filter',
  label: 'Filter',
  description: 'Goes on only when a JSONata condition is true; otherwise the run ends as filtered.',
  category: 'logic',
  schema: filterStepSchema,
  handler: filterHandler,
  outbound: false,
  pure: true,
  retry: NO_RETRY_POLICY,
  check(step, fields) {
    fields.expression('condition', step.condition);
  },
  replay: {
    halt: ({ output }) => (isRecord(output) && output.passed === false ? { reason: 'filtered' } : undefined),
  },
};
