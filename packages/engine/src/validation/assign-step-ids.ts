import { childStepLists, mapChildStepLists } from '../steps/step-tree';
import type { ValidationIssue } from './validation-issue';

/** How deep branches and loops may be nested (a step inside 5 containers is the deepest). */
export const MAX_NESTING_DEPTH = 5;
/** Most steps in one workflow, nested ones included. */
export const MAX_TOTAL_STEPS = 500;

type RawStep = Record<string, unknown>;

function isObject(value: unknown): value is RawStep {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Checks, before the schema does, that branches and loops are nested at most
 * {@link MAX_NESTING_DEPTH} deep and hold at most {@link MAX_TOTAL_STEPS} steps in all, without
 * recursion (a hostile definition nested thousands deep must not overflow the stack).
 */
export function checkStepNesting(definition: Record<string, unknown>): ValidationIssue[] {
  if (!Array.isArray(definition.steps)) return [];
  const issues: ValidationIssue[] = [];
  let total = 0;
  const stack: Array<{ steps: unknown[]; path: string; depth: number }> = [{ steps: definition.steps, path: 'steps', depth: 0 }];
  while (stack.length > 0) {
    const { steps, path, depth } = stack.pop() as { steps: unknown[]; path: string; depth: number };
    total += steps.length;
    steps.forEach((step, index) => {
      if (!isObject(step)) return;
      for (const list of childStepLists<unknown>(step)) {
        const listPath = `${path}[${index}].${list.path}`;
        if (depth + 1 > MAX_NESTING_DEPTH) {
          if (list.steps.length > 0)
            issues.push({ path: listPath, message: `branches and loops may be nested at most ${MAX_NESTING_DEPTH} deep` });
          continue;
        }
        stack.push({ steps: list.steps, path: listPath, depth: depth + 1 });
      }
    });
  }
  if (total > MAX_TOTAL_STEPS)
    issues.unshift({ path: 'steps', message: `must have at most ${MAX_TOTAL_STEPS} steps in all, nested ones included (has ${total})` });
  return issues;
}

/**
 * Gives steps without an id one, `<type>_<n>`, at every level (depth first, in document order),
 * skipping ids already taken anywhere in the definition. Call after {@link checkStepNesting}.
 */
export function assignStepIds(definition: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(definition.steps)) return definition;
  const taken = new Set<string>();
  const collect = (steps: unknown[]) => {
    for (const step of steps) {
      if (!isObject(step)) continue;
      if (typeof step.id === 'string') taken.add(step.id);
      for (const list of childStepLists<unknown>(step)) collect(list.steps);
    }
  };
  collect(definition.steps);
  const counters: Record<string, number> = {};
  const assign = (steps: unknown[]): unknown[] =>
    steps.map((step) => {
      if (!isObject(step)) return step;
      let out: RawStep = step;
      if (step.id === undefined) {
        const type = typeof step.type === 'string' ? step.type.replace(/[^A-Za-z0-9_]/g, '') : 'step';
        let id: string;
        do {
          counters[type] = (counters[type] ?? 0) + 1;
          id = `${type || 'step'}_${counters[type]}`;
        } while (taken.has(id));
        taken.add(id);
        out = { ...step, id };
      }
      return mapChildStepLists<RawStep, unknown>(out, (list) => assign(list));
    });
  return { ...definition, steps: assign(definition.steps) };
}
