import { oneLine } from '../summary-text';
import type { WebStepKit } from '../web-step-kit';

export const teamsWebKit: WebStepKit<'teams'> = {
  label: 'Microsoft Teams',
  description: 'Older built-in step; for new steps use App action → Microsoft Teams webhook.',
  icon: { name: 'users', background: '#eeeff9', color: '#464eb8' },
  create: (id) => ({ id, type: 'teams', url: '', text: '' }),
  summary: (step) => oneLine(step.text),
};
