import { checkExpressionSyntax, checkTemplateSyntax } from '@switchyard/engine';

export interface JsonataDiagnostic {
  from: number;
  to: number;
  message: string;
  code?: string;
}

/** A readable version of JSONata's wording: `(end)` is JSONata's name for the end of the text. */
export function readableMessage(message: string): string {
  return message.replace(/"\(end\)"|\(end\)/g, 'the end of the expression');
}

/**
 * Where to underline an error. JSONata's `position` is the offset just after the offending token, so
 * the underline covers `token.length` characters ending there; template errors of our own
 * (`TEMPLATE_*`) point at the start of `{{` instead. Clamped to the text.
 */
export function errorRange(params: { text: string; position?: number; token?: string; code?: string }): { from: number; to: number } {
  const { text, position, token, code } = params;
  const length = text.length;
  if (position === undefined) return { from: 0, to: length };
  if (code?.startsWith('TEMPLATE_')) {
    const from = Math.min(Math.max(0, position), length);
    return { from, to: Math.min(length, from + (token?.length ?? 2)) };
  }
  const to = Math.min(Math.max(0, position), length);
  if (token === '(end)') return { from: to, to };
  if (token === undefined) {
    // Numbers and unterminated strings come without a token: cover the word that ends there.
    let from = to;
    while (from > 0 && !/\s/.test(text[from - 1])) from -= 1;
    return { from: from === to ? Math.max(0, to - 1) : from, to };
  }
  // JSONata names a string token by its content: `"b"` is reported as `b`, ending after the quote.
  const quoted = to - token.length - 2;
  if (quoted >= 0 && /["']/.test(text[to - 1] ?? '') && text.slice(quoted + 1, to - 1) === token) return { from: quoted, to };
  return { from: Math.max(0, to - Math.max(1, token.length)), to };
}

/** The syntax error of an expression or a `{{ }}` template as an editor diagnostic, or none. */
export function lintJsonata(params: { text: string; template?: boolean }): JsonataDiagnostic[] {
  const { text, template = false } = params;
  if (!template && text.trim() === '') return [];
  const error = template ? checkTemplateSyntax(text) : checkExpressionSyntax(text);
  if (!error) return [];
  const { from, to } = errorRange({ text, position: error.position, token: error.token, code: error.code });
  return [{ from, to, message: readableMessage(error.message), code: error.code }];
}
