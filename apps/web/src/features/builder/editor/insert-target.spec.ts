import { describe, expect, it } from 'vitest';
import { textToInsert } from './insert-target';

describe('textToInsert', () => {
  it('inserts the bare path into expressions', () => {
    expect(textToInsert({ path: 'trigger.body.a', template: false, before: '{ "a": ' })).toBe('trigger.body.a');
  });

  it('wraps the path in a placeholder in templates, unless already inside one', () => {
    expect(textToInsert({ path: 'steps.x.id', template: true, before: 'https://x/' })).toBe('{{ steps.x.id }}');
    expect(textToInsert({ path: 'steps.x.id', template: true, before: 'https://x/{{ ' })).toBe('steps.x.id');
    expect(textToInsert({ path: 'steps.x.id', template: true, before: 'https://x/{{ a }}/' })).toBe('{{ steps.x.id }}');
  });
});
