import type { ValidationIssue } from '../../validation/validation-issue';
import type { TriggerKit } from '../trigger-kit';
import { type FormTrigger, formTriggerSchema } from './form.schema';

export const formTriggerKit: TriggerKit<FormTrigger> = {
  type: 'form',
  label: 'Form',
  description: 'Serves a form at a public URL and starts a run with each set of answers.',
  schema: formTriggerSchema,
  check: (trigger) => {
    const issues: ValidationIssue[] = [];
    const seen = new Set<string>();
    trigger.fields.forEach((field, i) => {
      if (seen.has(field.name)) issues.push({ path: `trigger.fields[${i}].name`, message: `is used by an earlier field: "${field.name}"` });
      seen.add(field.name);
      if (field.type === 'choice' && !field.options?.length) {
        issues.push({ path: `trigger.fields[${i}].options`, message: 'must list at least one option for a choice field' });
      }
      if (field.type !== 'choice' && field.options !== undefined) {
        issues.push({ path: `trigger.fields[${i}].options`, message: 'is only for choice fields' });
      }
    });
    return issues;
  },
  hasWebhookUrl: false,
};
