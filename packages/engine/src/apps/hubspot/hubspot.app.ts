import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const pipeline = {
  name: 'pipeline',
  label: 'Pipeline',
  kind: 'dynamic-choice',
  required: true,
  options: { request: { method: 'GET', path: '/crm/v3/pipelines/deals' }, items: "body.results.{ 'label': label, 'value': id }" },
} satisfies AppFieldInput;

/** HubSpot CRM API v3 (https://developers.hubspot.com/docs/api/crm). */
export const hubspotApp: AppDefinitionInput = {
  key: 'hubspot',
  name: 'HubSpot',
  description: 'Create and update contacts and deals in HubSpot CRM.',
  category: 'crm',
  color: '#ff7a59',
  docsUrl: 'https://developers.hubspot.com/docs/api/crm/contacts',
  auth: {
    kind: 'oauth2',
    authorizeUrl: 'https://app.hubspot.com/oauth/authorize',
    tokenUrl: 'https://api.hubapi.com/oauth/v1/token',
    scopes: ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.deals.read', 'crm.objects.deals.write'],
    pkce: false,
    guide: 'developers.hubspot.com → Apps → your app → Auth → Redirect URLs.',
  },
  baseUrl: 'https://api.hubapi.com',
  identity: { request: { method: 'GET', path: '/account-info/v3/details' }, account: "'Portal ' & $string(body.portalId)" },
  response: { error: 'body.message' },
  actions: [
    {
      key: 'upsert-contact',
      label: 'Create or update a contact',
      description: 'Finds the contact by e-mail and updates it, or creates it.',
      fields: [
        { name: 'email', label: 'E-mail', kind: 'text', required: true },
        { name: 'firstname', label: 'First name', kind: 'text' },
        { name: 'lastname', label: 'Last name', kind: 'text' },
        { name: 'properties', label: 'Other properties', kind: 'key-value', placeholder: "{ 'company': trigger.body.company }" },
      ],
      calls: [
        {
          id: 'find',
          method: 'POST',
          path: '/crm/v3/objects/contacts/search',
          body: "{ 'filterGroups': [{ 'filters': [{ 'propertyName': 'email', 'operator': 'EQ', 'value': input.email }] }], 'limit': 1 }",
        },
        {
          id: 'update',
          when: 'calls.find.body.total > 0',
          method: 'PATCH',
          path: '/crm/v3/objects/contacts/{{ calls.find.body.results[0].id }}',
          body: "{ 'properties': $merge([input.properties ? input.properties : {}, { 'email': input.email, 'firstname': input.firstname, 'lastname': input.lastname }]) }",
        },
        {
          id: 'create',
          when: 'calls.find.body.total = 0',
          method: 'POST',
          path: '/crm/v3/objects/contacts',
          body: "{ 'properties': $merge([input.properties ? input.properties : {}, { 'email': input.email, 'firstname': input.firstname, 'lastname': input.lastname }]) }",
        },
      ],
      output: "$merge([calls.update ? calls.update.body : calls.create.body, { 'created': $exists(calls.create) }])",
    },
    {
      key: 'create-deal',
      label: 'Create a deal',
      description: 'Creates a deal in a pipeline stage.',
      fields: [
        { name: 'dealname', label: 'Deal name', kind: 'text', required: true },
        pipeline,
        {
          name: 'dealstage',
          label: 'Stage',
          kind: 'dynamic-choice',
          required: true,
          options: {
            request: { method: 'GET', path: '/crm/v3/pipelines/deals/{{ input.pipeline }}/stages' },
            items: "body.results.{ 'label': label, 'value': id }",
            dependsOn: ['pipeline'],
          },
        },
        { name: 'amount', label: 'Amount', kind: 'number' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/crm/v3/objects/deals',
          body: "{ 'properties': { 'dealname': input.dealname, 'pipeline': input.pipeline, 'dealstage': input.dealstage, 'amount': input.amount } }",
        },
      ],
    },
    {
      key: 'find-contact',
      label: 'Find a contact',
      description: 'Finds a contact by e-mail; empty when there is none.',
      fields: [{ name: 'email', label: 'E-mail', kind: 'text', required: true }],
      calls: [
        {
          id: 'find',
          method: 'POST',
          path: '/crm/v3/objects/contacts/search',
          body: "{ 'filterGroups': [{ 'filters': [{ 'propertyName': 'email', 'operator': 'EQ', 'value': input.email }] }], 'limit': 1 }",
        },
      ],
      output: "{ 'found': calls.find.body.total > 0, 'contact': calls.find.body.results[0] }",
    },
  ],
};
