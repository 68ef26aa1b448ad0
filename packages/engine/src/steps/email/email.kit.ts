import { OUTBOUND_RETRY_POLICY, type StepKit } from '../step-kit';
import { emailHandler } from './email.handler';
import { emailStepSchema } from './email.schema';

export const emailKit: StepKit<'email'> = {
  type: 'email',
  label: 'Email',
  description: 'Sends an e-mail through an SMTP server.',
  category: 'app',
  schema: emailStepSchema,
  handler: emailHandler,
  outbound: true,
  retry: OUTBOUND_RETRY_POLICY,
  check(step, fields) {
    for (const field of ['from', 'to', 'cc', 'bcc', 'replyTo', 'subject', 'text', 'html'] as const) fields.template(field, step[field]);
    if (step.text === undefined && step.html === undefined) fields.issue('text', 'set text or html (or both)');
  },
};
