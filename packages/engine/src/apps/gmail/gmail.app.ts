import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

/**
 * The RFC 822 message of the send and draft actions, base64url-encoded (Gmail's `raw`). JSONata's
 * $base64encode takes Latin-1 only, so the message is kept ASCII: the UTF-8 subject as an RFC 2047
 * Q encoded-word and the UTF-8 body as quoted-printable (lines of at most 76 characters), both from
 * the %XX bytes of $encodeUrlComponent.
 */
const RAW_MESSAGE = `(
  $qp := function($s) { $replace($replace($encodeUrlComponent($s), '%', '='), '_', '=5F') };
  $lines := $match($qp(input.body), /(=[0-9A-F]{2}|[^=]){1,24}/).match;
  $message := $join([
    'To: ' & input.to,
    input.cc ? 'Cc: ' & input.cc,
    input.bcc ? 'Bcc: ' & input.bcc,
    'Subject: =?UTF-8?Q?' & $qp(input.subject) & '?=',
    'MIME-Version: 1.0',
    'Content-Type: ' & (input.html = true ? 'text/html' : 'text/plain') & '; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    $join($lines, '=\\r\\n')
  ], '\\r\\n');
  $replace($replace($replace($base64encode($message), '+', '-'), '/', '_'), '=', '')
)`;

const messageFields = [
  { name: 'to', label: 'To', kind: 'text', required: true, help: 'One or more addresses, separated by commas.' },
  { name: 'cc', label: 'Cc', kind: 'text' },
  { name: 'bcc', label: 'Bcc', kind: 'text' },
  { name: 'subject', label: 'Subject', kind: 'text', required: true },
  { name: 'body', label: 'Body', kind: 'long-text', required: true },
  { name: 'html', label: 'Body is HTML', kind: 'boolean' },
] satisfies AppFieldInput[];

/** Gmail API v1 (https://developers.google.com/workspace/gmail/api/reference/rest). */
export const gmailApp: AppDefinitionInput = {
  key: 'gmail',
  name: 'Gmail',
  description: 'Send e-mails and create drafts from a Gmail account, and label messages.',
  category: 'messaging',
  color: '#ea4335',
  docsUrl: 'https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/send',
  auth: {
    kind: 'oauth2',
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    scopes: [
      'https://www.googleapis.com/auth/gmail.send',
      'https://www.googleapis.com/auth/gmail.compose',
      'https://www.googleapis.com/auth/gmail.modify',
    ],
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
  },
  baseUrl: 'https://gmail.googleapis.com/gmail/v1/users/me',
  identity: { request: { method: 'GET', path: '/profile' }, account: 'body.emailAddress' },
  response: { error: 'body.error.message' },
  actions: [
    {
      key: 'send-email',
      label: 'Send an e-mail',
      description: 'Sends a message from the account (users.messages.send with a base64url RFC 822 message).',
      fields: messageFields,
      calls: [{ id: 'send', method: 'POST', path: '/messages/send', body: `{ 'raw': ${RAW_MESSAGE} }` }],
      output: "{ 'id': calls.send.body.id, 'threadId': calls.send.body.threadId }",
    },
    {
      key: 'create-draft',
      label: 'Create a draft',
      description: 'Saves a message as a draft (users.drafts.create).',
      fields: messageFields,
      calls: [{ id: 'draft', method: 'POST', path: '/drafts', body: `{ 'message': { 'raw': ${RAW_MESSAGE} } }` }],
      output: "{ 'id': calls.draft.body.id, 'messageId': calls.draft.body.message.id }",
    },
    {
      key: 'add-label',
      label: 'Label a message',
      description: 'Adds a label to a message (users.messages.modify).',
      fields: [
        { name: 'messageId', label: 'Message id', kind: 'text', required: true },
        {
          name: 'labelId',
          label: 'Label',
          kind: 'dynamic-choice',
          required: true,
          options: { request: { method: 'GET', path: '/labels' }, items: "body.labels.{ 'label': name, 'value': id }" },
        },
      ],
      calls: [{ id: 'modify', method: 'POST', path: '/messages/{{ input.messageId }}/modify', body: "{ 'addLabelIds': [input.labelId] }" }],
      output: "{ 'id': calls.modify.body.id, 'labelIds': calls.modify.body.labelIds }",
    },
  ],
};
