import type { StepType } from '@switchyard/engine';
import { AppStepForm } from './app/AppStepForm';
import { BranchStepForm } from './branch/BranchStepForm';
import { DelayStepForm } from './delay/DelayStepForm';
import { DiscordStepForm } from './discord/DiscordStepForm';
import { EmailStepForm } from './email/EmailStepForm';
import { FilterStepForm } from './filter/FilterStepForm';
import { HttpStepForm } from './http/HttpStepForm';
import { LoopStepForm } from './loop/LoopStepForm';
import { MapStepForm } from './map/MapStepForm';
import { RespondStepForm } from './respond/RespondStepForm';
import { SlackStepForm } from './slack/SlackStepForm';
import type { StepForm } from './step-form';
import { StopStepForm } from './stop/StopStepForm';
import { TeamsStepForm } from './teams/TeamsStepForm';
import { TelegramStepForm } from './telegram/TelegramStepForm';
import { WebhookStepForm } from './webhook/WebhookStepForm';
import { SubworkflowStepForm } from './subworkflow/SubworkflowStepForm';
import { WaitStepForm } from './wait/WaitStepForm';

/**
 * The form of every step type, each in its kit folder, typed by the engine's step union: a type
 * without a form does not compile. Only the step card reads it; the forms render nested lists
 * through `NestedStepList`, so nothing they import leads back here.
 */
export const STEP_FORMS: { readonly [T in StepType]: StepForm<T> } = {
  map: MapStepForm,
  filter: FilterStepForm,
  http: HttpStepForm,
  branch: BranchStepForm,
  loop: LoopStepForm,
  delay: DelayStepForm,
  wait: WaitStepForm,
  subworkflow: SubworkflowStepForm,
  respond: RespondStepForm,
  stop: StopStepForm,
  slack: SlackStepForm,
  discord: DiscordStepForm,
  teams: TeamsStepForm,
  telegram: TelegramStepForm,
  webhook: WebhookStepForm,
  email: EmailStepForm,
  app: AppStepForm,
};
