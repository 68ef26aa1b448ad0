import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const sobject = {
  name: 'sobject',
  label: 'Object',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/data/v60.0/sobjects' },
    items: "body.sobjects[createable = true].{ 'label': label & ' (' & name & ')', 'value': name }",
  },
} satisfies AppFieldInput;

/**
 * Salesforce REST API v60.0 (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/).
 * The org's My Domain URL is typed in when connecting: the format cannot yet read `instance_url`
 * from the token answer.
 */
export const salesforceApp: AppDefinitionInput = {
  key: 'salesforce',
  name: 'Salesforce',
  description: 'Create Salesforce records (leads, contacts, any object) and query them with SOQL.',
  category: 'crm',
  color: '#00a1e0',
  docsUrl: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_list.htm',
  auth: {
    kind: 'oauth2',
    fields: [
      {
        name: 'instanceUrl',
        label: 'My Domain URL',
        secret: false,
        placeholder: 'https://mycompany.my.salesforce.com',
        help: 'Setup → My Domain → Current My Domain URL.',
      },
    ],
    authorizeUrl: '{{ connection.instanceUrl }}/services/oauth2/authorize',
    tokenUrl: '{{ connection.instanceUrl }}/services/oauth2/token',
    scopes: ['api', 'refresh_token'],
    pkce: true,
  },
  baseUrl: '{{ connection.instanceUrl }}/services',
  identity: { request: { method: 'GET', path: '/oauth2/userinfo' }, account: 'body.email' },
  response: { error: "$join(body.(message & (errorCode ? ' (' & errorCode & ')' : '')), '; ')" },
  actions: [
    {
      key: 'create-record',
      label: 'Create a record',
      description: 'Creates a record of any object from field API names and values (sObject Basic Information: POST).',
      fields: [
        sobject,
        { name: 'values', label: 'Fields', kind: 'json', required: true, help: "An object of API names: { 'Name': 'Express Logistics' }." },
      ],
      calls: [{ id: 'create', method: 'POST', path: '/data/v60.0/sobjects/{{ input.sobject }}/', body: 'input.values' }],
      output: "{ 'id': calls.create.body.id, 'success': calls.create.body.success }",
    },
    {
      key: 'create-lead',
      label: 'Create a lead',
      description: 'Creates a lead (sObject Basic Information: POST on Lead).',
      fields: [
        { name: 'lastName', label: 'Last name', kind: 'text', required: true },
        { name: 'firstName', label: 'First name', kind: 'text' },
        { name: 'company', label: 'Company', kind: 'text', required: true },
        { name: 'email', label: 'E-mail', kind: 'text' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/data/v60.0/sobjects/Lead/',
          body: "{ 'LastName': input.lastName, 'FirstName': input.firstName, 'Company': input.company, 'Email': input.email }",
        },
      ],
      output: "{ 'id': calls.create.body.id, 'success': calls.create.body.success }",
    },
    {
      key: 'query',
      label: 'Query records (SOQL)',
      description: 'Runs a SOQL query and gives the first batch of records (Query).',
      fields: [
        { name: 'soql', label: 'SOQL', kind: 'long-text', required: true, placeholder: "SELECT Id, Name FROM Account WHERE Name = 'Acme'" },
      ],
      calls: [{ id: 'query', method: 'GET', path: '/data/v60.0/query/', query: { q: '{{ input.soql }}' } }],
      output: "{ 'totalSize': calls.query.body.totalSize, 'done': calls.query.body.done, 'records': [calls.query.body.records] }",
    },
  ],
};
