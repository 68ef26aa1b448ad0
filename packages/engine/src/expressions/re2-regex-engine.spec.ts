import { describe, expect, it } from 'vitest';
import { Re2RegexEngine } from './re2-regex-engine';

type Engine = { lastIndex: number; exec(input: string): RegExpExecArray | null };

/** Every match of a global scan, the way JSONata drives the engine: exec, then continue at lastIndex. */
function scan(re: Engine, input: string): Array<{ groups: Array<string | undefined>; index: number; lastIndex: number }> {
  const out = [];
  re.lastIndex = 0;
  for (let guard = 0; guard < 50; guard++) {
    const m = re.exec(input);
    if (m === null) break;
    out.push({ groups: Array.from(m), index: m.index, lastIndex: re.lastIndex });
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

describe('Re2RegexEngine', () => {
  // JSONata compiles regex literals with the `g` flag and reads lastIndex between calls.
  const cases: Array<[string, string, string]> = [
    ['a(b)?', 'g', 'ab a ab'],
    ['^a', 'g', 'aaa'],
    ['^a', 'gm', 'a\na'],
    ['b', 'g', 'a\u{1F600}b'],
    ['x*', 'g', 'axxb'],
    ['(\\d+)-(\\d+)', 'g', 'tel 12-34 and 5-6'],
    ['HELLO', 'gi', 'hello Hello'],
    ['a.c', 'g', 'a\nc abc'],
    ['$', 'g', 'ab'],
    ['\\bfoo\\b', 'g', 'foo food foo'],
    ['[a-c]+', 'g', ''],
  ];

  it.each(cases)('matches like RegExp for /%s/%s on %j (groups, index, lastIndex)', (source, flags, input) => {
    expect(scan(new Re2RegexEngine(source, flags), input)).toEqual(scan(new RegExp(source, flags), input));
  });

  it('resets lastIndex to 0 when there is no further match', () => {
    const re = new Re2RegexEngine('a', 'g');
    expect(re.exec('a')?.index).toBe(0);
    expect(re.lastIndex).toBe(1);
    expect(re.exec('a')).toBeNull();
    expect(re.lastIndex).toBe(0);
  });

  it('returns null and resets when lastIndex is past the input, like RegExp', () => {
    const re = new Re2RegexEngine('a', 'g');
    re.lastIndex = 5;
    expect(re.exec('aa')).toBeNull();
    expect(re.lastIndex).toBe(0);
  });

  it('accepts a RegExp object (as JSONata passes it) and keeps its source and flags', () => {
    const re = new Re2RegexEngine(/ab+/gi);
    expect(re.source).toBe('ab+');
    expect(re.flags).toBe('gi');
    expect(re.exec('xABB')?.[0]).toBe('ABB');
    expect(re.exec('xABB')).toBeNull();
  });

  it('reports input and index on a match, undefined for a group that did not take part', () => {
    const m = new Re2RegexEngine('(a)|(b)', 'g').exec('b');
    expect(m?.index).toBe(0);
    expect(m?.input).toBe('b');
    expect(m?.[1]).toBeUndefined();
    expect(m?.[2]).toBe('b');
  });

  it('test() says whether there is a match', () => {
    expect(new Re2RegexEngine('a').test('cat')).toBe(true);
    expect(new Re2RegexEngine('z').test('cat')).toBe(false);
  });

  it('matches a catastrophic-backtracking pattern on a long input (linear time)', () => {
    const input = `${'a'.repeat(30_000)}b`;
    expect(new Re2RegexEngine('(a+)+$', 'g').exec(input)).toBeNull();
    expect(new Re2RegexEngine('(a+)+b', 'g').exec(input)?.index).toBe(0);
  });

  it.each([
    ['a(?=b)', 'look-ahead'],
    ['a(?!b)', 'negative look-ahead'],
    ['(?<=a)b', 'look-behind'],
    ['(a)\\1', 'back-reference'],
  ])('rejects /%s/ (%s) with REGEX_UNSUPPORTED and a clear message', (source) => {
    let error: unknown;
    try {
      new Re2RegexEngine(source, 'g');
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'REGEX_UNSUPPORTED' });
    expect((error as { message: string }).message).toContain(`/${source}/ is not supported`);
    expect((error as { message: string }).message).toContain('without look-around or back-references');
  });
});
