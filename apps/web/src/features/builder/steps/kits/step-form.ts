import type { StepType } from '@switchyard/engine';
import type { ReactNode } from 'react';
import type { BuilderIssue } from '../../state/builder-issues';
import type { DraftStepOf } from '../../state/step-draft';

type EntryOf<T extends StepType> = T extends StepType ? DraftStepOf<T> : never;

/** What a step's form gets. Without a type argument: a form part that edits a step of any type. */
export interface StepFormProps<T extends StepType = StepType> {
  entry: EntryOf<T>;
  /** The step's position in its list. */
  index: number;
  /** Every issue of the workflow (a form picks its own with `formIssues`). */
  issues: BuilderIssue[];
  /** Sets one field of the step (`undefined` removes it): the `setStepField` operation, which edits any field the same way. */
  setField: (field: string, value: unknown) => void;
}

/** The form that edits the steps of one type, rendered in the step's card. */
export type StepForm<T extends StepType> = (props: StepFormProps<T>) => ReactNode;
