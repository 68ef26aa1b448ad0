import { ExpressionError } from './expression-error';
import { compileExpression, evaluateExpression, type EvaluateOptions } from './evaluate-expression';

/** One part of a `{{ expression }}` template: literal text, or an expression at an offset. */
export type TemplatePart = { kind: 'text'; value: string } | { kind: 'expression'; source: string; offset: number };

/**
 * Splits text with `{{ expression }}` placeholders into parts. Throws {@link ExpressionError} with
 * the position of an unclosed `{{`.
 */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  while (cursor < text.length) {
    const open = text.indexOf('{{', cursor);
    if (open === -1) break;
    const close = text.indexOf('}}', open + 2);
    if (close === -1) {
      throw new ExpressionError({
        code: 'TEMPLATE_UNCLOSED',
        kind: 'syntax',
        message: 'A {{ placeholder is not closed with }}',
        position: open,
        token: '{{',
      });
    }
    if (open > cursor) parts.push({ kind: 'text', value: text.slice(cursor, open) });
    const inner = text.slice(open + 2, close);
    const leading = inner.length - inner.trimStart().length;
    const source = inner.trim();
    if (source.length === 0) {
      throw new ExpressionError({
        code: 'TEMPLATE_EMPTY',
        kind: 'syntax',
        message: 'A {{ }} placeholder is empty',
        position: open,
        token: '{{}}',
      });
    }
    parts.push({ kind: 'expression', source, offset: open + 2 + leading });
    cursor = close + 2;
  }
  if (cursor < text.length) parts.push({ kind: 'text', value: text.slice(cursor) });
  return parts;
}

/** Returns the first syntax error of a template (position relative to the whole text), or null. */
export function checkTemplateSyntax(text: string): ExpressionError | null {
  let parts: TemplatePart[];
  try {
    parts = parseTemplate(text);
  } catch (err) {
    return err as ExpressionError;
  }
  for (const part of parts) {
    if (part.kind !== 'expression') continue;
    try {
      compileExpression(part.source);
    } catch (err) {
      const e = err as ExpressionError;
      return new ExpressionError({
        code: e.code,
        kind: e.kind,
        message: e.message,
        token: e.token,
        position: part.offset + (e.position ?? 0),
      });
    }
  }
  return null;
}

/**
 * Renders a template: strings are inserted as they are, other values as JSON, missing values as
 * nothing. An {@link ExpressionError} carries its position relative to the whole text.
 */
export async function renderTemplate(text: string, input: unknown, options: EvaluateOptions = {}): Promise<string> {
  const parts = parseTemplate(text);
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      out += part.value;
      continue;
    }
    let value: unknown;
    try {
      value = await evaluateExpression(part.source, input, options);
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      throw new ExpressionError({
        code: err.code,
        kind: err.kind,
        message: err.message,
        token: err.token,
        position: err.position === undefined ? undefined : part.offset + err.position,
        cause: err.cause,
      });
    }
    if (value === undefined || value === null) continue;
    out += typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}
