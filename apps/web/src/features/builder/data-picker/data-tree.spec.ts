import { describe, expect, it } from 'vitest';
import { buildDataTree, previewValue } from './data-tree';

describe('buildDataTree', () => {
  it('gives every field its JSONata path', () => {
    const tree = buildDataTree({
      value: { user: { email: 'a@b.c' }, 'x-id': 3, items: [{ sku: 'a' }, { sku: 'b' }] },
      segments: ['trigger', 'body'],
      label: 'body',
    });
    expect(tree.path).toBe('trigger.body');
    expect(tree.children.map((node) => [node.label, node.path, node.kind])).toEqual([
      ['user', 'trigger.body.user', 'object'],
      ['x-id', 'trigger.body.`x-id`', 'number'],
      ['items', 'trigger.body.items', 'array'],
    ]);
    expect(tree.children[0].children[0]).toMatchObject({ path: 'trigger.body.user.email', preview: 'a@b.c' });
    expect(tree.children[2].children[1].children[0].path).toBe('trigger.body.items[1].sku');
  });

  it('limits long arrays and says how many items are left out', () => {
    const tree = buildDataTree({ value: Array.from({ length: 30 }, (_, i) => i), segments: ['steps', 'list'], label: 'list', maxItems: 5 });
    expect(tree.children).toHaveLength(5);
    expect(tree.hiddenChildren).toBe(25);
  });
});

describe('previewValue', () => {
  it('summarises containers and shortens long text', () => {
    expect(previewValue([1, 2])).toBe('2 items');
    expect(previewValue({ a: 1 })).toBe('1 field');
    expect(previewValue('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(previewValue(null)).toBe('null');
    expect(previewValue(undefined)).toBe('no value');
  });
});
