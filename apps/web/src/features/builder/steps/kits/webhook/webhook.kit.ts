import { oneLine } from '../summary-text';
import type { WebStepKit } from '../web-step-kit';

export const webhookWebKit: WebStepKit<'webhook'> = {
  label: 'Send signed webhook',
  description: 'Older built-in step; for new steps use App action → Signed webhook.',
  icon: { name: 'shield', background: 'var(--sy-color-success-bg)', color: 'var(--sy-color-success-text)' },
  create: (id) => ({ id, type: 'webhook', url: '', credentialId: '', body: '' }),
  summary: (step) => [oneLine(step.eventType), oneLine(step.url)].filter(Boolean).join(' → '),
};
