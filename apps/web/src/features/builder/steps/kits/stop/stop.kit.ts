import { renderTemplate } from '@switchyard/engine';
import type { WebStepKit } from '../web-step-kit';

export const stopWebKit: WebStepKit<'stop'> = {
  label: 'End the run',
  description: 'Stop here, as succeeded or failed, with a message.',
  icon: { name: 'close', background: 'var(--sy-color-danger-bg)', color: 'var(--sy-color-danger-text)' },
  create: (id) => ({ id, type: 'stop', status: 'succeeded', message: '' }),
  summary: (step) =>
    `Ends the run as ${step.status === 'failed' ? 'failed' : 'succeeded'}${step.message ? `: ${String(step.message)}` : ''}`,
  async preview({ step, scope, options }) {
    const message = await renderTemplate(typeof step.message === 'string' ? step.message : '', scope.context, options);
    return { source: 'preview', output: { status: step.status === 'failed' ? 'failed' : 'succeeded', message }, passed: false };
  },
};
