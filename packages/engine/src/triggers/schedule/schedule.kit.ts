import type { TriggerKit } from '../trigger-kit';
import { type ScheduleTrigger, scheduleTriggerSchema } from './schedule.schema';
import { scheduleProblem } from './schedule-times';

export const scheduleTriggerKit: TriggerKit<ScheduleTrigger> = {
  type: 'schedule',
  label: 'Schedule',
  description: 'Starts a run at the times of a cron pattern in a time zone.',
  schema: scheduleTriggerSchema,
  check: (trigger) => {
    const problem = scheduleProblem({ cron: trigger.cron, timezone: trigger.timezone });
    return problem ? [{ path: `trigger.${problem.field}`, message: problem.message }] : [];
  },
  hasWebhookUrl: false,
};
