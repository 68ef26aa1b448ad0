/**
 * The name a person gave a step (its `name`), looked up by the journal key an error or a step run
 * carries: `slack_1`, `route.0.notify` (a branch path's step), `each[3].post` (a loop item's step).
 * The step id is the key's last segment; the search goes through every nested list.
 */
export function stepNameOf(steps: unknown, key: string): string | null {
  const id =
    key
      .split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '') ?? key;
  const found = findStep(steps, id);
  const name = found?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

function findStep(list: unknown, id: string): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const step of list) {
    if (typeof step !== 'object' || step === null) continue;
    const record = step as Record<string, unknown>;
    if (record.id === id) return record;
    for (const value of Object.values(record)) {
      if (!Array.isArray(value)) continue;
      const nested = findStep(value, id) ?? value.map((v) => findStep((v as { steps?: unknown } | null)?.steps, id)).find(Boolean);
      if (nested) return nested;
    }
  }
  return undefined;
}
