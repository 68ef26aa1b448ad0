import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const channel = {
  name: 'channel',
  label: 'Channel',
  kind: 'dynamic-choice',
  required: true,
  help: 'Public and private channels the bot is in; or enter an id.',
  options: {
    request: {
      method: 'GET',
      path: '/conversations.list',
      query: { types: 'public_channel,private_channel', exclude_archived: 'true', limit: '200', cursor: '{{ page }}' },
    },
    items: "body.channels.{ 'label': '#' & name, 'value': id }",
    nextPage: 'body.response_metadata.next_cursor',
  },
} satisfies AppFieldInput;

/** Slack Web API with a bot token (https://api.slack.com/web); every answer is 200 `{ ok, error? }`. */
export const slackApp: AppDefinitionInput = {
  key: 'slack',
  name: 'Slack',
  description: 'Post messages, react and manage channels with a Slack bot.',
  category: 'chat',
  color: '#611f69',
  docsUrl: 'https://api.slack.com/methods',
  auth: {
    kind: 'oauth2',
    fields: [
      {
        name: 'slackUrl',
        label: 'Slack URL',
        required: false,
        placeholder: 'https://slack.com',
        help: 'Only for GovSlack (https://slack-gov.com) or another Slack host.',
      },
    ],
    authorizeUrl: "{{ connection.slackUrl ? connection.slackUrl : 'https://slack.com' }}/oauth/v2/authorize",
    tokenUrl: "{{ connection.slackUrl ? connection.slackUrl : 'https://slack.com' }}/api/oauth.v2.access",
    scopes: ['chat:write', 'channels:read', 'groups:read', 'reactions:write', 'users:read', 'users:read.email', 'channels:manage'],
    scopeSeparator: ',',
    pkce: false,
    guide: 'api.slack.com/apps → your app → OAuth & Permissions → Redirect URLs; bot token scopes as listed.',
  },
  baseUrl: "{{ connection.slackUrl ? connection.slackUrl : 'https://slack.com' }}/api",
  identity: { request: { method: 'POST', path: '/auth.test' }, account: "body.team & ' (' & body.user & ')'" },
  response: {
    ok: 'body.ok = true',
    error: 'body.error',
    unauthorized: "body.error in ['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']",
  },
  actions: [
    {
      key: 'send-message',
      label: 'Send a message',
      description: 'Posts a message to a channel as the bot (chat.postMessage).',
      fields: [
        channel,
        { name: 'text', label: 'Message', kind: 'long-text', required: true, placeholder: 'New order *{{ trigger.body.id }}*' },
        { name: 'blocks', label: 'Blocks', kind: 'list', help: 'Block Kit blocks (JSONata giving an array).' },
        { name: 'threadTs', label: 'Reply in thread (ts)', kind: 'text' },
      ],
      calls: [
        {
          id: 'post',
          method: 'POST',
          path: '/chat.postMessage',
          body: "{ 'channel': input.channel, 'text': input.text, 'blocks': input.blocks, 'thread_ts': input.threadTs }",
        },
      ],
      output: "{ 'channel': calls.post.body.channel, 'ts': calls.post.body.ts, 'message': calls.post.body.message }",
    },
    {
      key: 'add-reaction',
      label: 'Add a reaction',
      description: 'Adds an emoji reaction to a message (reactions.add).',
      fields: [
        channel,
        { name: 'timestamp', label: 'Message ts', kind: 'text', required: true },
        { name: 'name', label: 'Emoji name', kind: 'text', required: true, placeholder: 'thumbsup' },
      ],
      calls: [
        {
          id: 'react',
          method: 'POST',
          path: '/reactions.add',
          body: "{ 'channel': input.channel, 'timestamp': input.timestamp, 'name': input.name }",
        },
      ],
    },
    {
      key: 'find-user-by-email',
      label: 'Find a user by e-mail',
      description: 'Looks up a member by e-mail address (users.lookupByEmail).',
      fields: [{ name: 'email', label: 'E-mail', kind: 'text', required: true }],
      calls: [{ id: 'lookup', method: 'GET', path: '/users.lookupByEmail', query: { email: '{{ input.email }}' } }],
      output: 'calls.lookup.body.user',
    },
    {
      key: 'create-channel',
      label: 'Create a channel',
      description: 'Creates a public or private channel (conversations.create).',
      fields: [
        { name: 'name', label: 'Name', kind: 'text', required: true, placeholder: 'incident-42' },
        { name: 'isPrivate', label: 'Private', kind: 'boolean' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/conversations.create',
          body: "{ 'name': input.name, 'is_private': input.isPrivate = true }",
        },
      ],
      output: 'calls.create.body.channel',
    },
  ],
};
