import type { TriggerType } from '@switchyard/engine';

const LABELS: Record<TriggerType, string> = {
  webhook: 'Webhook',
  schedule: 'Schedule',
  poll: 'Polling',
  form: 'Hosted form',
  manual: 'Manual (Run now only)',
};

/** The name of a trigger type as the UI shows it; an unknown type (a newer server) shows as is. */
export function triggerTypeLabel(type: string): string {
  return Object.hasOwn(LABELS, type) ? LABELS[type as TriggerType] : type;
}
