import { evaluateExpression, isTruthy } from '@switchyard/engine';
import type { WebStepKit } from '../web-step-kit';

export const filterWebKit: WebStepKit<'filter'> = {
  label: 'Only continue if…',
  description: 'Stop the run unless a condition is true.',
  icon: { name: 'filter', background: '#fdf2fa', color: '#be185d' },
  create: (id) => ({ id, type: 'filter', condition: '' }),
  summary: (step) => String(step.condition ?? ''),
  async preview({ step, scope, options }) {
    if (typeof step.condition !== 'string' || !step.condition.trim()) return undefined;
    const passed = isTruthy(await evaluateExpression(step.condition, scope.context, options));
    return { source: 'preview', output: { passed }, passed };
  },
};
