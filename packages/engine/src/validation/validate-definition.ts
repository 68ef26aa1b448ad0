import { checkTrigger } from '../triggers/trigger-kits';
import { upgradeDefinition } from '../schema/upgrade-definition';
import { workflowDefinitionSchema, type WorkflowDefinition } from '../schema/workflow-definition.schema';
import { assignStepIds, checkStepNesting } from './assign-step-ids';
import { checkStepFields, checkStepIds } from './check-steps';
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
