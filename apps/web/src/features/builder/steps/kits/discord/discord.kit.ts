import { oneLine } from '../summary-text';
import type { WebStepKit } from '../web-step-kit';

export const discordWebKit: WebStepKit<'discord'> = {
  label: 'Discord',
  description: 'Older built-in step; for new steps use App action → Discord webhook.',
  icon: { name: 'chat', background: '#eef0fe', color: '#4752c4' },
  create: (id) => ({ id, type: 'discord', url: '', content: '' }),
  summary: (step) => oneLine(step.content),
};
