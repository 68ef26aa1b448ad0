import { evaluateExpression, isTruthy } from '@switchyard/engine';
import { copyScope } from '../../../preview/step-output-state';
import { plural } from '../summary-text';
import type { WebStepKit } from '../web-step-kit';

type Path = { name?: string; steps?: unknown };

/** A path as saved: a blank name is left out, and it always has its list of steps. */
function cleanPath<P extends Path>(path: P): P {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(path)) {
    if (value === undefined || (field === 'name' && typeof value === 'string' && value.trim() === '')) continue;
    out[field] = value;
  }
  if (!Array.isArray(out.steps)) out.steps = [];
  return out as P;
}

export const branchWebKit: WebStepKit<'branch'> = {
  label: 'Paths',
  description: 'Run different steps depending on the data.',
  icon: { name: 'workflow', background: '#fef3c7', color: '#92400e' },
  create: (id) => ({
    id,
    type: 'branch',
    mode: 'first-match',
    paths: [
      { name: 'Path 1', condition: '', steps: [] },
      { name: 'Path 2', condition: '', steps: [] },
    ],
  }),
  /** "2 paths + otherwise: Orders, Refunds". */
  summary(step) {
    const paths = step.paths ?? [];
    const names = paths.map((path, index) => path.name || `Path ${index + 1}`).join(', ');
    return `${plural(paths.length, 'path')}${step.otherwise ? ' + otherwise' : ''}${names ? `: ${names}` : ''}`;
  },
  async preview({ step, scope, options, record, previewList }) {
    const paths = step.paths ?? [];
    const matched: number[] = [];
    for (const [index, path] of paths.entries()) {
      if (step.mode !== 'every-match' && matched.length > 0) break;
      if (
        typeof path.condition === 'string' &&
        path.condition.trim() &&
        isTruthy(await evaluateExpression(path.condition, scope.context, options))
      )
        matched.push(index);
    }
    const otherwise = step.otherwise;
    const otherwiseTaken = matched.length === 0 && otherwise !== undefined;
    // Steps of paths that would not run are previewed too, in a copy of the context they cannot leak from.
    for (const [index, path] of paths.entries()) {
      const taken = matched.includes(index);
      await previewList(path.steps ?? [], taken ? scope : copyScope(scope), { record, inactive: !taken });
    }
    if (otherwise)
      await previewList(otherwise.steps ?? [], otherwiseTaken ? scope : copyScope(scope), { record, inactive: !otherwiseTaken });
    return { source: 'preview', output: { matched, otherwise: otherwiseTaken }, matchedPaths: matched, otherwiseTaken };
  },
  clean(step) {
    const out = { ...step };
    if (Array.isArray(step.paths)) out.paths = step.paths.map(cleanPath);
    if (step.otherwise && typeof step.otherwise === 'object') out.otherwise = cleanPath(step.otherwise);
    return out;
  },
  listLabel(step, list) {
    if (list === 'otherwise') return step.otherwise?.name || 'Otherwise';
    const name = typeof list === 'number' ? step.paths?.[list]?.name : undefined;
    return name ? `Path ${Number(list) + 1} (${name})` : `Path ${Number(list) + 1}`;
  },
};
