import type { ReactNode } from 'react';
import './ControlStepForms.css';
import { BranchStepForm } from './BranchStepForm';
import { DelayStepForm } from './DelayStepForm';
import { LoopStepForm } from './LoopStepForm';
import { RespondStepForm } from './RespondStepForm';
import { StopStepForm } from './StopStepForm';
import type { StepFormProps } from './StepForms';

/** The forms of the control-flow steps, registered in STEP_FORMS. */
export const CONTROL_STEP_FORMS: Record<string, (props: StepFormProps) => ReactNode> = {
  branch: BranchStepForm,
  loop: LoopStepForm,
  delay: DelayStepForm,
  respond: RespondStepForm,
  stop: StopStepForm,
};
