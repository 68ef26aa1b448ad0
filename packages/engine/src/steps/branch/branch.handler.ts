import type { BranchStep } from '../step.schema';
import { NestedStepError } from '../../runner/step-error';
import type { StepHandler } from '../../runner/step-handler';
import { evaluateField } from '../shared/evaluate-field';
import { isTruthy } from '../filter/filter.handler';
import { branchLists } from './branch.lists';

/**
 * `branch`: evaluates the paths' conditions in order, then runs the chosen paths' steps in order,
 * sharing the run's context (their outputs are visible to later paths and steps). A filter ends its
 * path only; a failure, a stop or a delay inside a path ends the branch the same way.
 * Output: `{ matched: [indices of the paths that ran], otherwise: boolean }`.
 */
export const branchHandler: StepHandler<BranchStep> = async ({ step, key, context, evaluate, runSteps }) => {
  const matched: number[] = [];
  for (let index = 0; index < step.paths.length; index++) {
    const value = await evaluateField({ field: `paths[${index}].condition`, source: step.paths[index].condition, context, evaluate });
    if (isTruthy(value)) {
      matched.push(index);
      if (step.mode === 'first-match') break;
    }
  }
  const otherwise = matched.length === 0 && step.otherwise !== undefined;
  const chosen: Array<{ id: number | 'otherwise'; steps: BranchStep['paths'][number]['steps'] }> = matched.map((index) => ({
    id: index,
    steps: step.paths[index].steps,
  }));
  if (otherwise && step.otherwise) chosen.push({ id: 'otherwise', steps: step.otherwise.steps });
  const output = { matched, otherwise };
  for (const { id, steps } of chosen) {
    const prefix = branchLists.journalPrefix({ key, id });
    const outcome = await runSteps({ steps, prefix, parentStepId: key, context, bindings: evaluate.bindings });
    switch (outcome.kind) {
      case 'completed':
      case 'filtered':
        break;
      case 'failed':
        throw new NestedStepError(outcome.error);
      case 'stopped':
        return { output, halt: { reason: 'stopped', status: outcome.status, message: outcome.message, stepId: outcome.stepId } };
      case 'waiting':
        return { output, halt: { reason: 'waiting', resumeAt: outcome.resumeAt } };
    }
  }
  return { output };
};
