import { fieldErrors } from '../settings/field-errors';

/** The allow-list as typed: one entry per line (commas work too), blanks dropped. */
export function parseEgressLines(params: { text: string }): string[] {
  return params.text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The 400's per-entry messages (`egressAllow[2]`) as sentences naming the entry. */
export function egressLineErrors(params: { error: unknown; entries: string[] }): string[] {
  const { error, entries } = params;
  return entries.flatMap((entry, i) => fieldErrors({ error, path: `egressAllow[${i}]` }).map((message) => `“${entry}” ${message}`));
}
