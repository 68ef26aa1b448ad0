import type { StepDefinition, Workflow } from '../../../api';
import { draftStepFromDefinition } from './step-tree';

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

export function draftFromWorkflow(params: {
  workflow: Pick<Workflow, 'name' | 'trigger' | 'steps'>;
  makeKey: () => string;
}): WorkflowDraft {
  const { workflow, makeKey } = params;
  return {
    name: workflow.name,
    trigger: definitionTrigger(workflow.trigger),
    steps: (workflow.steps ?? []).map((step) => draftStepFromDefinition(step, makeKey)),
  };
}

function isBlank(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

function cleanSteps(value: unknown): StepDefinition[] {
  return Array.isArray(value) ? (value as DraftStep[]).map((entry) => cleanStep(entry.step)) : [];
}

/** A branch path (or otherwise) as sent: a blank name is left out, its draft steps become definitions. */
function cleanPath(path: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries((path ?? {}) as Record<string, unknown>)) {
    if (field === 'steps') out.steps = cleanSteps(value);
    else if (!(field === 'name' && isBlank(value)) && value !== undefined) out[field] = value;
  }
  if (!('steps' in out)) out.steps = [];
  return out;
}

/**
 * The step as the API expects it: optional fields left blank are omitted (an http step without a
 * body, a step without a name), header rows without a name are dropped, and the nested draft steps
 * of branches and loops become definitions.
 */
export function cleanStep(step: StepDefinition): StepDefinition {
  const out: StepDefinition = { id: step.id, type: step.type };
  for (const [field, value] of Object.entries(step)) {
    if (field === 'id' || field === 'type') continue;
    if (step.type === 'loop' && field === 'steps') {
      out.steps = cleanSteps(value);
      continue;
    }
    if (step.type === 'branch' && field === 'paths' && Array.isArray(value)) {
      out.paths = value.map(cleanPath);
      continue;
    }
    if (step.type === 'branch' && field === 'otherwise') {
      if (value && typeof value === 'object') out.otherwise = cleanPath(value);
      continue;
    }
    if ((field === 'output' || field === 'until') && isBlank(value)) continue;
    // A delay keeps both kinds of settings while the user switches; only the chosen one is sent.
    if (step.type === 'delay' && (step.mode === 'until' ? field === 'amount' || field === 'unit' : field === 'until')) continue;
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
