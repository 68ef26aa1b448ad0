import type { ExpressionError } from '../expressions/expression-error';
import type { ValidationIssue } from './validation-issue';

/** A validation issue for an expression or template error at `path`, with its position and token. */
export function expressionIssue(path: string, error: ExpressionError): ValidationIssue {
  const where = error.position !== undefined ? ` at position ${error.position}` : '';
  const token = error.token !== undefined ? ` (near "${error.token}")` : '';
  return { path, message: `${error.message}${where}${token}`, code: error.code, position: error.position, token: error.token };
}
