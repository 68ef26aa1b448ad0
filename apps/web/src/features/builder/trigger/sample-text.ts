import type { TriggerSample } from '../../../api';

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: string };

/** Where `offset` falls in `text`, as "line L, column C" (both from 1). */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * Reads JSON typed or pasted by hand. Errors are sentences that say where the problem is,
 * with an example, instead of the parser's raw message.
 */
export function parseJsonText(params: { text: string; field: string; requireObject?: boolean }): ParsedJson {
  const { text, field, requireObject = false } = params;
  if (!text.trim()) return { ok: false, error: `${field} is empty: type or paste JSON, for example {"id": "ord_1"}.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const where = at ? ` at ${position(text, Number(at[1]))}` : '';
    return {
      ok: false,
      error: `${field} is not valid JSON${where}: check quotes and commas (keys need double quotes, for example {"id": "ord_1"}).`,
    };
  }
  if (requireObject && (value === null || typeof value !== 'object' || Array.isArray(value)))
    return { ok: false, error: `${field} must be a JSON object of names and values, for example {"content-type": "application/json"}.` };
  return { ok: true, value };
}

/** Header values are text (or lists of text): a number or an object is named with its header. */
export function headerProblem(headers: Record<string, unknown>): string | null {
  for (const [name, value] of Object.entries(headers)) {
    const ok = typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (!ok) return `Headers: "${name}" must be text, for example "${name}": "${String(value)}".`;
  }
  return null;
}

/** The trigger document of a hand-made sample: the typed body and headers, the method and query kept. */
export function handMadeTrigger(params: {
  body: unknown;
  headers: Record<string, string | string[]>;
  base: TriggerSample | null;
  now: Date;
}): TriggerSample {
  const { body, headers, base, now } = params;
  return { method: base?.method ?? 'POST', query: base?.query ?? {}, headers, body, receivedAt: now.toISOString() };
}
