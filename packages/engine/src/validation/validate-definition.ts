import { checkExpressionSyntax } from '../expressions/evaluate-expression';
import type { WebhookTrigger } from '../schema/trigger.schema';
import { getTriggerScheme } from '../schema/trigger-schemes';
import { upgradeDefinition } from '../schema/upgrade-definition';
import { workflowDefinitionSchema, type WorkflowDefinition } from '../schema/workflow-definition.schema';
import { assignStepIds, checkStepNesting } from './assign-step-ids';
import { checkStepFields, checkStepIds } from './check-steps';
import { expressionIssue } from './expression-issue';
import { formatPath } from './format-path';
import type { ValidationIssue } from './validation-issue';

export type ValidationResult = { ok: true; definition: WorkflowDefinition } | { ok: false; issues: ValidationIssue[] };

/**
 * Validates a workflow definition from a client or from storage: upgrades its `schemaVersion`,
 * gives steps without an id one (`<type>_<n>`), checks the shape, step ids, and the syntax of every
 * expression and template, nested steps included (paths such as `steps[2].paths[0].steps[1].condition`).
 * All problems are returned at once, each with its path.
 */
export function validateDefinition(input: unknown): ValidationResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '', message: 'must be an object with trigger and steps' }] };
  }
  let upgraded: Record<string, unknown>;
  try {
    upgraded = upgradeDefinition(input as Record<string, unknown>);
  } catch (err) {
    return { ok: false, issues: [{ path: 'schemaVersion', message: (err as Error).message }] };
  }
  const nesting = checkStepNesting(upgraded);
  if (nesting.length > 0) return { ok: false, issues: nesting };
  const withIds = assignStepIds(upgraded);
  const parsed = workflowDefinitionSchema.safeParse(withIds);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message, code: issue.code })),
    };
  }
  const issues = [...checkTrigger(parsed.data.trigger), ...checkStepIds(parsed.data.steps), ...checkStepFields(parsed.data.steps)];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition: parsed.data };
}

function checkTrigger(trigger: WebhookTrigger): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const expression = (path: string, source: string | undefined) => {
    if (source === undefined) return;
    const error = checkExpressionSyntax(source);
    if (error) issues.push(expressionIssue(path, error));
  };
  expression('trigger.condition', trigger.condition);
  expression('trigger.dedupe.key', trigger.dedupe?.key);
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
