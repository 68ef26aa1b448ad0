import type { StepDraft } from '../state/step-draft';

/** The form of a step type this builder does not know (a newer server's): the step is kept as it is. */
export function UnknownStepForm({ entry }: { entry: { step: StepDraft } }) {
  return (
    <p className="sy-muted">
      This builder cannot edit <code>{entry.step.type}</code> steps yet; it keeps them as they are.
    </p>
  );
}
