import type { StepListId, StepType } from '@switchyard/engine';
import type { IconName } from '../../../../ui';
import type { StepOutputState, StepPreviewParams } from '../../preview/step-output-state';
import type { StepDraftOf } from '../../state/step-draft';

/** The icon of a step type, in its own colours (the default accent when unset). */
export interface StepIconStyle {
  name: IconName;
  background?: string;
  color?: string;
}

/**
 * What the builder knows about one step type, beside its form (see `STEP_FORMS`): its folder
 * `steps/kits/<type>/` holds this kit and the form. The state, the previews and the cards read
 * kits instead of switching on the type. What the engine knows (category, whether it calls out,
 * its nested lists) comes from the engine's kit.
 */
export interface WebStepKit<T extends StepType> {
  /** The name in the step menu and on cards: `Transform data`. */
  label: string;
  /** One line under the label in the step menu. */
  description: string;
  icon: StepIconStyle;
  /** A new step with the fields the user fills in (required ones empty, so validation points at them). */
  create(id: string): StepDraftOf<T>;
  /** One line on the collapsed card; empty when the step is not set up yet. */
  summary(step: StepDraftOf<T>): string;
  /**
   * The step's output on the sample, computed in the browser for steps without side effects; the
   * nested steps of containers are previewed through `previewList`. `undefined`: no preview (not set
   * up yet, or a step that calls out), the last test's output is shown instead.
   */
  preview?(params: StepPreviewParams<StepDraftOf<T>>): Promise<StepOutputState | undefined>;
  /**
   * The step as saved, after the common cleaning (blank optional fields left out): what else this
   * type leaves out or fills in. The nested lists still hold draft entries; they are cleaned after.
   */
  clean?(step: StepDraftOf<T>): StepDraftOf<T>;
  /** What to call one of its nested lists in the interface: `Path 2 (Europe)`, `For each item`. */
  listLabel?(step: StepDraftOf<T>, list: StepListId): string;
}
