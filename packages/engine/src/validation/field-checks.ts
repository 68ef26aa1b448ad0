import { checkExpressionSyntax } from '../expressions/evaluate-expression';
import { checkTemplateSyntax } from '../expressions/template';
import { expressionIssue } from './expression-issue';
import type { ValidationIssue } from './validation-issue';

/**
 * What a step kit's `check` uses to report problems the schema cannot see, each at `<step path>.<field>`:
 * expression and template syntax (with the error's position), URLs, fields that depend on each other.
 * A value that is `undefined` (an optional field left out) is not checked.
 */
export interface FieldChecks {
  /** A JSONata expression field. */
  expression(field: string, source: string | undefined): void;
  /** A text field with `{{ expression }}` placeholders. */
  template(field: string, source: string | undefined): void;
  /** A record of templates (headers, query parameters, form fields), each at `<field>.<name>`. */
  templates(field: string, values: Readonly<Record<string, string>> | undefined): void;
  /** A URL that must start with http:// or https:// (or a `{{ placeholder }}`). */
  httpUrl(field: string, url: string | undefined): void;
  /** Any other problem of a field. */
  issue(field: string, message: string): void;
}

/** Field checks that add their issues to `issues`, at fields of the step at `path` (`steps[2].paths[0].steps[1]`). */
export function fieldChecks(path: string, issues: ValidationIssue[]): FieldChecks {
  const template = (field: string, source: string | undefined) => {
    if (source === undefined) return;
    const error = checkTemplateSyntax(source);
    if (error) issues.push(expressionIssue(`${path}.${field}`, error));
  };
  return {
    expression(field, source) {
      if (source === undefined) return;
      const error = checkExpressionSyntax(source);
      if (error) issues.push(expressionIssue(`${path}.${field}`, error));
    },
    template,
    templates(field, values) {
      for (const [name, value] of Object.entries(values ?? {})) template(`${field}.${name}`, value);
    },
    httpUrl(field, url) {
      if (url !== undefined && !/^(https?:\/\/|\{\{)/i.test(url.trim())) {
        issues.push({ path: `${path}.${field}`, message: 'must start with http:// or https:// (or a {{ placeholder }})' });
      }
    },
    issue(field, message) {
      issues.push({ path: `${path}.${field}`, message });
    },
  };
}
