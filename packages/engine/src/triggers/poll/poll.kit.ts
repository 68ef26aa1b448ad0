import { checkExpressionSyntax } from '../../expressions/evaluate-expression';
import { expressionIssue } from '../../validation/expression-issue';
import type { ValidationIssue } from '../../validation/validation-issue';
import type { TriggerKit } from '../trigger-kit';
import { type PollTrigger, pollTriggerSchema } from './poll.schema';

export const pollTriggerKit: TriggerKit<PollTrigger> = {
  type: 'poll',
  label: 'Polling',
  description: 'Calls a URL every few minutes and starts a run for each new item.',
  schema: pollTriggerSchema,
  check: (trigger) => {
    const issues: ValidationIssue[] = [];
    for (const field of ['items', 'key'] as const) {
      const error = checkExpressionSyntax(trigger[field]);
      if (error) issues.push(expressionIssue(`trigger.${field}`, error));
    }
    if (trigger.body !== undefined && trigger.method === 'GET') issues.push({ path: 'trigger.body', message: 'is only sent with POST' });
    return issues;
  },
  hasWebhookUrl: false,
};
