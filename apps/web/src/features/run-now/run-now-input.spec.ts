import { describe, expect, it } from 'vitest';
import { parseRunInput } from './run-now-input';

describe('parseRunInput', () => {
  it('reads JSON of any shape, and an empty box as {}', () => {
    expect(parseRunInput('{ "order": 42 }')).toEqual({ ok: true, value: { order: 42 } });
    expect(parseRunInput('[1, 2]')).toEqual({ ok: true, value: [1, 2] });
    expect(parseRunInput('"text"')).toEqual({ ok: true, value: 'text' });
    expect(parseRunInput('   ')).toEqual({ ok: true, value: {} });
  });

  it('says why the text is not JSON', () => {
    const parsed = parseRunInput('{ order: 42 }');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^The input is not valid JSON: /);
  });

  it('refuses more than 1 MiB', () => {
    expect(parseRunInput(`"${'x'.repeat(1024 * 1024)}"`)).toEqual({ ok: false, message: 'The input must be at most 1 MiB of JSON.' });
  });
});
