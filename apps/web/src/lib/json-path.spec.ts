import { describe, expect, it } from 'vitest';
import { childPath } from './json-path';

describe('childPath', () => {
  it('joins plain names with dots and indices with brackets', () => {
    expect(childPath({ parent: 'steps.send', key: 'body' })).toBe('steps.send.body');
    expect(childPath({ parent: 'steps.send.body', key: 0 })).toBe('steps.send.body[0]');
    expect(childPath({ parent: '', key: 'id' })).toBe('id');
  });

  it('quotes names JSONata cannot read bare', () => {
    expect(childPath({ parent: 'trigger.headers', key: 'content-type' })).toBe('trigger.headers.`content-type`');
    expect(childPath({ parent: 'a', key: 'odd`name' })).toBe('a.`odd\\`name`');
  });
});
