import { describe, expect, it } from 'vitest';
import { ExpressionError } from './expression-error';
import { checkTemplateSyntax, parseTemplate, renderTemplate } from './template';

function thrown(fn: () => unknown): ExpressionError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ExpressionError);
    return err as ExpressionError;
  }
  throw new Error('expected an ExpressionError, nothing was thrown');
}

async function rejected(promise: Promise<unknown>): Promise<ExpressionError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ExpressionError);
    return err as ExpressionError;
  }
  throw new Error('expected an ExpressionError, the promise resolved');
}

describe('parseTemplate', () => {
  it('splits text and placeholders, trimming expressions and keeping their offsets', () => {
    const text = 'Hello {{ name }}, you owe {{amount}}!';
    const parts = parseTemplate(text);
    expect(parts).toEqual([
      { kind: 'text', value: 'Hello ' },
      { kind: 'expression', source: 'name', offset: 9 },
      { kind: 'text', value: ', you owe ' },
      { kind: 'expression', source: 'amount', offset: 28 },
      { kind: 'text', value: '!' },
    ]);
    for (const part of parts) {
      if (part.kind === 'expression') expect(text.slice(part.offset, part.offset + part.source.length)).toBe(part.source);
    }
  });

  it('returns literal text as one part and an empty text as no parts', () => {
    expect(parseTemplate('https://example.com/a?b=c')).toEqual([{ kind: 'text', value: 'https://example.com/a?b=c' }]);
    expect(parseTemplate('')).toEqual([]);
  });

  it('handles adjacent placeholders and a single closing brace inside an expression', () => {
    expect(parseTemplate('{{a}}{{ {"k": b} }}')).toEqual([
      { kind: 'expression', source: 'a', offset: 2 },
      { kind: 'expression', source: '{"k": b}', offset: 8 },
    ]);
  });

  it('reports an unclosed {{ with its position', () => {
    const error = thrown(() => parseTemplate('ab {{ x }} cd {{ y'));
    expect(error.code).toBe('TEMPLATE_UNCLOSED');
    expect(error.kind).toBe('syntax');
    expect(error.position).toBe(14);
    expect(error.token).toBe('{{');
  });

  it('reports an empty placeholder with its position', () => {
    const error = thrown(() => parseTemplate('ab {{   }}'));
    expect(error.code).toBe('TEMPLATE_EMPTY');
    expect(error.position).toBe(3);
  });
});

describe('checkTemplateSyntax', () => {
  it('accepts valid templates', () => {
    expect(checkTemplateSyntax('https://api.example.com/{{ trigger.body.id }}?q={{ $uppercase(trigger.query.q) }}')).toBeNull();
    expect(checkTemplateSyntax('no placeholders')).toBeNull();
  });

  it('reports a JSONata syntax error with its position in the whole text and its token', () => {
    const text = 'https://x/{{ a }}/{{ b ] }}';
    const error = checkTemplateSyntax(text);
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error?.code).toBe('S0201');
    expect(error?.token).toBe(']');
    // JSONata points just past the offending token.
    expect(text.slice(0, error?.position)).toBe('https://x/{{ a }}/{{ b ]');
  });

  it('reports an unclosed placeholder', () => {
    expect(checkTemplateSyntax('{{ a }} {{ b')).toMatchObject({ code: 'TEMPLATE_UNCLOSED', position: 8 });
  });
});

describe('renderTemplate', () => {
  const input = { n: 1.5, o: { a: 1 }, s: 'str', nul: null, arr: [1, 'x'], b: true, zero: 0 };

  it('inserts strings as they are and other values as JSON', async () => {
    await expect(renderTemplate('s={{ s }} n={{ n }} o={{ o }} a={{ arr }} b={{ b }} z={{ zero }}', input)).resolves.toBe(
      's=str n=1.5 o={"a":1} a=[1,"x"] b=true z=0',
    );
  });

  it('renders missing values and null as nothing', async () => {
    await expect(renderTemplate('[{{ missing }}][{{ nul }}]', input)).resolves.toBe('[][]');
  });

  it('evaluates full expressions inside placeholders', async () => {
    await expect(renderTemplate('{{ $uppercase(s) & "-" & $string(n * 2) }}', input)).resolves.toBe('STR-3');
  });

  it('returns text without placeholders unchanged', async () => {
    await expect(renderTemplate('plain text', input)).resolves.toBe('plain text');
  });

  it('fails on an unclosed placeholder', async () => {
    const error = await rejected(renderTemplate('x {{ s', input));
    expect(error.code).toBe('TEMPLATE_UNCLOSED');
  });

  it('reports an evaluation error with its position in the whole text, also in a later placeholder', async () => {
    const text = 'https://x/{{ "a" }}/{{ 1 + "x" }}';
    const error = await rejected(renderTemplate(text, {}));
    expect(error.code).toBe('T2002');
    expect(error.kind).toBe('evaluation');
    expect(error.token).toBe('+');
    expect(text.slice(0, error.position)).toBe('https://x/{{ "a" }}/{{ 1 +');
  });
});
