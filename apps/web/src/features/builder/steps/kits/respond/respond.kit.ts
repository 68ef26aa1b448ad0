import { evaluateExpression, renderTemplate } from '@switchyard/engine';
import type { WebStepKit } from '../web-step-kit';

export const respondWebKit: WebStepKit<'respond'> = {
  label: 'Answer the sender',
  description: 'Choose the HTTP answer the trigger gives back.',
  icon: { name: 'arrowLeft', background: 'var(--sy-color-success-bg)', color: 'var(--sy-color-success-text)' },
  create: (id) => ({ id, type: 'respond', status: 200, headers: {}, body: '' }),
  summary: (step) => `Answers ${typeof step.status === 'number' ? step.status : 200}${step.body ? ` with ${String(step.body)}` : ''}`,
  async preview({ step, scope, options }) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(step.headers ?? {})) {
      if (name.trim()) headers[name.toLowerCase()] = await renderTemplate(String(value), scope.context, options);
    }
    const body =
      typeof step.body === 'string' && step.body.trim() ? await evaluateExpression(step.body, scope.context, options) : undefined;
    return { source: 'preview', output: { status: typeof step.status === 'number' ? step.status : 200, headers, body: body ?? null } };
  },
};
