import type { AppDefinitionInput } from '../app-definition.schema';

/**
 * A Discord channel webhook (Execute Webhook, https://discord.com/developers/docs/resources/webhook#execute-webhook):
 * the connection is the webhook URL (it holds the webhook's token). What the `discord` step kind
 * did, as an app; the Discord app (bot token) is the other way to post.
 */
export const discordWebhookApp: AppDefinitionInput = {
  key: 'discord-webhook',
  name: 'Discord webhook',
  description: 'Post messages to one Discord channel through its webhook URL, without a bot.',
  category: 'chat',
  color: '#5865f2',
  docsUrl: 'https://discord.com/developers/docs/resources/webhook#execute-webhook',
  auth: {
    kind: 'custom',
    fields: [
      {
        name: 'webhookUrl',
        label: 'Webhook URL',
        secret: true,
        placeholder: 'https://discord.com/api/webhooks/123/abc...',
        help: 'Channel settings → Integrations → Webhooks → New Webhook → Copy Webhook URL.',
      },
    ],
  },
  baseUrl: '{{ connection.webhookUrl }}',
  response: {
    error: "body.message & (body.code ? ' (' & $string(body.code) & ')' : '')",
    // 10015 Unknown Webhook, 50027 Invalid Webhook Token: the webhook was deleted or its URL is wrong.
    unauthorized: 'body.code in [10015, 50027]',
  },
  customApiCall: false,
  actions: [
    {
      key: 'send-message',
      label: 'Send a message',
      description: 'Posts a message through the webhook (Execute Webhook with wait=true: answers the message created).',
      fields: [
        { name: 'content', label: 'Message', kind: 'long-text', help: 'Up to 2000 characters; a message or embeds is needed.' },
        { name: 'username', label: 'Name shown', kind: 'text', help: "Overrides the webhook's name." },
        { name: 'avatarUrl', label: 'Avatar URL', kind: 'text' },
        { name: 'embeds', label: 'Embeds', kind: 'json', help: 'JSONata giving an array of at most 10 embeds.' },
        { name: 'tts', label: 'Text-to-speech', kind: 'boolean' },
      ],
      calls: [
        {
          id: 'post',
          method: 'POST',
          path: '',
          query: { wait: 'true' },
          body: "{ 'content': input.content, 'username': input.username, 'avatar_url': input.avatarUrl, 'embeds': input.embeds, 'tts': input.tts }",
        },
      ],
      output: "{ 'id': calls.post.body.id, 'channelId': calls.post.body.channel_id, 'timestamp': calls.post.body.timestamp }",
    },
  ],
};
