import type { AppDefinitionInput } from '../app-definition.schema';

/** Freshdesk API v2 on the helpdesk's own subdomain (https://developers.freshdesk.com/api/). */
export const freshdeskApp: AppDefinitionInput = {
  key: 'freshdesk',
  name: 'Freshdesk',
  description: 'Create tickets, add notes and replies, and find contacts in Freshdesk.',
  category: 'support',
  color: '#25c16f',
  docsUrl: 'https://developers.freshdesk.com/api/#tickets',
  auth: {
    kind: 'basic',
    fields: [
      { name: 'subdomain', label: 'Subdomain', secret: false, placeholder: 'mycompany', help: 'The mycompany of mycompany.freshdesk.com.' },
      { name: 'apiKey', label: 'API key', secret: true, help: 'Profile settings → View API key.' },
    ],
    headers: { authorization: "Basic {{ $base64encode(connection.apiKey & ':X') }}" },
  },
  baseUrl: 'https://{{ connection.subdomain }}.freshdesk.com/api/v2',
  identity: { request: { method: 'GET', path: '/agents/me' }, account: 'body.contact.email' },
  response: {
    error:
      "body.errors ? body.description & ': ' & $join(body.errors.(field & ' ' & message), '; ') : (body.message ? body.message : body.description)",
  },
  actions: [
    {
      key: 'create-ticket',
      label: 'Create a ticket',
      description: 'Opens a ticket for a requester e-mail (Create a Ticket).',
      fields: [
        { name: 'email', label: 'Requester e-mail', kind: 'text', required: true },
        { name: 'subject', label: 'Subject', kind: 'text', required: true },
        { name: 'description', label: 'Description (HTML)', kind: 'long-text', required: true },
        {
          name: 'priority',
          label: 'Priority',
          kind: 'choice',
          required: true,
          choices: [
            { label: 'Low', value: '1' },
            { label: 'Medium', value: '2' },
            { label: 'High', value: '3' },
            { label: 'Urgent', value: '4' },
          ],
        },
        {
          name: 'status',
          label: 'Status',
          kind: 'choice',
          required: true,
          choices: [
            { label: 'Open', value: '2' },
            { label: 'Pending', value: '3' },
            { label: 'Resolved', value: '4' },
            { label: 'Closed', value: '5' },
          ],
        },
        {
          name: 'groupId',
          label: 'Group',
          kind: 'dynamic-choice',
          options: { request: { method: 'GET', path: '/groups' }, items: "body.{ 'label': name, 'value': $string(id) }" },
        },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/tickets',
          body: `{
            'email': input.email,
            'subject': input.subject,
            'description': input.description,
            'priority': $number(input.priority),
            'status': $number(input.status),
            'group_id': input.groupId ? $number(input.groupId) : undefined
          }`,
        },
      ],
      output: "{ 'id': calls.create.body.id, 'status': calls.create.body.status, 'requesterId': calls.create.body.requester_id }",
    },
    {
      key: 'add-note',
      label: 'Add a note to a ticket',
      description: 'Adds a private (agents only) or public note to a ticket (Create a Note).',
      fields: [
        { name: 'ticketId', label: 'Ticket id', kind: 'number', required: true },
        { name: 'body', label: 'Note (HTML)', kind: 'long-text', required: true },
        { name: 'private', label: 'Private', kind: 'boolean', help: 'Off: the requester can see the note.' },
      ],
      calls: [
        {
          id: 'note',
          method: 'POST',
          path: '/tickets/{{ input.ticketId }}/notes',
          body: "{ 'body': input.body, 'private': input.private = true }",
        },
      ],
      output: "{ 'id': calls.note.body.id, 'ticketId': calls.note.body.ticket_id }",
    },
    {
      key: 'find-contact',
      label: 'Find a contact by e-mail',
      description: 'Lists the contacts with an e-mail (List All Contacts, filtered by email); `found` is false when none.',
      fields: [{ name: 'email', label: 'E-mail', kind: 'text', required: true }],
      calls: [{ id: 'list', method: 'GET', path: '/contacts', query: { email: '{{ input.email }}' } }],
      output: "{ 'found': $count(calls.list.body) > 0, 'contact': calls.list.body[0] }",
    },
  ],
};
