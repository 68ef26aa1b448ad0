import { evaluateExpression } from '@switchyard/engine';
import type { WebStepKit } from '../web-step-kit';

export const mapWebKit: WebStepKit<'map'> = {
  label: 'Transform data',
  description: 'Reshape the data with a JSONata expression.',
  icon: { name: 'map' },
  create: (id) => ({ id, type: 'map', expression: '' }),
  summary: (step) => String(step.expression ?? '').replace(/\s+/g, ' '),
  async preview({ step, scope, options }) {
    if (typeof step.expression !== 'string' || !step.expression.trim()) return undefined;
    const value = await evaluateExpression(step.expression, scope.context, options);
    return { source: 'preview', output: value === undefined ? null : value };
  },
};
