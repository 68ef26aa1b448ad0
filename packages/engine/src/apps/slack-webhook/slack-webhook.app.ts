import type { AppDefinitionInput } from '../app-definition.schema';

/**
 * A Slack incoming webhook (https://api.slack.com/messaging/webhooks): the connection is the
 * webhook URL of one channel (secret: whoever has it can post). What the `slack` step kind did,
 * as an app; the Slack app (bot token) is the other way to post.
 */
export const slackWebhookApp: AppDefinitionInput = {
  key: 'slack-webhook',
  name: 'Slack incoming webhook',
  description: 'Post messages to one Slack channel through an incoming webhook URL, without a bot.',
  category: 'chat',
  color: '#4a154b',
  docsUrl: 'https://api.slack.com/messaging/webhooks',
  auth: {
    kind: 'custom',
    fields: [
      {
        name: 'webhookUrl',
        label: 'Webhook URL',
        secret: true,
        placeholder: 'https://hooks.slack.com/services/T.../B.../...',
        help: 'Slack app settings → Incoming Webhooks → Add New Webhook to Workspace; one URL per channel.',
      },
    ],
    guide: 'Create a Slack app (api.slack.com/apps), turn on Incoming Webhooks, add a webhook for the channel and paste its URL.',
  },
  baseUrl: '{{ connection.webhookUrl }}',
  // Slack answers text: `ok`, or the error (`invalid_payload`, `no_service` for a removed webhook...).
  response: {
    error: "$type(body) = 'string' ? body : undefined",
    unauthorized: "status in [403, 404, 410] and body in ['no_service', 'invalid_token', 'no_team', 'team_disabled', 'action_prohibited']",
  },
  customApiCall: false,
  actions: [
    {
      key: 'send-message',
      label: 'Send a message',
      description: "Posts a message to the webhook's channel: text, and optionally Block Kit blocks.",
      fields: [
        {
          name: 'text',
          label: 'Message',
          kind: 'long-text',
          required: true,
          help: 'Slack mrkdwn; also the notification text when blocks are given.',
        },
        { name: 'blocks', label: 'Blocks', kind: 'json', help: 'JSONata giving an array of Block Kit blocks.' },
        { name: 'username', label: 'Name shown', kind: 'text', help: 'Only for legacy webhooks; app webhooks post as the app.' },
        { name: 'iconEmoji', label: 'Icon emoji', kind: 'text', placeholder: ':robot_face:' },
      ],
      calls: [
        {
          id: 'post',
          method: 'POST',
          path: '',
          body: "{ 'text': input.text, 'blocks': input.blocks, 'username': input.username, 'icon_emoji': input.iconEmoji }",
        },
      ],
      output: "{ 'status': calls.post.status, 'body': calls.post.body }",
    },
  ],
};
