import type { TriggerType } from '@switchyard/engine';

/** The trigger of a workflow as the builder edits it (its settings are validated on save). */
export type DraftTrigger = Record<string, unknown> & { type: TriggerType };

/** Settings the API adds to the trigger it returns; they are not part of the definition. */
const SERVER_TRIGGER_FIELDS = new Set(['url', 'token']);

/** The trigger part of a definition, without what the API added for display. */
export function definitionTrigger(trigger: Record<string, unknown>): DraftTrigger {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(trigger)) if (!SERVER_TRIGGER_FIELDS.has(key)) out[key] = value;
  return { ...out, type: (typeof trigger.type === 'string' ? trigger.type : 'webhook') as TriggerType };
}
