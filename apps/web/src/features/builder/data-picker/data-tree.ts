import { jsonataPath } from '../jsonata-language/field-path';

export type DataKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'missing';

/** One entry of the data picker: a field of the sample with the JSONata path that reads it. */
export interface DataNode {
  label: string;
  path: string;
  kind: DataKind;
  /** Short rendering of a leaf value (or the size of a container). */
  preview: string;
  children: DataNode[];
  /** Children left out to keep the tree small. */
  hiddenChildren: number;
}

function kindOf(value: unknown): DataKind {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

export function previewValue(value: unknown, max = 40): string {
  const kind = kindOf(value);
  if (kind === 'array') return `${(value as unknown[]).length} item${(value as unknown[]).length === 1 ? '' : 's'}`;
  if (kind === 'object') {
    const count = Object.keys(value as object).length;
    return `${count} field${count === 1 ? '' : 's'}`;
  }
  if (kind === 'missing') return 'no value';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The tree of a sample value: objects by key, arrays by index (first `maxItems` items),
 * each node carrying the JSONata path (`trigger.body.items[0].sku`) that a pill inserts.
 */
export function buildDataTree(params: {
  value: unknown;
  segments: ReadonlyArray<string | number>;
  label: string;
  maxItems?: number;
  maxDepth?: number;
}): DataNode {
  const { value, segments, label, maxItems = 20, maxDepth = 12 } = params;
  const kind = kindOf(value);
  const node: DataNode = { label, path: jsonataPath(segments), kind, preview: previewValue(value), children: [], hiddenChildren: 0 };
  if (maxDepth <= 0) return node;
  if (kind === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    node.children = entries
      .slice(0, maxItems * 5)
      .map(([key, inner]) => buildDataTree({ value: inner, segments: [...segments, key], label: key, maxItems, maxDepth: maxDepth - 1 }));
    node.hiddenChildren = Math.max(0, entries.length - maxItems * 5);
  } else if (kind === 'array') {
    const items = value as unknown[];
    node.children = items
      .slice(0, maxItems)
      .map((inner, index) =>
        buildDataTree({ value: inner, segments: [...segments, index], label: `[${index}]`, maxItems, maxDepth: maxDepth - 1 }),
      );
    node.hiddenChildren = Math.max(0, items.length - maxItems);
  }
  return node;
}
