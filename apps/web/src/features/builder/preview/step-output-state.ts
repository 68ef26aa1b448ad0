import type { EvaluateOptions, TriggerData } from '@switchyard/engine';
import type { DraftStep } from '../state/step-draft';

/** Limits of in-browser previews: short, so a runaway expression never freezes the page. */
export const PREVIEW_LIMITS = { timeoutMs: 500, maxOutputBytes: 2 * 1024 * 1024 } as const;

/** Where the output shown for a step comes from. */
export type StepOutputSource = 'preview' | 'test' | 'none' | 'error';

/** What the preview of a branch or loop knows on the sample, beside the output. */
export interface ControlPreview {
  /** Branch: which paths would run, by index, and whether "otherwise" would. */
  matchedPaths?: number[];
  otherwiseTaken?: boolean;
  /** Loop: how many items, and the first one (what `$item` is in the previews inside). */
  itemCount?: number;
  firstItem?: unknown;
  /** Loop: results were computed for the first LOOP_PREVIEW_ITEMS items only. */
  resultsCapped?: boolean;
}

export interface StepOutputState extends ControlPreview {
  source: StepOutputSource;
  output?: unknown;
  /** For filters: whether the run would go on. */
  passed?: boolean;
  error?: string;
  /** In a branch path that would not run on the sample. */
  inactive?: boolean;
}

/** What an expression of a step sees while previewing: the document and the variables (`$item`...). */
export interface PreviewScope {
  context: { trigger: TriggerData; steps: Record<string, unknown> };
  bindings: Record<string, unknown>;
}

/** What a step kit's `preview` gets: its step, its scope, and the means to preview nested lists. */
export interface StepPreviewParams<S> {
  step: S;
  scope: PreviewScope;
  /** Evaluation options of previews: {@link PREVIEW_LIMITS}, the preview's instant, the scope's variables. */
  options: EvaluateOptions;
  now: number;
  /** Whether the states of the nested steps previewed are kept (not for the 2nd and later loop items). */
  record: boolean;
  /**
   * Previews a nested list in `scope` (its outputs are added to it); returns the output of its last
   * step. `inactive` marks its steps as not running on the sample (a path not taken).
   */
  previewList(steps: DraftStep[], scope: PreviewScope, flags: { record: boolean; inactive: boolean }): Promise<unknown>;
}

/** A copy of a scope whose step outputs can be added to without reaching the original. */
export function copyScope(scope: PreviewScope): PreviewScope {
  return { context: { trigger: scope.context.trigger, steps: { ...scope.context.steps } }, bindings: scope.bindings };
}
