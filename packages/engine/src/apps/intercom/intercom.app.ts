import type { AppDefinitionInput } from '../app-definition.schema';

/** Intercom REST API 2.11 (https://developers.intercom.com/docs/references/2.11/rest-api/api.intercom.io/). */
export const intercomApp: AppDefinitionInput = {
  key: 'intercom',
  name: 'Intercom',
  description: 'Create and find contacts in Intercom and add notes to them.',
  category: 'support',
  color: '#286efa',
  docsUrl: 'https://developers.intercom.com/docs/references/2.11/rest-api/api.intercom.io/contacts',
  auth: {
    kind: 'bearer',
    fields: [
      { name: 'accessToken', label: 'Access token', secret: true, help: 'Developer Hub → your app → Authentication → Access token.' },
      {
        name: 'region',
        label: 'Data region',
        secret: false,
        required: false,
        placeholder: 'eu',
        help: 'Empty for the US workspace; eu or au for a workspace hosted in Europe or Australia.',
      },
    ],
    headers: { authorization: 'Bearer {{ connection.accessToken }}', 'intercom-version': '2.11', accept: 'application/json' },
  },
  baseUrl: "https://api{{ connection.region ? '.' & connection.region : '' }}.intercom.io",
  identity: { request: { method: 'GET', path: '/me' }, account: "body.email & ' (' & body.app.name & ')'" },
  response: { error: "$join(body.errors.(message & ' (' & code & ')'), '; ')" },
  actions: [
    {
      key: 'create-contact',
      label: 'Create a contact',
      description: 'Creates a user or a lead (Contacts: Create contact).',
      fields: [
        {
          name: 'role',
          label: 'Role',
          kind: 'choice',
          required: true,
          choices: [
            { label: 'User', value: 'user' },
            { label: 'Lead', value: 'lead' },
          ],
        },
        { name: 'email', label: 'E-mail', kind: 'text', required: true },
        { name: 'name', label: 'Name', kind: 'text' },
        { name: 'phone', label: 'Phone', kind: 'text' },
        { name: 'externalId', label: 'External id', kind: 'text', help: 'Your own id of the user.' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/contacts',
          body: "{ 'role': input.role, 'email': input.email, 'name': input.name, 'phone': input.phone, 'external_id': input.externalId }",
        },
      ],
      output: "{ 'id': calls.create.body.id, 'role': calls.create.body.role, 'email': calls.create.body.email }",
    },
    {
      key: 'find-contact',
      label: 'Find a contact by e-mail',
      description: 'Searches contacts whose e-mail is the given one (Contacts: Search contacts); `found` is false when none.',
      fields: [{ name: 'email', label: 'E-mail', kind: 'text', required: true }],
      calls: [
        {
          id: 'search',
          method: 'POST',
          path: '/contacts/search',
          body: "{ 'query': { 'field': 'email', 'operator': '=', 'value': input.email } }",
        },
      ],
      output: "{ 'found': calls.search.body.total_count > 0, 'contact': calls.search.body.data[0] }",
    },
    {
      key: 'add-note',
      label: 'Add a note to a contact',
      description: 'Adds a note to a contact, written by a teammate (Notes: Create a note).',
      fields: [
        { name: 'contactId', label: 'Contact id', kind: 'text', required: true },
        { name: 'body', label: 'Note', kind: 'long-text', required: true },
        {
          name: 'adminId',
          label: 'Author',
          kind: 'dynamic-choice',
          required: true,
          options: {
            request: { method: 'GET', path: '/admins' },
            items: "body.admins.{ 'label': name & ' <' & email & '>', 'value': id }",
          },
        },
      ],
      calls: [
        {
          id: 'note',
          method: 'POST',
          path: '/contacts/{{ input.contactId }}/notes',
          body: "{ 'body': input.body, 'admin_id': input.adminId }",
        },
      ],
      output: "{ 'id': calls.note.body.id, 'createdAt': calls.note.body.created_at }",
    },
  ],
};
