import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const base = {
  name: 'baseId',
  label: 'Base',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/meta/bases', query: { offset: '{{ page }}' } },
    items: "body.bases.{ 'label': name, 'value': id }",
    nextPage: 'body.offset',
  },
} satisfies AppFieldInput;

const table = {
  name: 'table',
  label: 'Table',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/meta/bases/{{ input.baseId }}/tables' },
    items: "body.tables.{ 'label': name, 'value': id }",
    dependsOn: ['baseId'],
  },
} satisfies AppFieldInput;

/** Airtable Web API (https://airtable.com/developers/web/api/introduction) with a personal access token. */
export const airtableApp: AppDefinitionInput = {
  key: 'airtable',
  name: 'Airtable',
  description: 'Create and find records in Airtable bases.',
  category: 'data',
  color: '#18bfff',
  docsUrl: 'https://airtable.com/developers/web/api/introduction',
  auth: {
    kind: 'bearer',
    fields: [
      {
        name: 'token',
        label: 'Personal access token',
        secret: true,
        placeholder: 'pat…',
        help: 'airtable.com/create/tokens: scopes data.records:read/write and schema.bases:read.',
      },
    ],
    headers: { authorization: 'Bearer {{ connection.token }}' },
  },
  baseUrl: 'https://api.airtable.com/v0',
  identity: { request: { method: 'GET', path: '/meta/whoami' }, account: 'body.email ? body.email : body.id' },
  response: { error: "body.error.message ? body.error.message : body.error.type & (body.error ? '' : '')" },
  actions: [
    {
      key: 'create-record',
      label: 'Create a record',
      description: 'Adds a record to a table; field values by field name (typecast on).',
      fields: [
        base,
        table,
        { name: 'fields', label: 'Fields', kind: 'key-value', required: true, placeholder: "{ 'Name': trigger.body.name }" },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/{{ input.baseId }}/{{ input.table }}',
          body: "{ 'fields': input.fields, 'typecast': true }",
        },
      ],
    },
    {
      key: 'find-records',
      label: 'Find records',
      description: 'Lists the records that match an Airtable formula.',
      fields: [
        base,
        table,
        { name: 'formula', label: 'Formula', kind: 'text', placeholder: "{Email} = 'ann@example.org'" },
        { name: 'maxRecords', label: 'At most', kind: 'number' },
      ],
      calls: [
        {
          id: 'list',
          method: 'GET',
          path: '/{{ input.baseId }}/{{ input.table }}',
          query: { filterByFormula: '{{ input.formula }}', maxRecords: '{{ input.maxRecords }}' },
        },
      ],
      output: "{ 'records': calls.list.body.records ? calls.list.body.records : [] }",
    },
  ],
};
