import type { TestStepResponse, TestWorkflowResponse, TestWorkflowStepResult, TriggerSample } from '../../../api';
import { applyOperation, type DraftOperation } from './draft-operations';
import { type BuilderIssue, stepTarget } from './builder-issues';
import { findStep } from './step-tree';
import { draftFingerprint, type WorkflowDraft } from './workflow-draft';

/** The result of "Test this step" (or of one step in "Test workflow"), kept until the step changes. */
export interface StepTestResult extends Omit<TestStepResponse, 'status'> {
  status: TestWorkflowStepResult['status'];
  /** Fingerprint of the step when it was tested, to say when a result is out of date. */
  stepFingerprint: string;
  source: 'step' | 'workflow';
  /** Tested on a hand-made sample (typed in the builder), not on a captured request. */
  handMade?: boolean;
}

/** The request expressions are previewed and tested against. */
export interface SampleSelection {
  /** `manual`: typed or pasted in the builder ("hand-made"); never a captured request. */
  source: 'request' | 'template' | 'manual';
  requestId?: string;
  /** A hand-made sample edited from a captured request: that request's id (the request itself is unchanged). */
  basedOn?: string;
  trigger: TriggerSample;
}

export interface BuilderState {
  draft: WorkflowDraft;
  /** Fingerprint of the draft as last saved (or loaded). */
  savedFingerprint: string;
  /** The step whose form is open. */
  selectedKey: string | null;
  issues: BuilderIssue[];
  stepTests: Record<string, StepTestResult>;
  workflowTest: (TestWorkflowResponse & { at: string; handMade?: boolean }) | null;
  sample: SampleSelection | null;
}

export type BuilderAction =
  | { type: 'edit'; operation: DraftOperation }
  | { type: 'select'; key: string | null }
  /** The draft (or `savedDraft`, what was sent) is now what the server has. */
  | { type: 'saved'; savedDraft?: WorkflowDraft }
  | { type: 'setIssues'; issues: BuilderIssue[] }
  | { type: 'setSample'; sample: SampleSelection | null }
  | { type: 'stepTested'; key: string; result: StepTestResult }
  | {
      type: 'workflowTested';
      result: TestWorkflowResponse & { at: string; handMade?: boolean };
      stepResults: Record<string, StepTestResult>;
    };

export function initialBuilderState(draft: WorkflowDraft, sample: SampleSelection | null = null): BuilderState {
  return {
    sample,
    draft,
    savedFingerprint: draftFingerprint(draft),
    selectedKey: draft.steps[0]?.key ?? null,
    issues: [],
    stepTests: {},
    workflowTest: null,
  };
}

export function isDirty(state: BuilderState): boolean {
  return draftFingerprint(state.draft) !== state.savedFingerprint;
}

/** Issues an edit makes obsolete: those of the edited field, and all of a removed step. */
function clearIssues(issues: BuilderIssue[], operation: DraftOperation): BuilderIssue[] {
  switch (operation.type) {
    case 'setName':
      return issues.filter((issue) => issue.target !== 'name');
    case 'setStepField': {
      const target = stepTarget(operation.key, operation.field);
      return issues.filter(
        (issue) => issue.target !== target && !issue.target.startsWith(`${target}.`) && issue.target !== stepTarget(operation.key),
      );
    }
    case 'renameStep': {
      const target = stepTarget(operation.key, 'id');
      return issues.filter((issue) => issue.target !== target);
    }
    case 'setTrigger':
    case 'setTriggerField':
      return issues.filter((issue) => issue.target !== 'trigger');
    case 'deleteStep':
      return issues.filter(
        (issue) => !issue.target.startsWith(`${stepTarget(operation.key)}:`) && issue.target !== stepTarget(operation.key),
      );
    case 'addPath':
    case 'deletePath':
    case 'setPathField':
    case 'setOtherwise': {
      const target = stepTarget(operation.key, 'paths');
      return issues.filter((issue) => !issue.target.startsWith(target) && issue.target !== stepTarget(operation.key));
    }
    default:
      return issues;
  }
}

function selectionAfter(state: BuilderState, operation: DraftOperation, draft: WorkflowDraft): string | null {
  switch (operation.type) {
    case 'addStep':
    case 'insertStep':
      return operation.key;
    case 'duplicateStep':
      return operation.newKey;
    case 'deleteStep': {
      if (state.selectedKey !== operation.key) return findStep(draft.steps, state.selectedKey ?? '') ? state.selectedKey : null;
      // The next step in the same list, else the one before, else the enclosing branch or loop.
      const found = findStep(state.draft.steps, operation.key);
      if (!found) return null;
      const siblings = found.siblings.filter((entry) => entry.key !== operation.key);
      return siblings[Math.min(found.index, siblings.length - 1)]?.key ?? found.ref?.parentKey ?? null;
    }
    default:
      return state.selectedKey;
  }
}

export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case 'edit': {
      const draft = applyOperation(state.draft, action.operation);
      if (draft === state.draft) return state;
      return {
        ...state,
        draft,
        issues: clearIssues(state.issues, action.operation),
        selectedKey: selectionAfter(state, action.operation, draft),
      };
    }
    case 'select':
      return state.selectedKey === action.key ? state : { ...state, selectedKey: action.key };
    case 'saved':
      return { ...state, savedFingerprint: draftFingerprint(action.savedDraft ?? state.draft), issues: [] };
    case 'setIssues':
      return { ...state, issues: action.issues };
    case 'setSample':
      return { ...state, sample: action.sample };
    case 'stepTested':
      return { ...state, stepTests: { ...state.stepTests, [action.key]: action.result } };
    case 'workflowTested':
      return { ...state, workflowTest: action.result, stepTests: { ...state.stepTests, ...action.stepResults } };
  }
}
