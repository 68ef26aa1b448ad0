import { describe, expect, it } from 'vitest';
import { fieldSegment, jsonataPath } from './field-path';
import { completeJsonata, pathBeforeCursor } from './jsonata-completion';

const root = {
  trigger: {
    body: {
      user: { email: 'ada@example.com', name: 'Ada' },
      items: [
        { sku: 'a', price: 2 },
        { sku: 'b', qty: 1 },
      ],
    },
    headers: { 'x-github-event': 'push', host: 'h' },
    query: {},
    method: 'POST',
    receivedAt: '2025-01-01T00:00:00Z',
  },
  steps: { order: { id: 7 } },
};

function labels(text: string, pos = text.length, extra: { template?: boolean; explicit?: boolean } = {}) {
  const result = completeJsonata({ text, pos, root, ...extra });
  return result ? { from: result.from, labels: result.options.map((option) => option.label) } : null;
}

describe('completeJsonata', () => {
  it('offers the roots, the keys along a path and the keys of array items', () => {
    expect(labels('tr')).toEqual({ from: 0, labels: ['trigger', 'steps'] });
    expect(labels('trigger.')).toEqual({ from: 8, labels: ['body', 'headers', 'query', 'method', 'receivedAt'] });
    expect(labels('trigger.body.user.em')).toEqual({ from: 18, labels: ['email', 'name'] });
    expect(labels('$count(trigger.body.items.')).toEqual({ from: 26, labels: ['sku', 'price', 'qty'] });
    expect(labels('steps.order.')).toEqual({ from: 12, labels: ['id'] });
  });

  it('quotes keys that are not plain names and follows backtick segments', () => {
    const result = completeJsonata({ text: 'trigger.headers.', pos: 16, root });
    expect(result?.options.find((option) => option.label === 'x-github-event')?.apply).toBe('`x-github-event`');
    expect(labels('{"a": trigger.headers.`x-github-event`.')).toBeNull();
  });

  it('offers functions after $ with their signature, and assigned variables', () => {
    const result = completeJsonata({ text: '($total := 1; $su', pos: 17, root });
    expect(result?.from).toBe(14);
    const names = result?.options.map((option) => option.label) ?? [];
    expect(names).toContain('$sum');
    expect(names).toContain('$total');
    expect(result?.options.find((option) => option.label === '$sum')).toMatchObject({ apply: '$sum(', detail: '$sum(array)' });
  });

  it('stays quiet inside strings, comments and unknown paths, and on an empty word unless asked', () => {
    expect(labels('"trigger.')).toBeNull();
    expect(labels('/* trigger.')).toBeNull();
    expect(labels('trigger.nothing.')).toBeNull();
    expect(labels('a + ')).toBeNull();
    expect(labels('a + ', 4, { explicit: true })?.labels).toEqual(['trigger', 'steps']);
  });

  it('completes only inside the braces of a template', () => {
    expect(labels('https://x/trig', 14, { template: true })).toBeNull();
    expect(labels('https://x/{{ trigger.bo', 23, { template: true })).toEqual({
      from: 21,
      labels: ['body', 'headers', 'query', 'method', 'receivedAt'],
    });
  });
});

describe('pathBeforeCursor', () => {
  it('reads the segments and the partial word', () => {
    expect(pathBeforeCursor('a + trigger.body.us', 19)).toEqual({ segments: ['trigger', 'body'], partial: 'us', from: 17 });
    expect(pathBeforeCursor('items[0].', 9)).toBeNull();
  });
});

describe('field paths', () => {
  it('writes JSONata paths with backticks and indexes where needed', () => {
    expect(fieldSegment('email')).toBe('email');
    expect(fieldSegment('x-github-event')).toBe('`x-github-event`');
    expect(fieldSegment('and')).toBe('`and`');
    expect(jsonataPath(['trigger', 'body', 'items', 0, 'first name'])).toBe('trigger.body.items[0].`first name`');
  });
});
