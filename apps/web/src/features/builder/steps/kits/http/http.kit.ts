import type { WebStepKit } from '../web-step-kit';

export const httpWebKit: WebStepKit<'http'> = {
  label: 'Send an HTTP request',
  description: 'Call any URL: a chat webhook, an API, your server.',
  icon: { name: 'globe', background: 'var(--sy-color-info-bg)', color: 'var(--sy-color-info-text)' },
  create: (id) => ({ id, type: 'http', method: 'POST', url: '', headers: {}, body: '' }),
  summary: (step) => `${String(step.method ?? 'POST')} ${String(step.url ?? '')}`,
};
