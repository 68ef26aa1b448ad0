import { NO_RETRY_POLICY, type StepKit } from '../step-kit';
import { mapHandler } from './map.handler';
import { mapStepSchema } from './map.schema';

export const mapKit: StepKit<'map'> = {
  type: 'map',
  label: 'Map',
  description: 'Evaluates a JSONata expression; its result is the output of the step.',
  category: 'logic',
  schema: mapStepSchema,
  handler: mapHandler,
  outbound: false,
  pure: true,
  retry: NO_RETRY_POLICY,
  check(step, fields) {
    fields.expression('expression', step.expression);
  },
};
