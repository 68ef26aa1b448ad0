import type { ReactNode } from 'react';
import type { IconName } from '../../../ui';
import { DiscordStepForm, EmailStepForm, SlackStepForm, TeamsStepForm, TelegramStepForm, WebhookStepForm } from './AppActionForms';
import type { StepFormProps } from './StepForms';

/** The form of each app action, merged into the builder's form table. */
export const APP_STEP_FORMS: Record<string, (props: StepFormProps) => ReactNode> = {
  slack: SlackStepForm,
  discord: DiscordStepForm,
  teams: TeamsStepForm,
  telegram: TelegramStepForm,
  webhook: WebhookStepForm,
  email: EmailStepForm,
};

/** The icon of each app action. */
export const APP_STEP_ICONS: Record<string, IconName> = {
  slack: 'hash',
  discord: 'chat',
  teams: 'users',
  telegram: 'send',
  webhook: 'shield',
  email: 'mail',
};
