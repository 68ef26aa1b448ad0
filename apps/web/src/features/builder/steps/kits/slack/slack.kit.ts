import { oneLine } from '../summary-text';
import type { WebStepKit } from '../web-step-kit';

export const slackWebKit: WebStepKit<'slack'> = {
  label: 'Slack',
  description: 'Older built-in step; for new steps use App action → Slack incoming webhook.',
  icon: { name: 'hash', background: '#f5ecf7', color: '#611f69' },
  create: (id) => ({ id, type: 'slack', url: '', text: '' }),
  summary: (step) => oneLine(step.text),
};
