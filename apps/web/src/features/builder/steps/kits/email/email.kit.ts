import { oneLine } from '../summary-text';
import type { WebStepKit } from '../web-step-kit';

export const emailWebKit: WebStepKit<'email'> = {
  label: 'Email',
  description: 'Older built-in step; for new steps use App action → E-mail (SMTP).',
  icon: { name: 'mail', background: '#fff4e5', color: '#b54708' },
  create: (id) => ({ id, type: 'email', host: '', port: 587, security: 'starttls', from: '', to: '', subject: '', text: '' }),
  summary: (step) => (step.to ? `To ${oneLine(step.to)}: ${oneLine(step.subject)}` : oneLine(step.subject)),
};
