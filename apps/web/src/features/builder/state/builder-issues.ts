import type { ErrorDetail } from '../../../api';
import { childStepLists } from '@switchyard/engine';
import type { DraftStep } from './step-draft';
import { findStep, listLabel, type StepVisit } from './step-tree';
import type { WorkflowDraft } from './workflow-draft';

/** A problem attached to the part of the editor it concerns. */
export interface BuilderIssue {
  /** `name`, `trigger`, `workflow`, `step:<key>` or `step:<key>:<field>` (e.g. `step:s3:headers.X-Sig`). */
  target: string;
  path: string;
  message: string;
  position?: number;
  token?: string;
}

export function stepTarget(key: string, field?: string): string {
  return field ? `step:${key}:${field}` : `step:${key}`;
}

const TOP_STEP = /^steps\[(\d+)\]/;
const LIST_INDEX = /^\[(\d+)\]/;

/** The nested step a path goes on to (`.paths[0].steps[1]...`), with the rest of the path. */
function nestedStep(entry: DraftStep, rest: string): { entry: DraftStep; rest: string } | null {
  for (const list of childStepLists<DraftStep>(entry.step)) {
    const prefix = `.${list.path}`;
    if (!rest.startsWith(prefix)) continue;
    const index = LIST_INDEX.exec(rest.slice(prefix.length));
    const inner = index ? list.steps[Number(index[1])] : undefined;
    if (index && inner) return { entry: inner, rest: rest.slice(prefix.length + index[0].length) };
  }
  return null;
}

/**
 * The step a validation path names and the field left over: `steps[1].paths[0].steps[0].expression`
 * is the first step of the first path of the second step, field `expression`. Indices inside the
 * field become dotted (`paths[0].condition` -> `paths.0.condition`).
 */
export function resolveStepPath(params: { path: string; steps: DraftStep[] }): { entry: DraftStep; field?: string } | null {
  const top = TOP_STEP.exec(params.path);
  const first = top ? params.steps[Number(top[1])] : undefined;
  if (!top || !first) return null;
  let entry: DraftStep = first;
  let rest = params.path.slice(top[0].length);
  for (;;) {
    const next = nestedStep(entry, rest);
    if (!next) break;
    ({ entry, rest } = next);
  }
  const field = rest.replace(/^\./, '').replace(/\[(\d+)\]/g, '.$1');
  return { entry, field: field || undefined };
}

/**
 * Attaches API (or local) validation details to builder targets. A path such as
 * `steps[1].condition` names the step by index, so it is resolved against the draft that was sent;
 * paths into branches and loops name the nested step.
 */
export function issuesFromDetails(params: { details: ErrorDetail[]; draft: WorkflowDraft }): BuilderIssue[] {
  return params.details.map((detail) => {
    const base = { path: detail.path, message: detail.message, position: detail.position, token: detail.token };
    if (detail.path === 'name') return { ...base, target: 'name' };
    if (detail.path === 'trigger' || detail.path.startsWith('trigger.')) return { ...base, target: 'trigger' };
    const resolved = resolveStepPath({ path: detail.path, steps: params.draft.steps });
    if (!resolved) return { ...base, target: 'workflow' };
    return { ...base, target: stepTarget(resolved.entry.key, resolved.field) };
  });
}

/** The issues of one target, and of its sub-fields when `nested` (e.g. all header fields). */
export function issuesFor(params: { issues: BuilderIssue[]; target: string; nested?: boolean }): BuilderIssue[] {
  const { issues, target, nested = false } = params;
  return issues.filter((issue) => issue.target === target || (nested && issue.target.startsWith(`${target}.`)));
}

/** Human wording of a path for a summary: `steps[1].condition` -> `Step 2 (check) · condition`. */
export function describeIssue(params: { issue: BuilderIssue; draft: WorkflowDraft }): string {
  const { issue, draft } = params;
  if (issue.target === 'name') return 'Workflow name';
  if (issue.target === 'trigger') return 'Trigger';
  if (!issue.target.startsWith('step:')) return issue.path || 'Workflow';
  const [, key, field] = issue.target.split(':');
  const found = findStep(draft.steps, key);
  const step = found?.entry.step;
  const label = found && step ? `${stepNumber(found)} (${step.name || step.id})` : 'Step';
  return field ? `${label} · ${field}` : label;
}

/** "Step 2" at the top level, "route › Path 1 › Step 3" inside a branch or loop. */
export function stepNumber(visit: Pick<StepVisit, 'ancestors' | 'index'>): string {
  if (visit.ancestors.length === 0) return `Step ${visit.index + 1}`;
  return [
    ...visit.ancestors.map((ancestor) => `${ancestor.entry.step.id} › ${listLabel(ancestor.entry.step, ancestor.list)}`),
    `Step ${visit.index + 1}`,
  ].join(' › ');
}
