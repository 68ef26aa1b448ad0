const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);

/** A field name as JSONata reads it: bare when it can be, in backticks otherwise (`x-github-event`). */
export function fieldSegment(name: string): string {
  return IDENTIFIER.test(name) && !name.startsWith('$') && !RESERVED.has(name) ? name : `\`${name.replace(/`/g, '')}\``;
}

/** Builds a JSONata path from a root and keys: `['trigger','body','items',0]` -> `trigger.body.items[0]`. */
export function jsonataPath(segments: ReadonlyArray<string | number>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    // A leading `$item` is a variable, not a field.
    else out += out ? `.${fieldSegment(segment)}` : /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(segment) ? segment : fieldSegment(segment);
  }
  return out;
}
