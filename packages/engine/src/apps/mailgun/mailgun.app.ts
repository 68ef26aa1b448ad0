import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const domain = {
  name: 'domain',
  label: 'Sending domain',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/v3/domains', query: { limit: '100' } },
    items: "body.items.{ 'label': name & ' (' & state & ')', 'value': name }",
  },
} satisfies AppFieldInput;

/** Mailgun API (https://documentation.mailgun.com/docs/mailgun/api-reference/): form bodies, US or EU host. */
export const mailgunApp: AppDefinitionInput = {
  key: 'mailgun',
  name: 'Mailgun',
  description: 'Send e-mails, manage mailing-list members and unsubscribes with Mailgun.',
  category: 'messaging',
  color: '#f06b66',
  docsUrl: 'https://documentation.mailgun.com/docs/mailgun/api-reference/openapi-final/tag/Messages/',
  auth: {
    kind: 'basic',
    fields: [
      { name: 'apiKey', label: 'API key', secret: true, help: 'Account settings → API security → Mailgun API keys.' },
      {
        name: 'region',
        label: 'Region',
        secret: false,
        required: false,
        placeholder: 'eu',
        help: 'Empty for US domains; eu for domains in the EU region (api.eu.mailgun.net).',
      },
    ],
    headers: { authorization: "Basic {{ $base64encode('api:' & connection.apiKey) }}" },
  },
  baseUrl: "https://api{{ connection.region ? '.' & connection.region : '' }}.mailgun.net",
  identity: {
    request: { method: 'GET', path: '/v3/domains', query: { limit: '1' } },
    account: "'Mailgun (' & $string(body.total_count) & ' domains)'",
  },
  response: { error: 'body.message' },
  actions: [
    {
      key: 'send-email',
      label: 'Send an e-mail',
      description: 'Sends a message from a verified domain (Messages: Send an email), text and/or HTML.',
      fields: [
        domain,
        { name: 'from', label: 'From', kind: 'text', required: true, placeholder: 'Excited User <mailgun@example.com>' },
        { name: 'to', label: 'To', kind: 'text', required: true, help: 'One or more addresses, separated by commas.' },
        { name: 'subject', label: 'Subject', kind: 'text', required: true },
        { name: 'text', label: 'Text body', kind: 'long-text' },
        { name: 'html', label: 'HTML body', kind: 'long-text' },
      ],
      calls: [
        {
          id: 'send',
          method: 'POST',
          path: '/v3/{{ input.domain }}/messages',
          bodyType: 'form',
          body: "{ 'from': input.from, 'to': input.to, 'subject': input.subject, 'text': input.text, 'html': input.html }",
        },
      ],
      output: "{ 'id': calls.send.body.id, 'message': calls.send.body.message }",
    },
    {
      key: 'add-list-member',
      label: 'Add a mailing-list member',
      description: 'Adds (or updates) a member of a mailing list (Mailing Lists: Create a mailing list member, upsert).',
      fields: [
        {
          name: 'list',
          label: 'Mailing list',
          kind: 'dynamic-choice',
          required: true,
          options: {
            request: { method: 'GET', path: '/v3/lists/pages', query: { limit: '100' } },
            items: "body.items.{ 'label': name ? name & ' <' & address & '>' : address, 'value': address }",
          },
        },
        { name: 'address', label: 'E-mail', kind: 'text', required: true },
        { name: 'name', label: 'Name', kind: 'text' },
      ],
      calls: [
        {
          id: 'add',
          method: 'POST',
          path: '/v3/lists/{{ input.list }}/members',
          bodyType: 'form',
          body: "{ 'address': input.address, 'name': input.name, 'subscribed': 'yes', 'upsert': 'yes' }",
        },
      ],
      output:
        "{ 'address': calls.add.body.member.address, 'subscribed': calls.add.body.member.subscribed, 'message': calls.add.body.message }",
    },
    {
      key: 'add-unsubscribe',
      label: 'Unsubscribe an address',
      description: 'Adds an address to the unsubscribes of a domain, for all mail or one tag (Unsubscribe: Add an unsubscribe).',
      fields: [
        domain,
        { name: 'address', label: 'E-mail', kind: 'text', required: true },
        { name: 'tag', label: 'Tag', kind: 'text', help: 'Empty: all mail (*).' },
      ],
      calls: [
        {
          id: 'unsubscribe',
          method: 'POST',
          path: '/v3/{{ input.domain }}/unsubscribes',
          bodyType: 'form',
          body: "{ 'address': input.address, 'tag': input.tag ? input.tag : '*' }",
        },
      ],
      output: "{ 'address': calls.unsubscribe.body.address, 'message': calls.unsubscribe.body.message }",
    },
  ],
};
