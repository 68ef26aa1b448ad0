import { EXPRESSION_FIELD_KINDS } from '../../apps/app-definition.schema';
import { templatesOf } from '../../apps/app-input';
import { appNeedsConnection, findApp, findAppAction } from '../../apps/app-catalogue';
import { OUTBOUND_RETRY_POLICY, type StepKit } from '../step-kit';
import { appHandler } from './app.handler';
import { appStepSchema } from './app.schema';

export const appKit: StepKit<'app'> = {
  type: 'app',
  label: 'App action',
  description: 'Runs an action of an app of the catalogue (Slack, Google Sheets, Notion...) through a stored connection.',
  category: 'app',
  schema: appStepSchema,
  handler: appHandler,
  outbound: true,
  retry: OUTBOUND_RETRY_POLICY,
  check(step, fields) {
    const app = findApp(step.app);
    if (!app) return fields.issue('app', `there is no app ${step.app}`);
    const action = findAppAction(app, step.action);
    if (!action) return fields.issue('action', `${app.name} has no action ${step.action}`);
    if (appNeedsConnection(app) && !step.connectionId) fields.issue('connectionId', `is required: connect a ${app.name} account`);
    for (const name of Object.keys(step.input)) {
      if (!action.fields.some((f) => f.name === name)) fields.issue(`input.${name}`, `is not a field of ${app.name}: ${action.label}`);
    }
    for (const field of action.fields) {
      const value = step.input[field.name];
      if (value === undefined || value.trim() === '') {
        if (field.required) fields.issue(`input.${field.name}`, `is required (${field.label})`);
        continue;
      }
      const templates = field.kind === 'dynamic-fields' ? templatesOf(value) : undefined;
      if (templates) for (const [key, template] of Object.entries(templates)) fields.template(`input.${field.name}.${key}`, template);
      else if (EXPRESSION_FIELD_KINDS.includes(field.kind) || field.kind === 'dynamic-fields')
        fields.expression(`input.${field.name}`, value);
      else fields.template(`input.${field.name}`, value);
    }
  },
};
