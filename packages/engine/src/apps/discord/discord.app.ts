import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const guild = {
  name: 'guildId',
  label: 'Server',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/users/@me/guilds' },
    items: "body.{ 'label': name, 'value': id }",
  },
} satisfies AppFieldInput;

/** Text channels (type 0) and announcement channels (type 5) of the chosen server. */
const channel = {
  name: 'channelId',
  label: 'Channel',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/guilds/{{ input.guildId }}/channels' },
    items: "body[type in [0, 5]].{ 'label': '#' & name, 'value': id }",
    dependsOn: ['guildId'],
  },
} satisfies AppFieldInput;

/** Discord API v10 with a bot token (https://discord.com/developers/docs/reference). */
export const discordApp: AppDefinitionInput = {
  key: 'discord',
  name: 'Discord',
  description: 'Post messages, list and create channels in Discord servers as a bot.',
  category: 'chat',
  color: '#5865f2',
  docsUrl: 'https://discord.com/developers/docs/resources/message#create-message',
  auth: {
    kind: 'bearer',
    fields: [
      {
        name: 'botToken',
        label: 'Bot token',
        secret: true,
        help: 'Developer Portal → your application → Bot → Reset Token; invite the bot to the server first.',
      },
    ],
    headers: { authorization: 'Bot {{ connection.botToken }}' },
  },
  baseUrl: 'https://discord.com/api/v10',
  identity: { request: { method: 'GET', path: '/users/@me' }, account: 'body.username' },
  response: { error: "body.message & (body.code ? ' (' & $string(body.code) & ')' : '')" },
  actions: [
    {
      key: 'send-message',
      label: 'Send a message',
      description: 'Posts a message to a text channel (Create Message; the bot needs SEND_MESSAGES).',
      fields: [
        guild,
        channel,
        { name: 'content', label: 'Message', kind: 'long-text', required: true, help: 'Up to 2000 characters.' },
        { name: 'tts', label: 'Text-to-speech', kind: 'boolean' },
      ],
      calls: [
        {
          id: 'send',
          method: 'POST',
          path: '/channels/{{ input.channelId }}/messages',
          body: "{ 'content': input.content, 'tts': input.tts }",
        },
      ],
      output: "{ 'id': calls.send.body.id, 'channelId': calls.send.body.channel_id, 'timestamp': calls.send.body.timestamp }",
    },
    {
      key: 'list-channels',
      label: 'List channels',
      description: "Lists a server's channels (Get Guild Channels), without threads.",
      fields: [guild],
      calls: [{ id: 'list', method: 'GET', path: '/guilds/{{ input.guildId }}/channels' }],
      output: "{ 'channels': [calls.list.body.{ 'id': id, 'name': name, 'type': type, 'topic': topic }] }",
    },
    {
      key: 'create-channel',
      label: 'Create a text channel',
      description: 'Creates a text channel in a server (Create Guild Channel; the bot needs MANAGE_CHANNELS).',
      fields: [
        guild,
        { name: 'name', label: 'Name', kind: 'text', required: true, help: '1-100 characters.' },
        { name: 'topic', label: 'Topic', kind: 'text' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/guilds/{{ input.guildId }}/channels',
          body: "{ 'name': input.name, 'type': 0, 'topic': input.topic }",
        },
      ],
      output: "{ 'id': calls.create.body.id, 'name': calls.create.body.name }",
    },
  ],
};
