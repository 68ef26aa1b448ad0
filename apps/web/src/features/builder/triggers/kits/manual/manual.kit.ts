import type { WebTriggerKit } from '../../web-trigger-kit';

export const manualWebKit: WebTriggerKit = {
  type: 'manual',
  label: 'Manual',
  description: 'Starts only when someone presses Run now, with a JSON input.',
  create: () => ({ type: 'manual' }),
};
