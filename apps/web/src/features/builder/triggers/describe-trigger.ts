import type { WorkflowTrigger } from '@switchyard/contract';
import { describeCron } from './kits/schedule/describe-cron';

/** One sentence on what starts the workflow. */
export function describeTrigger(trigger: WorkflowTrigger): string {
  switch (trigger.type) {
    case 'webhook':
      return 'Starts a run for each request to its URL.';
    case 'schedule':
      return `${describeCron(trigger.cron)} (${trigger.timezone}).`;
    case 'poll':
      return `Every ${trigger.intervalMinutes} minute${trigger.intervalMinutes === 1 ? '' : 's'}, calls ${trigger.endpoint} and starts a run per new item.`;
    case 'form':
      return `Starts a run each time someone sends the form “${trigger.title}”.`;
    case 'manual':
      return 'Starts only when someone presses Run now.';
  }
}
