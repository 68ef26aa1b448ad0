import type { WebTriggerKit } from '../../web-trigger-kit';
import { ScheduleTriggerForm } from './ScheduleTriggerForm';

export const scheduleWebKit: WebTriggerKit = {
  type: 'schedule',
  label: 'Schedule',
  description: 'Runs at set times: every few minutes, every weekday at 09:00, or any cron pattern.',
  create: () => ({ type: 'schedule', cron: '0 9 * * 1-5', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' }),
  Form: ScheduleTriggerForm,
};
