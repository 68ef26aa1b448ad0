import type { StepDefinition } from '../../../api';

/** App actions the builder offers in its "Apps" group, in menu order. */
export const APP_STEP_TYPES = ['slack', 'discord', 'teams', 'telegram', 'webhook', 'email'] as const;
export type AppStepType = (typeof APP_STEP_TYPES)[number];

export const APP_STEP_TYPE_INFO: Record<AppStepType, { label: string; description: string }> = {
  slack: { label: 'Slack', description: 'Post a message to a channel through an incoming webhook.' },
  discord: { label: 'Discord', description: 'Post a message to a channel through a webhook.' },
  teams: { label: 'Microsoft Teams', description: 'Post a card to a channel through a Workflows webhook.' },
  telegram: { label: 'Telegram', description: 'Send a message to a chat with your bot.' },
  webhook: { label: 'Send signed webhook', description: 'POST JSON signed the Standard Webhooks way.' },
  email: { label: 'Email', description: 'Send an e-mail through your SMTP server.' },
};

export function isAppStepType(type: string): type is AppStepType {
  return (APP_STEP_TYPES as ReadonlyArray<string>).includes(type);
}

/** A new app action with its required fields empty, for the user to fill in. */
export function createAppStep(type: AppStepType, id: string): StepDefinition {
  switch (type) {
    case 'slack':
      return { id, type, url: '', text: '' };
    case 'discord':
      return { id, type, url: '', content: '' };
    case 'teams':
      return { id, type, url: '', text: '' };
    case 'telegram':
      return { id, type, credentialId: '', chatId: '', text: '' };
    case 'webhook':
      return { id, type, url: '', credentialId: '', body: '' };
    case 'email':
      return { id, type, host: '', port: 587, security: 'starttls', from: '', to: '', subject: '', text: '' };
  }
}

/** The one-line summary of a collapsed app action card; null for other steps. */
export function appStepSummary(step: StepDefinition): string | null {
  const text = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, ' ') : '');
  switch (step.type) {
    case 'slack':
    case 'teams':
      return text(step.text);
    case 'discord':
      return text(step.content);
    case 'telegram':
      return step.chatId ? `To ${text(step.chatId)}: ${text(step.text)}` : text(step.text);
    case 'webhook':
      return [text(step.eventType), text(step.url)].filter(Boolean).join(' → ');
    case 'email':
      return step.to ? `To ${text(step.to)}: ${text(step.subject)}` : text(step.subject);
    default:
      return null;
  }
}
