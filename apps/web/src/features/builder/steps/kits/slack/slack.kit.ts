import { oneLine } from '../summary-text';
import type { WebStepKit } from '../web-step-kit';

export const slackWebKit: WebStepKit<'slack'> = {
  label: 'Slack',
  description: 'Post a message to a channel through an incoming webhook.',
  icon: { name: 'hash', background: '#f5ecf7', color: '#611f69' },
  create: (id) => ({ id, type: 'slack', url: '', text: '' }),
  summary: (step) => oneLine(step.text),
};
