import type { AppDefinitionInput } from '../app-definition.schema';

/** Pipedrive API v1 on the company domain, with OAuth 2 (https://developers.pipedrive.com/docs/api/v1). */
export const pipedriveApp: AppDefinitionInput = {
  key: 'pipedrive',
  name: 'Pipedrive',
  description: 'Create persons and deals in Pipedrive and add notes to deals.',
  category: 'crm',
  color: '#017737',
  docsUrl: 'https://developers.pipedrive.com/docs/api/v1/Deals#addDeal',
  auth: {
    kind: 'oauth2',
    fields: [
      {
        name: 'companyDomain',
        label: 'Company domain',
        secret: false,
        placeholder: 'mycompany',
        help: 'The mycompany of mycompany.pipedrive.com.',
      },
    ],
    authorizeUrl: 'https://oauth.pipedrive.com/oauth/authorize',
    tokenUrl: 'https://oauth.pipedrive.com/oauth/token',
    scopes: ['deals:full', 'contacts:full'],
    clientAuth: 'basic',
  },
  baseUrl: 'https://{{ connection.companyDomain }}.pipedrive.com/api/v1',
  identity: { request: { method: 'GET', path: '/users/me' }, account: 'body.data.email' },
  response: { ok: 'body.success != false', error: "body.error & (body.error_info ? ' (' & body.error_info & ')' : '')" },
  actions: [
    {
      key: 'create-person',
      label: 'Create a person',
      description: 'Adds a contact person (Persons: Add a person).',
      fields: [
        { name: 'name', label: 'Name', kind: 'text', required: true },
        { name: 'email', label: 'E-mail', kind: 'text' },
        { name: 'phone', label: 'Phone', kind: 'text' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/persons',
          body: `{
            'name': input.name,
            'email': input.email ? [{ 'value': input.email, 'primary': true, 'label': 'work' }] : undefined,
            'phone': input.phone ? [{ 'value': input.phone, 'primary': true, 'label': 'work' }] : undefined
          }`,
        },
      ],
      output: "{ 'id': calls.create.body.data.id, 'name': calls.create.body.data.name }",
    },
    {
      key: 'create-deal',
      label: 'Create a deal',
      description: 'Adds a deal in a pipeline stage (Deals: Add a deal).',
      fields: [
        { name: 'title', label: 'Title', kind: 'text', required: true },
        { name: 'value', label: 'Value', kind: 'number' },
        { name: 'currency', label: 'Currency', kind: 'text', placeholder: 'EUR' },
        { name: 'personId', label: 'Person id', kind: 'number' },
        {
          name: 'stageId',
          label: 'Stage',
          kind: 'dynamic-choice',
          options: {
            request: { method: 'GET', path: '/stages' },
            items: "body.data.{ 'label': pipeline_name & ' → ' & name, 'value': $string(id) }",
          },
        },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/deals',
          body: `{
            'title': input.title,
            'value': input.value,
            'currency': input.currency,
            'person_id': input.personId,
            'stage_id': input.stageId ? $number(input.stageId) : undefined
          }`,
        },
      ],
      output: "{ 'id': calls.create.body.data.id, 'title': calls.create.body.data.title, 'stageId': calls.create.body.data.stage_id }",
    },
    {
      key: 'add-deal-note',
      label: 'Add a note to a deal',
      description: 'Adds an HTML note to a deal (Notes: Add a note).',
      fields: [
        { name: 'dealId', label: 'Deal id', kind: 'number', required: true },
        { name: 'content', label: 'Note (HTML)', kind: 'long-text', required: true },
      ],
      calls: [{ id: 'note', method: 'POST', path: '/notes', body: "{ 'content': input.content, 'deal_id': input.dealId }" }],
      output: "{ 'id': calls.note.body.data.id, 'dealId': calls.note.body.data.deal_id }",
    },
  ],
};
