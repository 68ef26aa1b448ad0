import { describe, expect, it } from 'vitest';
import { errorRange, lintJsonata } from './jsonata-lint';

describe('lintJsonata', () => {
  it('accepts valid expressions and leaves an empty one alone', () => {
    expect(lintJsonata({ text: 'trigger.body.items[price > 10].{"id": id}' })).toEqual([]);
    expect(lintJsonata({ text: '   ' })).toEqual([]);
  });

  it('underlines the offending token, which ends at JSONata’s position', () => {
    const [diagnostic] = lintJsonata({ text: 'amount > ]' });
    expect(diagnostic).toMatchObject({ from: 9, to: 10 });
    expect(diagnostic.message.length).toBeGreaterThan(5);
    const [word] = lintJsonata({ text: '{"a": 1 "b": 2}' });
    expect('{"a": 1 "b": 2}'.slice(word.from, word.to)).toBe('"b"');
    const [number] = lintJsonata({ text: '1 +* 22' });
    expect('1 +* 22'.slice(number.from, number.to)).toBe('22');
  });

  it('marks the end for an unfinished expression, in plain words', () => {
    const [diagnostic] = lintJsonata({ text: 'a = ' });
    expect(diagnostic).toMatchObject({ from: 4, to: 4 });
    expect(diagnostic.message).not.toContain('(end)');
  });

  it('points into templates: an unclosed placeholder and an error inside one', () => {
    expect(lintJsonata({ text: 'https://x/{{ a', template: true })[0]).toMatchObject({ from: 10, to: 12, code: 'TEMPLATE_UNCLOSED' });
    const text = 'https://x/{{ a + ] }}';
    const [inner] = lintJsonata({ text, template: true });
    expect(text.slice(inner.from, inner.to)).toBe(']');
    expect(lintJsonata({ text: 'plain text', template: true })).toEqual([]);
  });
});

describe('errorRange', () => {
  it('clamps to the text and covers everything without a position', () => {
    expect(errorRange({ text: 'abc', position: 99, token: 'x' })).toEqual({ from: 2, to: 3 });
    expect(errorRange({ text: 'abc' })).toEqual({ from: 0, to: 3 });
  });
});
