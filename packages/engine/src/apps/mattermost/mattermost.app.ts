import type { AppDefinitionInput } from '../app-definition.schema';

/** Mattermost API v4 (https://api.mattermost.com/) with a bot or personal access token. */
export const mattermostApp: AppDefinitionInput = {
  key: 'mattermost',
  name: 'Mattermost',
  description: 'Post messages to Mattermost channels as a bot.',
  category: 'chat',
  color: '#1e325c',
  docsUrl: 'https://api.mattermost.com/#tag/posts',
  auth: {
    kind: 'bearer',
    fields: [
      { name: 'serverUrl', label: 'Server URL', secret: false, placeholder: 'https://chat.example.com' },
      { name: 'token', label: 'Bot access token', secret: true },
    ],
    headers: { authorization: 'Bearer {{ connection.token }}' },
  },
  baseUrl: '{{ connection.serverUrl }}/api/v4',
  identity: { request: { method: 'GET', path: '/users/me' }, account: 'body.username' },
  response: { error: 'body.message' },
  actions: [
    {
      key: 'post-message',
      label: 'Post a message',
      description: 'Posts to a channel the bot is a member of.',
      fields: [
        {
          name: 'channelId',
          label: 'Channel',
          kind: 'dynamic-choice',
          required: true,
          options: {
            request: { method: 'GET', path: '/users/me/channels' },
            items: "body[type in ['O', 'P']].{ 'label': display_name, 'value': id }",
          },
        },
        { name: 'message', label: 'Message', kind: 'long-text', required: true },
      ],
      calls: [{ id: 'post', method: 'POST', path: '/posts', body: "{ 'channel_id': input.channelId, 'message': input.message }" }],
      output: "{ 'id': calls.post.body.id, 'channelId': calls.post.body.channel_id }",
    },
  ],
};
