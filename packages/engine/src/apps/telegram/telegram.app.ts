import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

/**
 * The chats the bot has seen lately (getUpdates keeps 24 hours of updates; empty when the bot uses
 * a webhook): each chat once, by title or name.
 */
const chat = {
  name: 'chatId',
  label: 'Chat',
  kind: 'dynamic-choice',
  required: true,
  help: 'A chat id (a number) or @channelusername; the list shows chats that wrote to the bot in the last 24 hours.',
  options: {
    request: { method: 'GET', path: '/getUpdates', query: { allowed_updates: '["message","channel_post","my_chat_member"]' } },
    items: `(
  $chats := $append($append(body.result.message.chat, body.result.channel_post.chat), body.result.my_chat_member.chat);
  $ids := $distinct($chats.id);
  $ids.(
    $id := $;
    $c := $chats[id = $id][0];
    { 'label': $c.title ? $c.title : $join([$c.first_name, $c.last_name], ' ') & ($c.username ? ' (@' & $c.username & ')' : ''), 'value': $string($id) }
  )
)`,
  },
} satisfies AppFieldInput;

const parseMode = {
  name: 'parseMode',
  label: 'Formatting',
  kind: 'choice',
  choices: [
    { label: 'MarkdownV2', value: 'MarkdownV2' },
    { label: 'HTML', value: 'HTML' },
  ],
  help: 'Default: plain text.',
} satisfies AppFieldInput;

/** Telegram Bot API (https://core.telegram.org/bots/api): the token is part of every URL (`/bot<token>/`). */
export const telegramApp: AppDefinitionInput = {
  key: 'telegram',
  name: 'Telegram',
  description: 'Send messages and photos to Telegram chats, groups and channels as a bot.',
  category: 'chat',
  color: '#229ed9',
  docsUrl: 'https://core.telegram.org/bots/api#sendmessage',
  auth: {
    kind: 'bearer',
    fields: [
      { name: 'botToken', label: 'Bot token', secret: true, placeholder: '123456789:AA...', help: 'From @BotFather: /newbot or /token.' },
      {
        name: 'apiBaseUrl',
        label: 'Bot API server',
        required: false,
        placeholder: 'https://api.telegram.org',
        help: 'Only for a self-hosted Bot API server.',
      },
    ],
    guide: 'Talk to @BotFather in Telegram, create a bot with /newbot and paste the token it gives; add the bot to the group or channel.',
  },
  baseUrl: "{{ connection.apiBaseUrl ? connection.apiBaseUrl : 'https://api.telegram.org' }}/bot{{ connection.botToken }}",
  identity: {
    request: { method: 'GET', path: '/getMe' },
    account: "body.result.username ? '@' & body.result.username : body.result.first_name",
  },
  // Every answer is { ok, result } or { ok: false, error_code, description, parameters.retry_after }.
  response: {
    ok: 'body.ok = true',
    error: 'body.description',
    retryAfter: 'body.parameters.retry_after',
  },
  actions: [
    {
      key: 'send-message',
      label: 'Send a message',
      description: 'Sends a text message to a chat (sendMessage).',
      fields: [
        chat,
        { name: 'text', label: 'Message', kind: 'long-text', required: true, help: 'At most 4096 characters.' },
        parseMode,
        { name: 'disableNotification', label: 'Send silently', kind: 'boolean' },
      ],
      calls: [
        {
          id: 'send',
          method: 'POST',
          path: '/sendMessage',
          body: "{ 'chat_id': input.chatId, 'text': input.text, 'parse_mode': input.parseMode, 'disable_notification': input.disableNotification }",
        },
      ],
      output:
        "{ 'messageId': calls.send.body.result.message_id, 'chatId': calls.send.body.result.chat.id, 'date': calls.send.body.result.date }",
    },
    {
      key: 'send-photo',
      label: 'Send a photo',
      description: 'Sends a photo by its HTTPS URL (or a file_id Telegram gave) with an optional caption (sendPhoto).',
      fields: [
        chat,
        { name: 'photo', label: 'Photo URL or file_id', kind: 'text', required: true, help: 'At most 5 MB for a URL.' },
        { name: 'caption', label: 'Caption', kind: 'long-text', help: 'At most 1024 characters.' },
        parseMode,
        { name: 'disableNotification', label: 'Send silently', kind: 'boolean' },
      ],
      calls: [
        {
          id: 'send',
          method: 'POST',
          path: '/sendPhoto',
          body: "{ 'chat_id': input.chatId, 'photo': input.photo, 'caption': input.caption, 'parse_mode': input.parseMode, 'disable_notification': input.disableNotification }",
        },
      ],
      output:
        "{ 'messageId': calls.send.body.result.message_id, 'chatId': calls.send.body.result.chat.id, 'fileId': calls.send.body.result.photo[-1].file_id }",
    },
    {
      key: 'get-me',
      label: 'Get the bot',
      description: "Returns the bot's id, name and username (getMe).",
      fields: [],
      calls: [{ id: 'me', method: 'GET', path: '/getMe' }],
      output: "{ 'id': calls.me.body.result.id, 'username': calls.me.body.result.username, 'name': calls.me.body.result.first_name }",
    },
  ],
};
