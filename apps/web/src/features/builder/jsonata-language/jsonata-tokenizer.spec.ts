import { describe, expect, it } from 'vitest';
import { tokenizeJsonata, type JsonataToken } from './jsonata-tokenizer';

function kinds(text: string, options?: { template?: boolean }): Array<[string, string]> {
  return tokenizeJsonata(text, options).map((token: JsonataToken) => [token.type, text.slice(token.from, token.to)]);
}

describe('tokenizeJsonata', () => {
  it('reads paths, operators, strings and numbers', () => {
    expect(kinds('trigger.body.amount >= 10.5 and "a\\"b" != \'c\'')).toEqual([
      ['field', 'trigger'],
      ['operator', '.'],
      ['field', 'body'],
      ['operator', '.'],
      ['field', 'amount'],
      ['operator', '>='],
      ['number', '10.5'],
      ['keyword', 'and'],
      ['string', '"a\\"b"'],
      ['operator', '!='],
      ['string', "'c'"],
    ]);
  });

  it('tells functions from variables and reads $ and $$', () => {
    expect(kinds('$sum (items.price) * $rate + $$.x + $')).toEqual([
      ['function', '$sum'],
      ['bracket', '('],
      ['field', 'items'],
      ['operator', '.'],
      ['field', 'price'],
      ['bracket', ')'],
      ['operator', '*'],
      ['variable', '$rate'],
      ['operator', '+'],
      ['variable', '$$'],
      ['operator', '.'],
      ['field', 'x'],
      ['operator', '+'],
      ['variable', '$'],
    ]);
  });

  it('reads backtick fields, atoms, assignment and chains', () => {
    expect(kinds('($h := headers.`x-github-event`; $h ~> $uppercase() = null or true)')).toEqual([
      ['bracket', '('],
      ['variable', '$h'],
      ['operator', ':='],
      ['field', 'headers'],
      ['operator', '.'],
      ['field', '`x-github-event`'],
      ['punctuation', ';'],
      ['variable', '$h'],
      ['operator', '~>'],
      ['function', '$uppercase'],
      ['bracket', '('],
      ['bracket', ')'],
      ['operator', '='],
      ['atom', 'null'],
      ['keyword', 'or'],
      ['atom', 'true'],
      ['bracket', ')'],
    ]);
  });

  it('tells a regex from a division by what comes before', () => {
    expect(kinds('$match(s, /ab+c/i)')).toContainEqual(['regex', '/ab+c/i']);
    expect(kinds('total / 2')).toEqual([
      ['field', 'total'],
      ['operator', '/'],
      ['number', '2'],
    ]);
    expect(kinds('(a) / b / c')).not.toContainEqual(expect.arrayContaining(['regex']));
  });

  it('reads comments, also across lines, and multi-line strings', () => {
    expect(kinds('/* note */ a /* two\nlines */ + "x\ny"')).toEqual([
      ['comment', '/* note */'],
      ['field', 'a'],
      ['comment', '/* two\nlines */'],
      ['operator', '+'],
      ['string', '"x\ny"'],
    ]);
  });

  it('marks characters JSONata does not know', () => {
    expect(kinds('a ¬')).toEqual([
      ['field', 'a'],
      ['invalid', '¬'],
    ]);
    expect(kinds('a \\')).toEqual([
      ['field', 'a'],
      ['invalid', '\\'],
    ]);
  });

  it('reads templates: text outside the braces, JSONata inside', () => {
    expect(kinds('https://x/{{ steps.order.id }}/y', { template: true })).toEqual([
      ['templateText', 'https://x/'],
      ['templateBrace', '{{'],
      ['field', 'steps'],
      ['operator', '.'],
      ['field', 'order'],
      ['operator', '.'],
      ['field', 'id'],
      ['templateBrace', '}}'],
      ['templateText', '/y'],
    ]);
  });
});
