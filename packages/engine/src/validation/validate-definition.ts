import { checkExpressionSyntax } from '../expressions/evaluate-expression';
import type { ExpressionError } from '../expressions/expression-error';
import { checkTemplateSyntax } from '../expressions/template';
import type { Step } from '../schema/step.schema';
import { upgradeDefinition } from '../schema/upgrade-definition';
import { workflowDefinitionSchema, type WorkflowDefinition } from '../schema/workflow-definition.schema';
import { formatPath } from './format-path';
import type { ValidationIssue } from './validation-issue';

export type ValidationResult = { ok: true; definition: WorkflowDefinition } | { ok: false; issues: ValidationIssue[] };

/**
 * Validates a workflow definition from a client or from storage: upgrades its `schemaVersion`,
 * gives steps without an id one (`<type>_<n>`), checks the shape, step ids, and the syntax of every
 * expression and template. All problems are returned at once, each with its path.
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
  const withIds = assignStepIds(upgraded);
  const parsed = workflowDefinitionSchema.safeParse(withIds);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message, code: issue.code })),
    };
  }
  const issues = [...checkStepIds(parsed.data.steps), ...parsed.data.steps.flatMap((step, index) => checkStepExpressions(step, index))];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition: parsed.data };
}

function assignStepIds(definition: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(definition.steps)) return definition;
  const taken = new Set<string>();
  for (const step of definition.steps) if (step && typeof step === 'object' && typeof step.id === 'string') taken.add(step.id);
  const counters: Record<string, number> = {};
  const steps = definition.steps.map((step: unknown) => {
    if (!step || typeof step !== 'object' || Array.isArray(step) || (step as { id?: unknown }).id !== undefined) return step;
    const type = typeof (step as { type?: unknown }).type === 'string' ? String((step as { type: string }).type).replace(/[^A-Za-z0-9_]/g, '') : 'step';
    let id: string;
    do {
      counters[type] = (counters[type] ?? 0) + 1;
      id = `${type || 'step'}_${counters[type]}`;
    } while (taken.has(id));
    taken.add(id);
    return { ...(step as object), id };
  });
  return { ...definition, steps };
}

function checkStepIds(steps: Step[]): ValidationIssue[] {
  const seen = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  steps.forEach((step, index) => {
    const first = seen.get(step.id);
    if (first !== undefined) issues.push({ path: `steps[${index}].id`, message: `duplicates the id of steps[${first}]` });
    else seen.set(step.id, index);
  });
  return issues;
}

function checkStepExpressions(step: Step, index: number): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const expression = (field: string, source: string | undefined) => {
    if (source === undefined) return;
    const error = checkExpressionSyntax(source);
    if (error) issues.push(expressionIssue(`steps[${index}].${field}`, error));
  };
  const template = (field: string, source: string) => {
    const error = checkTemplateSyntax(source);
    if (error) issues.push(expressionIssue(`steps[${index}].${field}`, error));
  };
  switch (step.type) {
    case 'map':
      expression('expression', step.expression);
      break;
    case 'filter':
      expression('condition', step.condition);
      break;
    case 'http':
      template('url', step.url);
      if (!/^(https?:\/\/|\{\{)/i.test(step.url.trim())) {
        issues.push({ path: `steps[${index}].url`, message: 'must start with http:// or https:// (or a {{ placeholder }})' });
      }
      for (const [name, value] of Object.entries(step.headers)) template(`headers.${name}`, value);
      expression('body', step.body);
      break;
  }
  return issues;
}

function expressionIssue(path: string, error: ExpressionError): ValidationIssue {
  const where = error.position !== undefined ? ` at position ${error.position}` : '';
  const token = error.token !== undefined ? ` (near "${error.token}")` : '';
  return { path, message: `${error.message}${where}${token}`, code: error.code, position: error.position, token: error.token };
}
