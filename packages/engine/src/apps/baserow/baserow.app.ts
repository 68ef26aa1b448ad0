import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const table = {
  name: 'tableId',
  label: 'Table',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/api/database/tables/all-tables/' },
    items: "body.{ 'label': name, 'value': $string(id) }",
  },
} satisfies AppFieldInput;

/** Baserow REST API (https://api.baserow.io/api/redoc/) with a database token; Baserow cloud or self-hosted. */
export const baserowApp: AppDefinitionInput = {
  key: 'baserow',
  name: 'Baserow',
  description: 'Create, update and search rows of Baserow tables (cloud or self-hosted).',
  category: 'data',
  color: '#4f5bd5',
  docsUrl: 'https://baserow.io/api-docs',
  auth: {
    kind: 'api-key',
    fields: [
      { name: 'token', label: 'Database token', secret: true, help: 'Settings → Database tokens → Create token.' },
      {
        name: 'serverUrl',
        label: 'Server URL',
        secret: false,
        placeholder: 'https://api.baserow.io',
        help: 'https://api.baserow.io for Baserow cloud.',
      },
    ],
    headers: { authorization: 'Token {{ connection.token }}' },
  },
  baseUrl: '{{ connection.serverUrl }}',
  identity: { request: { method: 'GET', path: '/api/database/tokens/check/' }, account: "'Baserow database token'" },
  response: { error: "body.detail ? ($type(body.detail) = 'string' ? body.detail : $string(body.detail)) : body.error" },
  actions: [
    {
      key: 'create-row',
      label: 'Create a row',
      description: 'Adds a row; values are keyed by field name (user_field_names=true).',
      fields: [
        table,
        {
          name: 'values',
          label: 'Values',
          kind: 'json',
          required: true,
          help: "An object: { 'Name': trigger.body.name, 'Active': true }.",
        },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/api/database/rows/table/{{ input.tableId }}/',
          query: { user_field_names: 'true' },
          body: 'input.values',
        },
      ],
    },
    {
      key: 'update-row',
      label: 'Update a row',
      description: 'Changes the given fields of a row, by field name (PATCH, user_field_names=true).',
      fields: [
        table,
        { name: 'rowId', label: 'Row id', kind: 'number', required: true },
        { name: 'values', label: 'Values', kind: 'json', required: true },
      ],
      calls: [
        {
          id: 'update',
          method: 'PATCH',
          path: '/api/database/rows/table/{{ input.tableId }}/{{ input.rowId }}/',
          query: { user_field_names: 'true' },
          body: 'input.values',
        },
      ],
    },
    {
      key: 'search-rows',
      label: 'Search rows',
      description: 'Lists rows matching a search text, first page (list rows with search, user_field_names=true).',
      fields: [
        table,
        { name: 'search', label: 'Search', kind: 'text' },
        { name: 'size', label: 'At most', kind: 'number', help: 'Default 100, at most 200.' },
      ],
      calls: [
        {
          id: 'list',
          method: 'GET',
          path: '/api/database/rows/table/{{ input.tableId }}/',
          query: { user_field_names: 'true', search: '{{ input.search }}', size: '{{ input.size ? input.size : 100 }}' },
        },
      ],
      output: "{ 'count': calls.list.body.count, 'rows': [calls.list.body.results] }",
    },
  ],
};
