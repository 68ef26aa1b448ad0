import { branchStepSchema } from '../step.schema';
import { NO_RETRY_POLICY, type StepKit } from '../step-kit';
import { branchHandler } from './branch.handler';
import { branchLists } from './branch.lists';

export const branchKit: StepKit<'branch'> = {
  type: 'branch',
  label: 'Paths',
  description: 'Runs the steps of the first (or every) path whose condition holds, or of the otherwise path.',
  category: 'flow',
  schema: branchStepSchema,
  handler: branchHandler,
  outbound: false,
  pure: true,
  retry: NO_RETRY_POLICY,
  check(step, fields) {
    step.paths.forEach((path, index) => fields.expression(`paths[${index}].condition`, path.condition));
  },
  lists: branchLists,
};
