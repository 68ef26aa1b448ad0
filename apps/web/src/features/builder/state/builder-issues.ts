import type { ErrorDetail } from '../../../api';
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

const STEP_PATH = /^steps\[(\d+)\](?:\.(.+))?$/;

/**
 * Attaches API (or local) validation details to builder targets. A path such as
 * `steps[1].condition` names the step by index, so it is resolved against the draft that was sent.
 */
export function issuesFromDetails(params: { details: ErrorDetail[]; draft: WorkflowDraft }): BuilderIssue[] {
  return params.details.map((detail) => {
    const base = { path: detail.path, message: detail.message, position: detail.position, token: detail.token };
    if (detail.path === 'name') return { ...base, target: 'name' };
    if (detail.path === 'trigger' || detail.path.startsWith('trigger.')) return { ...base, target: 'trigger' };
    const match = STEP_PATH.exec(detail.path);
    const entry = match ? params.draft.steps[Number(match[1])] : undefined;
    if (!match || !entry) return { ...base, target: 'workflow' };
    return { ...base, target: stepTarget(entry.key, match[2]) };
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
  const index = draft.steps.findIndex((entry) => entry.key === key);
  const step = draft.steps[index]?.step;
  const label = step ? `Step ${index + 1} (${step.name || step.id})` : 'Step';
  return field ? `${label} · ${field}` : label;
}
