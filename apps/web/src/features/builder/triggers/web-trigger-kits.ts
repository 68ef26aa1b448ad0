import type { TriggerType } from '@switchyard/engine';
import { formWebKit } from './kits/form/form.kit';
import { manualWebKit } from './kits/manual/manual.kit';
import { pollWebKit } from './kits/poll/poll.kit';
import { scheduleWebKit } from './kits/schedule/schedule.kit';
import type { WebTriggerKit } from './web-trigger-kit';

const webhookWebKit: WebTriggerKit = {
  type: 'webhook',
  label: 'Webhook',
  description: 'Runs for each request an app sends to the trigger URL.',
  create: () => ({ type: 'webhook' }),
};

/** One web kit per trigger type, typed by the engine's union so a type without a kit fails to compile. */
export const WEB_TRIGGER_KITS: Record<TriggerType, WebTriggerKit> = {
  webhook: webhookWebKit,
  schedule: scheduleWebKit,
  poll: pollWebKit,
  form: formWebKit,
  manual: manualWebKit,
};
