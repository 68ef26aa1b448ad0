const MAX_CHARS = 200;
const MAX_LINES = 3;
const MESSAGE_KEYS = ['message', 'error_description', 'error', 'detail', 'title', 'description', 'reason'];

function messageOf(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (depth > 2 || typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return messageOf(value[0], depth + 1);
  for (const key of MESSAGE_KEYS) {
    const found = messageOf((value as Record<string, unknown>)[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * What a remote service said in an error answer, short enough for a headline: the `message` (or
 * `error`, `detail`...) of a JSON body, else the first non-empty lines of the text, at most 3 lines
 * and 200 characters. Undefined for an empty body or an HTML page (its first lines are markup).
 */
export function remoteWords(body: string): string | undefined {
  const text = body.trim();
  if (text === '' || /^<(!doctype|html|\?xml)/i.test(text)) return undefined;
  let words: string | undefined;
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      words = messageOf(JSON.parse(text));
    } catch {
      words = undefined;
    }
  }
  words ??= text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, MAX_LINES)
    .join(' / ');
  const oneLine = words.replace(/\s+/g, ' ');
  return oneLine.length > MAX_CHARS ? `${oneLine.slice(0, MAX_CHARS)}…` : oneLine;
}
