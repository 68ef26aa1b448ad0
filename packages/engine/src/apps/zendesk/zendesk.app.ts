import type { AppDefinitionInput } from '../app-definition.schema';

/** Zendesk Support API v2 on the account's own subdomain (https://developer.zendesk.com/api-reference/ticketing/introduction/). */
export const zendeskApp: AppDefinitionInput = {
  key: 'zendesk',
  name: 'Zendesk',
  description: 'Create tickets, comment on them and look up users in Zendesk Support.',
  category: 'support',
  color: '#03363d',
  docsUrl: 'https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/',
  auth: {
    kind: 'basic',
    fields: [
      { name: 'subdomain', label: 'Subdomain', secret: false, placeholder: 'mycompany', help: 'The mycompany of mycompany.zendesk.com.' },
      { name: 'email', label: 'Agent e-mail', secret: false },
      { name: 'apiToken', label: 'API token', secret: true, help: 'Admin Center → Apps and integrations → Zendesk API → API tokens.' },
    ],
    headers: { authorization: "Basic {{ $base64encode(connection.email & '/token:' & connection.apiToken) }}" },
  },
  baseUrl: 'https://{{ connection.subdomain }}.zendesk.com/api/v2',
  identity: { request: { method: 'GET', path: '/users/me' }, account: 'body.user.email' },
  response: { error: 'body.description ? body.description : (body.error.message ? body.error.message : body.error)' },
  actions: [
    {
      key: 'create-ticket',
      label: 'Create a ticket',
      description: 'Creates a ticket whose first comment is the description (Tickets: Create Ticket).',
      fields: [
        { name: 'subject', label: 'Subject', kind: 'text', required: true },
        { name: 'body', label: 'Description', kind: 'long-text', required: true },
        {
          name: 'priority',
          label: 'Priority',
          kind: 'choice',
          choices: [
            { label: 'Urgent', value: 'urgent' },
            { label: 'High', value: 'high' },
            { label: 'Normal', value: 'normal' },
            { label: 'Low', value: 'low' },
          ],
        },
        {
          name: 'groupId',
          label: 'Group',
          kind: 'dynamic-choice',
          options: { request: { method: 'GET', path: '/groups' }, items: "body.groups.{ 'label': name, 'value': $string(id) }" },
        },
        { name: 'requesterEmail', label: 'Requester e-mail', kind: 'text' },
        { name: 'requesterName', label: 'Requester name', kind: 'text' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/tickets',
          body: `{ 'ticket': {
            'subject': input.subject,
            'comment': { 'body': input.body },
            'priority': input.priority,
            'group_id': input.groupId ? $number(input.groupId) : undefined,
            'requester': input.requesterEmail ? { 'email': input.requesterEmail, 'name': input.requesterName } : undefined
          } }`,
        },
      ],
      output: "{ 'id': calls.create.body.ticket.id, 'status': calls.create.body.ticket.status, 'url': calls.create.body.ticket.url }",
    },
    {
      key: 'add-comment',
      label: 'Comment on a ticket',
      description: 'Adds a public reply or an internal note to a ticket, and may change its status (Tickets: Update Ticket).',
      fields: [
        { name: 'ticketId', label: 'Ticket id', kind: 'number', required: true },
        { name: 'body', label: 'Comment', kind: 'long-text', required: true },
        { name: 'public', label: 'Public reply', kind: 'boolean', help: 'Off: an internal note only agents see.' },
        {
          name: 'status',
          label: 'New status',
          kind: 'choice',
          choices: [
            { label: 'Open', value: 'open' },
            { label: 'Pending', value: 'pending' },
            { label: 'On-hold', value: 'hold' },
            { label: 'Solved', value: 'solved' },
          ],
        },
      ],
      calls: [
        {
          id: 'update',
          method: 'PUT',
          path: '/tickets/{{ input.ticketId }}',
          body: "{ 'ticket': { 'comment': { 'body': input.body, 'public': input.public = true }, 'status': input.status } }",
        },
      ],
      output: "{ 'id': calls.update.body.ticket.id, 'status': calls.update.body.ticket.status }",
    },
    {
      key: 'find-user-by-email',
      label: 'Find a user by e-mail',
      description: 'Searches users by e-mail (Users: Search Users); `found` is false when there is none.',
      fields: [{ name: 'email', label: 'E-mail', kind: 'text', required: true }],
      calls: [{ id: 'search', method: 'GET', path: '/users/search', query: { query: '{{ input.email }}' } }],
      output: "{ 'found': $count(calls.search.body.users) > 0, 'user': calls.search.body.users[0] }",
    },
  ],
};
