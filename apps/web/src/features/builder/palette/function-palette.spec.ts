import { describe, expect, it } from 'vitest';
import { looksLikeDate, paletteFor } from './function-palette';

describe('paletteFor', () => {
  it('offers list functions for a list, with the JSONata they write', () => {
    const entries = paletteFor({ kind: 'array', path: 'trigger.body.commits' });
    expect(entries.map((e) => e.label)).toEqual([
      'Number of items',
      'Join with commas',
      'First item',
      'Last item',
      'Sum',
      'Average',
      'Default value',
    ]);
    expect(entries[0].expression).toBe('$count(trigger.body.commits)');
    expect(entries[1].expression).toBe("$join(trigger.body.commits, ', ')");
    expect(entries[3].expression).toBe('trigger.body.commits[-1]');
  });

  it('offers date formatting for dates, rounding for numbers, case and contains for text', () => {
    expect(paletteFor({ kind: 'string', path: 'a', isDate: true })[0].expression).toBe("$formatDate(a, '[D01].[M01].[Y0001] [H01]:[m01]')");
    expect(paletteFor({ kind: 'number', path: 'n' }).map((e) => e.expression)).toEqual(['$round(n, 2)', "$exists(n) ? n : 'none'"]);
    expect(paletteFor({ kind: 'string', path: 's' }).map((e) => e.label)).toEqual([
      'Upper case',
      'Lower case',
      'Contains…',
      'Default value',
    ]);
    expect(paletteFor({ kind: 'object', path: 'o' })).toEqual([]);
  });
});

describe('looksLikeDate', () => {
  it('recognises ISO 8601 dates and times', () => {
    expect(looksLikeDate({ preview: '"2026-05-01T10:12:00+02:00"' })).toBe(true);
    expect(looksLikeDate({ preview: '2026-05-01' })).toBe(true);
    expect(looksLikeDate({ preview: '"ada"' })).toBe(false);
    expect(looksLikeDate({ preview: '2026' })).toBe(false);
  });
});
