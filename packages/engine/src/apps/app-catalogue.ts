import { appDefinitionSchema, type AppAction, type AppDefinition, type AppDefinitionInput, type AppField } from './app-definition.schema';
import { customApiCallAction } from './custom-api-call';
import { githubApp } from './github/github.app';
import { gitlabApp } from './gitlab/gitlab.app';
import { googleSheetsApp } from './google-sheets/google-sheets.app';
import { hubspotApp } from './hubspot/hubspot.app';
import { notionApp } from './notion/notion.app';
import { slackApp } from './slack/slack.app';
import { airtableApp } from './airtable/airtable.app';
import { mattermostApp } from './mattermost/mattermost.app';
import { openaiApp } from './openai/openai.app';
import { sendgridApp } from './sendgrid/sendgrid.app';
import { stripeApp } from './stripe/stripe.app';
import { todoistApp } from './todoist/todoist.app';
import { twilioApp } from './twilio/twilio.app';
import { discordApp } from './discord/discord.app';
import { zendeskApp } from './zendesk/zendesk.app';
import { intercomApp } from './intercom/intercom.app';
import { freshdeskApp } from './freshdesk/freshdesk.app';
import { jiraApp } from './jira/jira.app';
import { linearApp } from './linear/linear.app';
import { trelloApp } from './trello/trello.app';
import { asanaApp } from './asana/asana.app';
import { clickupApp } from './clickup/clickup.app';
import { mailgunApp } from './mailgun/mailgun.app';
import { gmailApp } from './gmail/gmail.app';
import { googleDriveApp } from './google-drive/google-drive.app';
import { baserowApp } from './baserow/baserow.app';
import { pipedriveApp } from './pipedrive/pipedrive.app';
import { salesforceApp } from './salesforce/salesforce.app';
import { microsoftTeamsApp } from './microsoft-teams/microsoft-teams.app';
import { slackWebhookApp } from './slack-webhook/slack-webhook.app';
import { discordWebhookApp } from './discord-webhook/discord-webhook.app';
import { microsoftTeamsWebhookApp } from './microsoft-teams-webhook/microsoft-teams-webhook.app';
import { telegramApp } from './telegram/telegram.app';
import { smtpApp } from './smtp/smtp.app';
import { signedWebhookApp } from './signed-webhook/signed-webhook.app';
import { shopifyApp } from './shopify/shopify.app';
import { nocodbApp } from './nocodb/nocodb.app';
import { s3App } from './s3/s3.app';

/** Every app, as written in its folder. Adding an app: a folder and one line here. */
const DEFINITIONS: ReadonlyArray<AppDefinitionInput> = [
  slackApp,
  googleSheetsApp,
  notionApp,
  hubspotApp,
  githubApp,
  gitlabApp,
  airtableApp,
  mattermostApp,
  openaiApp,
  sendgridApp,
  stripeApp,
  todoistApp,
  twilioApp,
  microsoftTeamsApp,
  discordApp,
  zendeskApp,
  intercomApp,
  freshdeskApp,
  jiraApp,
  linearApp,
  trelloApp,
  asanaApp,
  clickupApp,
  mailgunApp,
  gmailApp,
  googleDriveApp,
  baserowApp,
  pipedriveApp,
  salesforceApp,
  slackWebhookApp,
  discordWebhookApp,
  microsoftTeamsWebhookApp,
  telegramApp,
  smtpApp,
  signedWebhookApp,
  shopifyApp,
  nocodbApp,
  s3App,
];

/** Parses a definition (defaults applied) and adds its "Custom API call" action. Throws on an invalid one. */
export function defineApp(input: AppDefinitionInput): AppDefinition {
  const parsed = appDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`app ${String((input as { key?: unknown }).key)}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const app = parsed.data;
  return app.customApiCall ? { ...app, actions: [...app.actions, customApiCallAction(app)] } : app;
}

/** The app catalogue, sorted by name. */
export const APPS: ReadonlyArray<AppDefinition> = DEFINITIONS.map(defineApp).sort((a, b) => a.name.localeCompare(b.name));

/** The app of a key; undefined when there is none. */
export function findApp(key: string): AppDefinition | undefined {
  return APPS.find((app) => app.key === key);
}

/** An action of an app; undefined when there is none. */
export function findAppAction(app: AppDefinition, key: string): AppAction | undefined {
  return app.actions.find((action) => action.key === key);
}

/** A field of an action; undefined when there is none. */
export function findAppField(action: AppAction, name: string): AppField | undefined {
  return action.fields.find((field) => field.name === name);
}

/** Whether connections of the app are needed (every auth kind but `none`). */
export function appNeedsConnection(app: AppDefinition): boolean {
  return app.auth.kind !== 'none';
}
