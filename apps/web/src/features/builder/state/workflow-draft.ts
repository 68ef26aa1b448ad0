import { mapChildStepLists, type StepType } from '@switchyard/engine';
import type { StepDefinition, Workflow } from '../../../api';
import { webKitOf } from '../steps/kits/web-step-kits';
import type { DraftStep, StepDraft, StepDraftOf } from './step-draft';
import { definitionTrigger, type DraftTrigger } from './definition-trigger';
import { draftStepFromDefinition } from './step-tree';

export type { DraftStep } from './step-draft';
export { definitionTrigger } from './definition-trigger';

/** The open workflow as the builder edits it: what a save sends, plus stable step keys. */
export interface WorkflowDraft {
  name: string;
  trigger: DraftTrigger;
  steps: DraftStep[];
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

/**
 * The step as the API expects it: optional fields left blank are omitted (an http step without a
 * body, a step without a name), header rows without a name are dropped, what its kit leaves out is
 * left out (the delay settings of the mode not chosen), and the nested draft steps of branches and
 * loops become definitions.
 */
export function cleanStep(step: StepDraft): StepDefinition {
  const out: Record<string, unknown> = { id: step.id, type: step.type };
  for (const [field, value] of Object.entries(step)) {
    if (field === 'id' || field === 'type') continue;
    if ((field === 'output' || field === 'until') && isBlank(value)) continue;
    if ((field === 'name' || field === 'body') && isBlank(value)) continue;
    if (field === 'headers' && value && typeof value === 'object') {
      out.headers = Object.fromEntries(Object.entries(value as Record<string, string>).filter(([name]) => name.trim() !== ''));
      continue;
    }
    if (value === undefined) continue;
    out[field] = value;
  }
  const kit = webKitOf(step);
  const cleaned = (kit?.clean ? kit.clean(out as StepDraftOf<StepType>) : out) as StepDefinition;
  return mapChildStepLists<StepDefinition, DraftStep>(cleaned, (entries) => entries.map((entry) => cleanStep(entry.step)));
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
