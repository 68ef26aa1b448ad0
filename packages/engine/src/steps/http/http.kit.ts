import { OUTBOUND_RETRY_POLICY, type StepKit } from '../step-kit';
import { httpHandler } from './http.handler';
import { httpStepSchema } from './http.schema';

export const httpKit: StepKit<'http'> = {
  type: 'http',
  label: 'HTTP request',
  description: 'Sends an HTTP request whose URL, headers and body come from templates and expressions.',
  category: 'action',
  schema: httpStepSchema,
  handler: httpHandler,
  outbound: true,
  retry: OUTBOUND_RETRY_POLICY,
  check(step, fields) {
    fields.template('url', step.url);
    fields.httpUrl('url', step.url);
    fields.templates('query', step.query);
    fields.templates('headers', step.headers);
    fields.expression('body', step.body);
    fields.templates('form', step.form);
    fields.template('raw', step.raw);
  },
};
