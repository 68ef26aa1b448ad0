import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Workflow } from '../../api';
import type { StepOutputState } from './preview/step-output-state';
import type { BuilderState } from './state/builder-reducer';
import type { BuilderStore } from './state/builder-store';

export interface BuilderContextValue {
  store: BuilderStore;
  /** The workflow as last loaded or saved on the server. */
  workflow: Workflow;
  /** Step outputs on the sample, by step key (see computeStepOutputs). */
  outputs: Record<string, StepOutputState>;
  /** Viewers read the workflow: fields do not edit, and edits are dropped by the store. */
  readOnly?: boolean;
}

export const BuilderContext = createContext<BuilderContextValue | null>(null);

export function useBuilderContext(): BuilderContextValue {
  const value = useContext(BuilderContext);
  if (!value) throw new Error('useBuilderContext must be used inside the builder');
  return value;
}

/**
 * Subscribes to a slice of the open workflow's state; re-renders only when the slice changes. The
 * selector must return existing values (not new arrays or objects), as useSyncExternalStore requires.
 */
export function useBuilderState<T>(selector: (state: BuilderState) => T): T {
  const { store } = useBuilderContext();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
