import { checkExpressionSyntax } from '../../expressions/evaluate-expression';
import { getTriggerScheme } from '../../schema/trigger-schemes';
import { type WebhookTrigger, webhookTriggerSchema } from '../../schema/trigger.schema';
import { expressionIssue } from '../../validation/expression-issue';
import type { ValidationIssue } from '../../validation/validation-issue';
import type { TriggerKit } from '../trigger-kit';

function checkWebhook(trigger: WebhookTrigger): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const expression = (path: string, source: string | undefined) => {
    if (source === undefined) return;
    const error = checkExpressionSyntax(source);
    if (error) issues.push(expressionIssue(path, error));
  };
  expression('trigger.condition', trigger.condition);
  expression('trigger.dedupe.key', trigger.dedupe?.key);
  expression('trigger.flowControl.key', trigger.flowControl?.key);
  if (trigger.flowControl && trigger.dedupe)
    issues.push({ path: 'trigger.flowControl', message: 'cannot be combined with dedupe: use a debounce rule to run a key once' });
  if (trigger.flowControl && trigger.response?.mode === 'wait')
    issues.push({
      path: 'trigger.flowControl',
      message: 'cannot be combined with a response that waits for the run: held events are answered at once',
    });
  if (trigger.dedupe && trigger.dedupe.key === undefined) {
    const verify = trigger.verify;
    const hasDeliveryId =
      verify !== undefined &&
      (verify.scheme === 'hmac' ? verify.deliveryIdHeader !== undefined : getTriggerScheme(verify.scheme).deliveryId !== undefined);
    if (!hasDeliveryId) {
      const why = verify
        ? `the ${getTriggerScheme(verify.scheme).label} scheme has no delivery id`
        : 'no signature scheme gives a delivery id';
      issues.push({ path: 'trigger.dedupe.key', message: `is required: ${why}` });
    }
  }
  if (trigger.verify?.scheme === 'hmac' && trigger.verify.template?.includes('{timestamp}') && !trigger.verify.timestampHeader) {
    issues.push({ path: 'trigger.verify.timestampHeader', message: 'is required when the signed text contains {timestamp}' });
  }
  return issues;
}

/** The webhook trigger: senders call `/hooks/<token>` (signatures, dedupe, condition, answers: docs/triggers.md). */
export const webhookTriggerKit: TriggerKit<WebhookTrigger> = {
  type: 'webhook',
  label: 'Webhook',
  description: 'Starts a run for each request a sender makes to the trigger URL.',
  schema: webhookTriggerSchema,
  check: checkWebhook,
  hasWebhookUrl: true,
};
