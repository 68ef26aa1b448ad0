/** A field's text on one line for a card summary; empty for anything but text. */
export function oneLine(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ') : '';
}

/** `1 path`, `2 paths`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
