import type { DataKind } from '../data-picker/data-tree';

/** One way to use a picked field, in plain words, with the JSONata it writes. */
export interface PaletteEntry {
  label: string;
  description: string;
  /** The expression that replaces the bare path. */
  expression: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether a leaf's preview text is a date (ISO 8601), so the palette offers date formatting. */
export function looksLikeDate(params: { preview: string }): boolean {
  return ISO_DATE.test(params.preview.replace(/^"|"$/g, ''));
}

/**
 * The functions worth offering for a picked field: for a list, count, join, first, last, sum and
 * average; for a date, formatting; for a number, rounding; for text, upper/lower case and contains;
 * for anything, a default value when it is missing.
 */
export function paletteFor(params: { kind: DataKind; path: string; isDate?: boolean }): PaletteEntry[] {
  const { kind, path: p, isDate = false } = params;
  const entries: PaletteEntry[] = [];
  if (kind === 'array') {
    entries.push(
      { label: 'Number of items', description: 'How many items the list has', expression: `$count(${p})` },
      { label: 'Join with commas', description: 'The items as one text: a, b, c', expression: `$join(${p}, ', ')` },
      { label: 'First item', description: 'The first item of the list', expression: `${p}[0]` },
      { label: 'Last item', description: 'The last item of the list', expression: `${p}[-1]` },
      { label: 'Sum', description: 'The items added up (numbers)', expression: `$sum(${p})` },
      { label: 'Average', description: 'The mean of the items (numbers)', expression: `$average(${p})` },
    );
  }
  if (isDate) {
    entries.push(
      {
        label: 'Format date',
        description: 'As 01.05.2024 14:00 (UTC)',
        expression: `$formatDate(${p}, '[D01].[M01].[Y0001] [H01]:[m01]')`,
      },
      { label: 'Format date (words)', description: 'As 1 May 2024', expression: `$formatDate(${p}, '[D1] [MNn] [Y0001]')` },
    );
  } else if (kind === 'number') {
    entries.push({ label: 'Round', description: 'To 2 decimals', expression: `$round(${p}, 2)` });
  } else if (kind === 'string') {
    entries.push(
      { label: 'Upper case', description: 'ADA LOVELACE', expression: `$uppercase(${p})` },
      { label: 'Lower case', description: 'ada lovelace', expression: `$lowercase(${p})` },
      { label: 'Contains…', description: 'True when the text contains a word (edit the word)', expression: `$contains(${p}, 'word')` },
    );
  }
  if (kind !== 'object') {
    entries.push({ label: 'Default value', description: 'Use a fallback when it is missing', expression: `$exists(${p}) ? ${p} : 'none'` });
  }
  return entries;
}
