import type { StopStep } from './stop.schema';
import type { StepHandler } from '../../runner/step-handler';
import { renderField } from '../shared/evaluate-field';

/** Longest stop message kept, in characters. */
export const STOP_MESSAGE_MAX_CHARS = 2000;

/** `stop`: renders the message and ends the run with the step's status. */
export const stopHandler: StepHandler<StopStep> = async ({ step, key, context, evaluate }) => {
  const rendered = await renderField({ field: 'message', template: step.message, context, evaluate });
  const message = rendered.length > STOP_MESSAGE_MAX_CHARS ? `${rendered.slice(0, STOP_MESSAGE_MAX_CHARS)}…` : rendered;
  return { output: { status: step.status, message }, halt: { reason: 'stopped', status: step.status, message, stepId: key } };
};
