import { z } from 'zod';
import { webhookTriggerSchema } from '../schema/trigger.schema';
import type { ValidationIssue } from '../validation/validation-issue';
import { formTriggerKit } from './form/form.kit';
import { formTriggerSchema } from './form/form.schema';
import { manualTriggerKit, manualTriggerSchema } from './manual/manual.kit';
import { pollTriggerKit } from './poll/poll.kit';
import { pollTriggerSchema } from './poll/poll.schema';
import { scheduleTriggerKit } from './schedule/schedule.kit';
import { scheduleTriggerSchema } from './schedule/schedule.schema';
import type { TriggerKit } from './trigger-kit';
import { webhookTriggerKit } from './webhook/webhook.kit';

/** Every trigger type, by `type`. */
export const triggerSchema = z.discriminatedUnion('type', [
  webhookTriggerSchema,
  scheduleTriggerSchema,
  pollTriggerSchema,
  formTriggerSchema,
  manualTriggerSchema,
]);
export type Trigger = z.infer<typeof triggerSchema>;
export type TriggerType = Trigger['type'];
export type TriggerOf<T extends TriggerType> = Extract<Trigger, { type: T }>;

/** One kit per trigger type: adding a type is a folder and a line here. */
export const TRIGGER_KITS: { [T in TriggerType]: TriggerKit<TriggerOf<T>> } = {
  webhook: webhookTriggerKit,
  schedule: scheduleTriggerKit,
  poll: pollTriggerKit,
  form: formTriggerKit,
  manual: manualTriggerKit,
};

export const TRIGGER_TYPES = Object.keys(TRIGGER_KITS) as TriggerType[];

/** The kit's checks of a parsed trigger. */
export function checkTrigger(trigger: Trigger): ValidationIssue[] {
  const kit = TRIGGER_KITS[trigger.type] as TriggerKit<Trigger>;
  return kit.check(trigger);
}
