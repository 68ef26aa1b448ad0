import type { StepListsOf } from '../step-lists';

/** A loop's `steps`, run once per item. */
export const loopLists: StepListsOf = {
  perItem: true,
  read: (step) => (Array.isArray(step.steps) ? [{ id: 'steps', path: 'steps', label: 'Steps', steps: step.steps }] : []),
  write: (step, id, steps) => (id === 'steps' && Array.isArray(step.steps) ? { ...step, steps } : step),
  journalPrefix: ({ key, item }) => `${key}[${item ?? 0}].`,
};
