/**
 * Every example of docs/expressions.md whose result is written as JSON is evaluated here, so the
 * documentation cannot drift from the library. Rows whose example reads the trigger or calls
 * `$uuid()`, or whose result is prose, are skipped.
 */
// The engine source performs no IO; this test reads the documentation from disk.
// eslint-disable-next-line no-restricted-imports
import * as fs from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../src';

const DOC = fs.readFileSync(path.resolve(__dirname, '../../../docs/expressions.md'), 'utf8');

function examples(): Array<{ expression: string; result: unknown }> {
  const rows: Array<{ expression: string; result: unknown }> = [];
  for (const line of DOC.split('\n')) {
    const cells = line.split(' | ');
    if (cells.length < 3) continue;
    const [example, result] = cells.slice(-2).map((c) => c.replace(/\|\s*$/, '').trim());
    const code = /^`([^`]+)`$/;
    const e = code.exec(example);
    const r = code.exec(result);
    if (!e || !r || /trigger\.|\$uuid/.test(e[1])) continue;
    try {
      rows.push({ expression: e[1], result: JSON.parse(r[1]) });
    } catch {
      // A result in prose.
    }
  }
  return rows;
}

describe('docs/expressions.md examples', () => {
  const rows = examples();

  it('has examples for the library', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
  });

  it.each(rows)('$expression', async ({ expression, result }) => {
    expect(await evaluateExpression(expression, {})).toEqual(result);
  });
});
