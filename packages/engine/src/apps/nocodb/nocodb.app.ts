import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const base = {
  name: 'baseId',
  label: 'Base',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/api/v2/meta/bases/' },
    items: "body.list.{ 'label': title, 'value': id }",
  },
} satisfies AppFieldInput;

const table = {
  name: 'tableId',
  label: 'Table',
  kind: 'dynamic-choice',
  required: true,
  help: 'The table ID (m...), shown in the URL when the table is open.',
  options: {
    request: { method: 'GET', path: '/api/v2/meta/bases/{{ input.baseId }}/tables' },
    items: "body.list.{ 'label': title, 'value': id }",
    dependsOn: ['baseId'],
  },
} satisfies AppFieldInput;

const recordId = {
  name: 'recordId',
  label: 'Record ID',
  kind: 'number',
  required: true,
  help: 'The Id of the record.',
} satisfies AppFieldInput;

/** NocoDB v2 Data API (https://nocodb.com/docs/apis) with an API token in the `xc-token` header; cloud or self-hosted. */
export const nocodbApp: AppDefinitionInput = {
  key: 'nocodb',
  name: 'NocoDB',
  description: 'Create, update, read and list records of NocoDB tables, cloud or self-hosted.',
  category: 'data',
  color: '#3366ff',
  docsUrl: 'https://nocodb.com/docs/apis',
  auth: {
    kind: 'api-key',
    fields: [
      { name: 'token', label: 'API token', secret: true, help: 'Account settings → Tokens → Create new token.' },
      {
        name: 'serverUrl',
        label: 'Server URL',
        required: false,
        placeholder: 'https://app.nocodb.com',
        help: 'Your NocoDB address when self-hosted; empty for NocoDB cloud.',
      },
    ],
    headers: { 'xc-token': '{{ connection.token }}' },
  },
  baseUrl: "{{ connection.serverUrl ? connection.serverUrl : 'https://app.nocodb.com' }}",
  identity: { request: { method: 'GET', path: '/api/v1/auth/user/me' }, account: 'body.email' },
  response: { error: 'body.msg ? body.msg : body.message' },
  actions: [
    {
      key: 'create-record',
      label: 'Create a record',
      description: 'Adds a record; the values are keyed by field title.',
      fields: [
        base,
        table,
        { name: 'fields', label: 'Values', kind: 'json', required: true, placeholder: "{ 'Title': trigger.body.name }" },
      ],
      calls: [{ id: 'create', method: 'POST', path: '/api/v2/tables/{{ input.tableId }}/records', body: 'input.fields' }],
      output: "{ 'id': calls.create.body.Id }",
    },
    {
      key: 'update-record',
      label: 'Update a record',
      description: 'Changes the values given of a record, by its Id.',
      fields: [base, table, recordId, { name: 'fields', label: 'Values', kind: 'json', required: true }],
      calls: [
        {
          id: 'update',
          method: 'PATCH',
          path: '/api/v2/tables/{{ input.tableId }}/records',
          body: "$merge([input.fields, { 'Id': input.recordId }])",
        },
      ],
      output: "($b := calls.update.body; { 'id': $type($b) = 'array' ? $b[0].Id : $b.Id })",
    },
    {
      key: 'get-record',
      label: 'Get a record',
      description: 'Returns a record by its Id.',
      fields: [base, table, recordId],
      calls: [{ id: 'get', method: 'GET', path: '/api/v2/tables/{{ input.tableId }}/records/{{ input.recordId }}' }],
      output: 'calls.get.body',
    },
    {
      key: 'list-records',
      label: 'List records',
      description: 'Lists records, filtered with a where clause and sorted, one page (at most 1000).',
      fields: [
        base,
        table,
        { name: 'where', label: 'Filter', kind: 'text', placeholder: '(Status,eq,Open)' },
        { name: 'sort', label: 'Sort', kind: 'text', placeholder: '-CreatedAt' },
        { name: 'limit', label: 'At most', kind: 'number', help: 'Default 25.' },
        { name: 'offset', label: 'Skip', kind: 'number' },
      ],
      calls: [
        {
          id: 'list',
          method: 'GET',
          path: '/api/v2/tables/{{ input.tableId }}/records',
          query: { where: '{{ input.where }}', sort: '{{ input.sort }}', limit: '{{ input.limit }}', offset: '{{ input.offset }}' },
        },
      ],
      output:
        "{ 'records': [calls.list.body.list], 'total': calls.list.body.pageInfo.totalRows, 'isLastPage': calls.list.body.pageInfo.isLastPage }",
    },
  ],
};
