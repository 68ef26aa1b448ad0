import type { ReactNode } from 'react';
import { APP_STEP_FORMS } from './app-step-forms';
import { CONTROL_STEP_FORMS } from './control-step-forms';
import { FilterStepForm, HttpStepForm, MapStepForm, UnknownStepForm, type StepFormProps } from './StepForms';

type StepForm = (props: StepFormProps) => ReactNode;

let forms: Record<string, StepForm> | null = null;

/**
 * The form that edits a step type. Built on first use: the control-flow forms render step lists
 * (StepListEditor -> StepCard -> here), and a registry built at module load would depend on the
 * order in which the bundler evaluates that cycle.
 */
export function stepFormFor(type: string): StepForm {
  forms ??= { map: MapStepForm, filter: FilterStepForm, http: HttpStepForm, ...APP_STEP_FORMS, ...CONTROL_STEP_FORMS };
  return forms[type] ?? UnknownStepForm;
}
