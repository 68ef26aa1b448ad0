import { checkExpressionSyntax } from '../expressions/evaluate-expression';
import { checkTemplateSyntax } from '../expressions/template';
import { childStepLists, type Step } from '../steps/step.schema';
import { expressionIssue } from './expression-issue';
import type { ValidationIssue } from './validation-issue';

/** Calls `visit` for every step, nested ones included (depth first), with its path (`steps[2].paths[0].steps[1]`). */
export function forEachStep(steps: ReadonlyArray<Step>, visit: (step: Step, path: string) => void, prefix = 'steps'): void {
  steps.forEach((step, index) => {
    const path = `${prefix}[${index}]`;
    visit(step, path);
    for (const list of childStepLists(step)) forEachStep(list.steps, visit, `${path}.${list.path}`);
  });
}

/** Step ids are unique across the whole definition: they name outputs as `steps.<id>`. */
export function checkStepIds(steps: ReadonlyArray<Step>): ValidationIssue[] {
  const seen = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  forEachStep(steps, (step, path) => {
    const first = seen.get(step.id);
    if (first !== undefined) issues.push({ path: `${path}.id`, message: `duplicates the id of ${first}` });
    else seen.set(step.id, path);
  });
  return issues;
}

/** Checks the syntax of every expression and template of every step, nested ones included. */
export function checkStepFields(steps: ReadonlyArray<Step>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  forEachStep(steps, (step, path) => issues.push(...checkFieldsOf(step, path)));
  return issues;
}

function checkFieldsOf(step: Step, path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const expression = (field: string, source: string | undefined) => {
    if (source === undefined) return;
    const error = checkExpressionSyntax(source);
    if (error) issues.push(expressionIssue(`${path}.${field}`, error));
  };
  const template = (field: string, source: string | undefined) => {
    if (source === undefined) return;
    const error = checkTemplateSyntax(source);
    if (error) issues.push(expressionIssue(`${path}.${field}`, error));
  };
  const templates = (field: string, values: Record<string, string> | undefined) => {
    for (const [name, value] of Object.entries(values ?? {})) template(`${field}.${name}`, value);
  };
  const httpUrl = (field: string, url: string | undefined) => {
    if (url !== undefined && !/^(https?:\/\/|\{\{)/i.test(url.trim())) {
      issues.push({ path: `${path}.${field}`, message: 'must start with http:// or https:// (or a {{ placeholder }})' });
    }
  };
  // Chat app actions post to a URL that is either typed in or a stored credential, never both.
  const oneTarget = (target: { url?: string; credentialId?: string }) => {
    if (target.url !== undefined && target.credentialId !== undefined) {
      issues.push({ path: `${path}.url`, message: 'set either url or credentialId, not both' });
    } else if (target.url === undefined && target.credentialId === undefined) {
      issues.push({ path: `${path}.url`, message: 'is required unless credentialId names a stored webhook URL' });
    }
    template('url', target.url);
    httpUrl('url', target.url);
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
      httpUrl('url', step.url);
      templates('query', step.query);
      templates('headers', step.headers);
      expression('body', step.body);
      templates('form', step.form);
      template('raw', step.raw);
      break;
    case 'branch':
      step.paths.forEach((p, i) => expression(`paths[${i}].condition`, p.condition));
      break;
    case 'loop':
      expression('items', step.items);
      expression('output', step.output);
      break;
    case 'delay':
      expression('until', step.until);
      break;
    case 'respond':
      templates('headers', step.headers);
      expression('body', step.body);
      break;
    case 'stop':
      template('message', step.message);
      break;
    case 'slack':
      oneTarget(step);
      template('text', step.text);
      expression('blocks', step.blocks);
      template('username', step.username);
      template('iconEmoji', step.iconEmoji);
      break;
    case 'discord':
      oneTarget(step);
      template('content', step.content);
      template('username', step.username);
      template('avatarUrl', step.avatarUrl);
      expression('embeds', step.embeds);
      break;
    case 'teams':
      oneTarget(step);
      template('title', step.title);
      template('text', step.text);
      break;
    case 'telegram':
      template('chatId', step.chatId);
      template('text', step.text);
      if (step.apiBaseUrl !== undefined && !/^https?:\/\/[^/?#\s]+/i.test(step.apiBaseUrl.trim())) {
        issues.push({ path: `${path}.apiBaseUrl`, message: 'must be an http:// or https:// URL' });
      }
      break;
    case 'webhook':
      template('url', step.url);
      httpUrl('url', step.url);
      expression('body', step.body);
      template('eventType', step.eventType);
      break;
    case 'email':
      for (const field of ['from', 'to', 'cc', 'bcc', 'replyTo', 'subject', 'text', 'html'] as const) template(field, step[field]);
      if (step.text === undefined && step.html === undefined) issues.push({ path: `${path}.text`, message: 'set text or html (or both)' });
      break;
  }
  return issues;
}
