import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const team = {
  name: 'teamId',
  label: 'Team',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/me/joinedTeams' },
    items: "body.value.{ 'label': displayName, 'value': id }",
  },
} satisfies AppFieldInput;

const channel = {
  name: 'channelId',
  label: 'Channel',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/teams/{{ input.teamId }}/channels' },
    items: "body.value.{ 'label': displayName, 'value': id }",
    dependsOn: ['teamId'],
  },
} satisfies AppFieldInput;

const contentType = {
  name: 'contentType',
  label: 'Format',
  kind: 'choice',
  choices: [
    { label: 'Text', value: 'text' },
    { label: 'HTML', value: 'html' },
  ],
} satisfies AppFieldInput;

/** Microsoft Teams through Microsoft Graph v1.0 (https://learn.microsoft.com/graph/api/resources/teams-api-overview). */
export const microsoftTeamsApp: AppDefinitionInput = {
  key: 'microsoft-teams',
  name: 'Microsoft Teams',
  description: 'Post messages and replies to Microsoft Teams channels, and create channels.',
  category: 'chat',
  color: '#4b53bc',
  docsUrl: 'https://learn.microsoft.com/graph/api/chatmessage-post',
  auth: {
    kind: 'oauth2',
    authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    scopes: ['offline_access', 'User.Read', 'Team.ReadBasic.All', 'Channel.ReadBasic.All', 'ChannelMessage.Send', 'Channel.Create'],
  },
  baseUrl: 'https://graph.microsoft.com/v1.0',
  identity: { request: { method: 'GET', path: '/me' }, account: 'body.userPrincipalName' },
  response: { error: 'body.error.message' },
  actions: [
    {
      key: 'post-channel-message',
      label: 'Post a channel message',
      description: 'Sends a new message to a channel (chatMessage: post, ChannelMessage.Send).',
      fields: [team, channel, { name: 'content', label: 'Message', kind: 'long-text', required: true }, contentType],
      calls: [
        {
          id: 'post',
          method: 'POST',
          path: '/teams/{{ input.teamId }}/channels/{{ input.channelId }}/messages',
          body: "{ 'body': { 'contentType': input.contentType ? input.contentType : 'text', 'content': input.content } }",
        },
      ],
      output: "{ 'id': calls.post.body.id, 'webUrl': calls.post.body.webUrl, 'createdDateTime': calls.post.body.createdDateTime }",
    },
    {
      key: 'reply-to-message',
      label: 'Reply to a channel message',
      description: 'Replies in the thread of a channel message (chatMessage: reply).',
      fields: [
        team,
        channel,
        { name: 'messageId', label: 'Message id', kind: 'text', required: true, help: 'The id of the message that starts the thread.' },
        { name: 'content', label: 'Reply', kind: 'long-text', required: true },
        contentType,
      ],
      calls: [
        {
          id: 'reply',
          method: 'POST',
          path: '/teams/{{ input.teamId }}/channels/{{ input.channelId }}/messages/{{ input.messageId }}/replies',
          body: "{ 'body': { 'contentType': input.contentType ? input.contentType : 'text', 'content': input.content } }",
        },
      ],
      output: "{ 'id': calls.reply.body.id, 'replyToId': calls.reply.body.replyToId, 'webUrl': calls.reply.body.webUrl }",
    },
    {
      key: 'create-channel',
      label: 'Create a channel',
      description: 'Creates a standard channel in a team (channel: post, Channel.Create).',
      fields: [
        team,
        { name: 'displayName', label: 'Name', kind: 'text', required: true },
        { name: 'description', label: 'Description', kind: 'text' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/teams/{{ input.teamId }}/channels',
          body: "{ 'displayName': input.displayName, 'description': input.description, 'membershipType': 'standard' }",
        },
      ],
      output: "{ 'id': calls.create.body.id, 'displayName': calls.create.body.displayName, 'webUrl': calls.create.body.webUrl }",
    },
  ],
};
