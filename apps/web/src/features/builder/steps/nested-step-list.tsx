import { createContext, useContext, type ComponentType } from 'react';
import type { DraftStep } from '../state/step-draft';
import type { StepListRef } from '../state/step-tree';

export interface StepListEditorProps {
  steps: DraftStep[];
  list: StepListRef;
  label: string;
  where?: string;
}

/**
 * The step list editor, handed by `StepListEditor` to what it renders: the forms of branches and
 * loops render their lists with it without importing it (it renders them), so the editor, the
 * cards, the forms and the kits import one another in one direction only.
 */
export const StepListEditorContext = createContext<ComponentType<StepListEditorProps> | null>(null);

/** A nested list of steps (a branch path's, a loop's), edited like the workflow's own list. */
export function NestedStepList(props: StepListEditorProps) {
  const Editor = useContext(StepListEditorContext);
  if (!Editor) throw new Error('NestedStepList must be rendered inside a StepListEditor');
  return <Editor {...props} />;
}
