import type { Step } from '../steps/step.schema';
import { kitOf } from '../steps/step-kits';
import { walkSteps } from '../steps/step-tree';
import { fieldChecks } from './field-checks';
import type { ValidationIssue } from './validation-issue';

/** Calls `visit` for every step, nested ones included (depth first), with its path (`steps[2].paths[0].steps[1]`). */
export function forEachStep(steps: ReadonlyArray<Step>, visit: (step: Step, path: string) => void, prefix = 'steps'): void {
  for (const { entry, path } of walkSteps(steps, { path: prefix })) visit(entry, path);
}

/** Step ids are unique across the whole definition: they name outputs as `steps.<id>`. */
export function checkStepIds(steps: ReadonlyArray<Step>): ValidationIssue[] {
  const seen = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  forEachStep(steps, (step, path) => {
    const first = seen.get(step.id);
    if (first !== undefined) issues.push({ path: `${path}.id`, message: `duplicates the id of ${first}` });
    else seen.set(step.id, path);
  });
  return issues;
}

/**
 * Checks what the schema cannot of every step, nested ones included: the syntax of every expression
 * and template, URLs, fields that depend on each other (each kit's `check`).
 */
export function checkStepFields(steps: ReadonlyArray<Step>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  forEachStep(steps, (step, path) => kitOf(step).check(step, fieldChecks(path, issues)));
  return issues;
}
