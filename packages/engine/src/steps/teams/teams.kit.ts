import { checkIncomingWebhookTarget } from '../shared/app-step-checks';
import { OUTBOUND_RETRY_POLICY, type StepKit } from '../step-kit';
import { teamsHandler } from './teams.handler';
import { teamsStepSchema } from './teams.schema';

export const teamsKit: StepKit<'teams'> = {
  type: 'teams',
  label: 'Microsoft Teams',
  description: 'Posts an Adaptive Card to a Teams channel through a Workflows webhook.',
  category: 'app',
  schema: teamsStepSchema,
  handler: teamsHandler,
  outbound: true,
  retry: OUTBOUND_RETRY_POLICY,
  check(step, fields) {
    checkIncomingWebhookTarget(step, fields);
    fields.template('title', step.title);
    fields.template('text', step.text);
  },
};
