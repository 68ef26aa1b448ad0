import { RE2JS } from 're2js';

/**
 * A `RegExp`-compatible class backed by RE2 (linear time), given to JSONata as its `RegexEngine` so
 * that a catastrophic pattern such as `/(a+)+$/` cannot stall the process. RE2 has no look-around
 * and no back-references: such patterns fail with a clear error instead.
 */
export class Re2RegexEngine {
  lastIndex = 0;
  readonly source: string;
  readonly flags: string;
  private readonly re: RE2JS;

  constructor(pattern: RegExp | string, flags?: string) {
    this.source = typeof pattern === 'string' ? pattern : pattern.source;
    this.flags = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
    let re2Flags = 0;
    if (this.flags.includes('i')) re2Flags |= RE2JS.CASE_INSENSITIVE;
    if (this.flags.includes('m')) re2Flags |= RE2JS.MULTILINE;
    if (this.flags.includes('s')) re2Flags |= RE2JS.DOTALL;
    try {
      this.re = RE2JS.compile(this.source, re2Flags);
    } catch (err) {
      throw {
        code: 'REGEX_UNSUPPORTED',
        message:
          `Regular expression /${this.source}/ is not supported: ${(err as Error).message}. ` +
          'Switchyard runs regular expressions in linear time, without look-around or back-references.',
      };
    }
  }

  exec(input: string): (RegExpExecArray & { index: number }) | null {
    if (this.lastIndex > input.length) {
      this.lastIndex = 0;
      return null;
    }
    const matcher = this.re.matcher(input);
    if (!matcher.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    const groups: string[] = [];
    for (let i = 0; i <= matcher.groupCount(); i++) groups.push(matcher.group(i) ?? (undefined as unknown as string));
    const result = groups as unknown as RegExpExecArray;
    result.index = matcher.start();
    result.input = input;
    this.lastIndex = matcher.end();
    return result;
  }

  test(input: string): boolean {
    return this.exec(input) !== null;
  }
}
