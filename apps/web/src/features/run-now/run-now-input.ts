/** What the Run now dialog's JSON box holds: the parsed input, or why it cannot be sent. */
export type ParsedRunInput = { ok: true; value: unknown } | { ok: false; message: string };

/** Same limit as the api's (`MAX_RUN_NOW_INPUT_BYTES`), checked here so the user hears it before sending. */
export const RUN_NOW_INPUT_MAX_CHARS = 1024 * 1024;

/** Parses the JSON a user typed for Run now; an empty box means `{}`. */
export function parseRunInput(text: string): ParsedRunInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: {} };
  if (trimmed.length > RUN_NOW_INPUT_MAX_CHARS) return { ok: false, message: 'The input must be at most 1 MiB of JSON.' };
  try {
    return { ok: true, value: JSON.parse(trimmed) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The input is not valid JSON: ${detail}` };
  }
}
