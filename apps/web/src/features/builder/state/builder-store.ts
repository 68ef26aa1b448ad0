import { builderReducer, initialBuilderState, type BuilderAction, type BuilderState, type SampleSelection } from './builder-reducer';
import type { WorkflowDraft } from './workflow-draft';

/** The open workflow's state: a reducer of pure operations behind a subscribable store. */
export interface BuilderStore {
  getState(): BuilderState;
  dispatch(action: BuilderAction): void;
  subscribe(listener: () => void): () => void;
  /** A step key unique within this editing session. */
  newKey(): string;
}

export function createBuilderStore(params: {
  draft: WorkflowDraft;
  sample?: SampleSelection | null;
  keyPrefix?: string;
  firstKey?: number;
}): BuilderStore {
  let state = initialBuilderState(params.draft, params.sample ?? null);
  const listeners = new Set<() => void>();
  let counter = params.firstKey ?? params.draft.steps.length;
  const prefix = params.keyPrefix ?? 'step';
  return {
    getState: () => state,
    dispatch(action) {
      const next = builderReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    newKey: () => `${prefix}-${(counter += 1)}`,
  };
}
