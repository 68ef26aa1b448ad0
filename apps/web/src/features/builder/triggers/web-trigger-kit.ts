import type { TriggerType } from '@switchyard/engine';
import type { ComponentType } from 'react';
import type { DraftTrigger } from '../state/definition-trigger';

/** What the builder knows about one trigger type, in its folder `triggers/kits/<type>/`. */
export interface WebTriggerKit {
  type: TriggerType;
  label: string;
  description: string;
  /** A new trigger of this type, with sensible settings. */
  create(): DraftTrigger;
  /** Its settings form; webhooks keep their own card (`trigger/TriggerStepCard`). */
  Form?: ComponentType<TriggerFormProps>;
}

export interface TriggerFormProps {
  trigger: DraftTrigger;
  /** Sets one setting; `undefined` removes it. */
  set(field: string, value: unknown): void;
  readOnly: boolean;
}
