import type { DryRunResult } from '../dry-run/dry-run-workflow';
import type { StepResult } from '../runner/step-result';
import { diffValues, sameJson, type ValueChange } from './diff-values';

/** How one step (by journal key) differs between two runs of the same request. */
export interface StepOutcomeChange {
  stepId: string;
  /** `only-before`/`only-after`: the step ran in one run only. */
  change: 'only-before' | 'only-after' | 'status' | 'output';
  statusBefore?: string;
  statusAfter?: string;
  /** Output fields that differ (for `output`), or the error message before and after (for `status`). */
  fields: ValueChange[];
}

/** How what a step would have sent (a call, message, e-mail, answer or wait) differs. */
export interface SendChange {
  stepId: string;
  kind: string;
  change: 'only-before' | 'only-after' | 'changed';
  fields: ValueChange[];
}

export interface DryRunComparison {
  same: boolean;
  statusBefore: string;
  statusAfter: string;
  /** The draft fails where the published version did not. */
  newFailure: boolean;
  /** The draft no longer fails where the published version did. */
  fixedFailure: boolean;
  errorBefore?: string;
  errorAfter?: string;
  steps: StepOutcomeChange[];
  sends: SendChange[];
}

function byKey(steps: ReadonlyArray<StepResult>): Map<string, StepResult> {
  return new Map(steps.map((s) => [s.stepId, s]));
}

/**
 * Compares two dry runs of one request (the published version `before`, the draft `after`) step by
 * step: statuses, outputs and what each step would have sent. Timings are not compared.
 */
export function compareDryRuns(before: DryRunResult, after: DryRunResult): DryRunComparison {
  const steps: StepOutcomeChange[] = [];
  const a = byKey(before.verdict.steps);
  const b = byKey(after.verdict.steps);
  for (const [key, was] of a) {
    const now = b.get(key);
    if (!now) {
      steps.push({ stepId: key, change: 'only-before', statusBefore: was.status, fields: [] });
    } else if (was.status !== now.status) {
      steps.push({
        stepId: key,
        change: 'status',
        statusBefore: was.status,
        statusAfter: now.status,
        fields: diffValues(was.error?.message ?? was.output, now.error?.message ?? now.output, {
          path: was.status === 'failed' ? 'error' : 'output',
        }),
      });
    } else if (!sameJson(was.output, now.output) || !sameJson(was.error?.message, now.error?.message)) {
      const fields =
        was.status === 'failed'
          ? diffValues(was.error?.message, now.error?.message, { path: 'error' })
          : diffValues(was.output, now.output, { path: 'output' });
      steps.push({ stepId: key, change: 'output', statusBefore: was.status, statusAfter: now.status, fields });
    }
  }
  for (const [key, now] of b) if (!a.has(key)) steps.push({ stepId: key, change: 'only-after', statusAfter: now.status, fields: [] });

  const sends: SendChange[] = [];
  const sendKey = (s: { stepId: string; kind: string }) => `${s.stepId}\u0000${s.kind}`;
  const sa = new Map(before.wouldSend.map((s) => [sendKey(s), s]));
  const sb = new Map(after.wouldSend.map((s) => [sendKey(s), s]));
  for (const [key, was] of sa) {
    const now = sb.get(key);
    if (!now) sends.push({ stepId: was.stepId, kind: was.kind, change: 'only-before', fields: [] });
    else if (!sameJson(was.detail, now.detail))
      sends.push({ stepId: was.stepId, kind: was.kind, change: 'changed', fields: diffValues(was.detail, now.detail) });
  }
  for (const [key, now] of sb) if (!sa.has(key)) sends.push({ stepId: now.stepId, kind: now.kind, change: 'only-after', fields: [] });

  const statusBefore = before.verdict.status;
  const statusAfter = after.verdict.status;
  const errorBefore = before.verdict.error?.message;
  const errorAfter = after.verdict.error?.message;
  const comparison: DryRunComparison = {
    same: statusBefore === statusAfter && steps.length === 0 && sends.length === 0 && errorBefore === errorAfter,
    statusBefore,
    statusAfter,
    newFailure: statusAfter === 'failed' && statusBefore !== 'failed',
    fixedFailure: statusBefore === 'failed' && statusAfter !== 'failed',
    steps,
    sends,
  };
  if (errorBefore !== undefined) comparison.errorBefore = errorBefore;
  if (errorAfter !== undefined) comparison.errorAfter = errorAfter;
  return comparison;
}
