import { isRecord, type StepList, type StepListsOf } from '../step-lists';

/** A branch's paths (`0`, `1`...) and its `otherwise` path, each holding steps. */
export const branchLists: StepListsOf = {
  perItem: false,
  read(step) {
    const lists: Array<StepList<unknown>> = [];
    if (Array.isArray(step.paths)) {
      step.paths.forEach((path: unknown, index) => {
        if (isRecord(path) && Array.isArray(path.steps))
          lists.push({ id: index, path: `paths[${index}].steps`, label: `Path ${index + 1}`, ...nameOf(path), steps: path.steps });
      });
    }
    const otherwise = step.otherwise;
    if (isRecord(otherwise) && Array.isArray(otherwise.steps))
      lists.push({ id: 'otherwise', path: 'otherwise.steps', label: 'Otherwise', ...nameOf(otherwise), steps: otherwise.steps });
    return lists;
  },
  write(step, id, steps) {
    if (id === 'otherwise') return isRecord(step.otherwise) ? { ...step, otherwise: { ...step.otherwise, steps } } : step;
    if (typeof id !== 'number' || !Array.isArray(step.paths) || !isRecord(step.paths[id])) return step;
    return { ...step, paths: step.paths.map((path: unknown, index) => (index === id ? { ...(path as object), steps } : path)) };
  },
  journalPrefix: ({ key, id }) => `${key}.${id}.`,
  ran({ output, id }) {
    if (!isRecord(output)) return undefined;
    if (id === 'otherwise') return output.otherwise === true;
    return Array.isArray(output.matched) ? output.matched.includes(id) : undefined;
  },
};

function nameOf(path: Record<string, unknown>): { name?: string } {
  return typeof path.name === 'string' ? { name: path.name } : {};
}
