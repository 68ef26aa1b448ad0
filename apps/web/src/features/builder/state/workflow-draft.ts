import type { StepDefinition, Workflow } from '../../../api';

/** A step being edited. `key` is stable for the editing session; `step.id` is the user's id. */
export interface DraftStep {
  key: string;
  step: StepDefinition;
}

/** The open workflow as the builder edits it: what a save sends, plus stable step keys. */
export interface WorkflowDraft {
  name: string;
  trigger: Record<string, unknown> & { type: 'webhook' };
  steps: DraftStep[];
}

/** Settings the API adds to the trigger it returns; they are not part of the definition. */
const SERVER_TRIGGER_FIELDS = new Set(['url', 'token']);

/** The trigger part of a definition, without what the API added for display. */
export function definitionTrigger(trigger: Record<string, unknown>): WorkflowDraft['trigger'] {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(trigger)) if (!SERVER_TRIGGER_FIELDS.has(key)) out[key] = value;
  return { ...out, type: 'webhook' };
}

export function draftFromWorkflow(params: { workflow: Pick<Workflow, 'name' | 'trigger' | 'steps'>; makeKey: () => string }): WorkflowDraft {
  const { workflow, makeKey } = params;
  return {
    name: workflow.name,
    trigger: definitionTrigger(workflow.trigger),
    steps: (workflow.steps ?? []).map((step) => ({ key: makeKey(), step: { ...step } })),
  };
}

function isBlank(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * The step as the API expects it: optional fields left blank are omitted (an http step without a
 * body, a step without a name) and header rows without a name are dropped.
 */
export function cleanStep(step: StepDefinition): StepDefinition {
  const out: StepDefinition = { id: step.id, type: step.type };
  for (const [field, value] of Object.entries(step)) {
    if (field === 'id' || field === 'type') continue;
    if ((field === 'name' || field === 'body') && isBlank(value)) continue;
    if (field === 'headers' && value && typeof value === 'object') {
      const headers = Object.fromEntries(Object.entries(value as Record<string, string>).filter(([name]) => name.trim() !== ''));
      out.headers = headers;
      continue;
    }
    if (value === undefined) continue;
    out[field] = value;
  }
  return out;
}

/** The trigger as sent: the read-only masked hints of stored secrets stay out. */
export function cleanTrigger(trigger: WorkflowDraft['trigger']): WorkflowDraft['trigger'] {
  const verify = trigger.verify;
  if (!verify || typeof verify !== 'object' || !('secretHints' in verify)) return trigger;
  const { secretHints: _hints, ...rest } = verify as Record<string, unknown>;
  return { ...trigger, verify: rest };
}

/** The body of `PUT /api/workflows/:id` for a draft. */
export function draftToRequest(draft: WorkflowDraft): { name: string; trigger: WorkflowDraft['trigger']; steps: StepDefinition[] } {
  return { name: draft.name, trigger: cleanTrigger(draft.trigger), steps: draft.steps.map((entry) => cleanStep(entry.step)) };
}

/** A comparable fingerprint of what a save would send, to tell whether anything is unsaved. */
export function draftFingerprint(draft: WorkflowDraft): string {
  return JSON.stringify(draftToRequest(draft));
}
