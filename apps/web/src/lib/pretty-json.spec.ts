import { describe, expect, it } from 'vitest';
import { hasContent, prettyJson } from './pretty-json';

describe('prettyJson', () => {
  it('indents objects with two spaces', () => {
    expect(prettyJson({ who: 'ada', n: 4 })).toBe('{\n  "who": "ada",\n  "n": 4\n}');
  });

  it('expands strings that hold JSON and quotes other strings', () => {
    expect(prettyJson('{"ok":true}')).toBe('{\n  "ok": true\n}');
    expect(prettyJson('hello')).toBe('"hello"');
    expect(prettyJson('{not json}')).toBe('{not json}');
  });

  it('handles primitives, undefined and cycles', () => {
    expect(prettyJson(null)).toBe('null');
    expect(prettyJson(false)).toBe('false');
    expect(prettyJson(undefined)).toBe('');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(prettyJson(cyclic)).toBe('[object Object]');
  });
});

describe('hasContent', () => {
  it('treats empty containers and nullish values as empty', () => {
    expect([undefined, null, '', {}, []].map(hasContent)).toEqual([false, false, false, false, false]);
    expect([0, false, 'x', { a: 1 }, [1]].map(hasContent)).toEqual([true, true, true, true, true]);
  });
});
