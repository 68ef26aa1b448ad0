import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const database = {
  name: 'databaseId',
  label: 'Database',
  kind: 'dynamic-choice',
  required: true,
  help: 'Databases shared with the integration.',
  options: {
    request: {
      method: 'POST',
      path: '/search',
      body: "$merge([{ 'filter': { 'property': 'object', 'value': 'database' }, 'page_size': 100 }, page ? { 'start_cursor': page } : {}])",
    },
    items: "body.results.{ 'label': $join(title.plain_text), 'value': id }",
    nextPage: 'body.has_more ? body.next_cursor',
  },
} satisfies AppFieldInput;

// Each property value is converted by the property's type in the database's schema (read first).
const typedProperties = `$merge($each(input.properties, function($v, $k) {(
  $t := $lookup(calls.schema.body.properties, $k).type;
  { $k: $t = 'title' ? { 'title': [{ 'text': { 'content': $string($v) } }] }
      : $t = 'rich_text' ? { 'rich_text': [{ 'text': { 'content': $string($v) } }] }
      : $t = 'number' ? { 'number': $number($v) }
      : $t = 'checkbox' ? { 'checkbox': $v = true or $v = 'true' }
      : $t = 'select' ? { 'select': { 'name': $string($v) } }
      : $t = 'status' ? { 'status': { 'name': $string($v) } }
      : $t = 'multi_select' ? { 'multi_select': ($type($v) = 'string' ? $split($v, /\\s*,\\s*/) : [$v]).{ 'name': $string($) } }
      : $t = 'date' ? { 'date': { 'start': $string($v) } }
      : $t = 'url' ? { 'url': $string($v) }
      : $t = 'email' ? { 'email': $string($v) }
      : $t = 'phone_number' ? { 'phone_number': $string($v) }
      : $t = 'people' ? { 'people': [$v].{ 'id': $string($) } }
      : $t = 'relation' ? { 'relation': [$v].{ 'id': $string($) } }
      : $v }
)}))`;

// The properties of the chosen database (GET /v1/databases/{id}) as typed fields of the form.
const propertyFields = `(
  $all := [$each(body.properties, function($p, $k) {(
  $kind := $lookup({ 'title': 'text', 'rich_text': 'long-text', 'number': 'number', 'checkbox': 'boolean', 'select': 'choice',
    'status': 'choice', 'multi_select': 'multi-choice', 'date': 'date', 'url': 'url', 'email': 'email', 'phone_number': 'phone' }, $p.type);
  $kind ? {
    'key': $k,
    'label': $k,
    'type': $kind,
    'options': $p.type in ['select', 'status', 'multi_select'] ? [$lookup($p, $p.type).options.{ 'label': name, 'value': name }],
    'required': $p.type = 'title'
  }
)})];
  $append($all[required], $all[$not(required)])
)`;

/** Notion API 2022-06-28 (https://developers.notion.com/reference). */
export const notionApp: AppDefinitionInput = {
  key: 'notion',
  name: 'Notion',
  description: 'Create database items and pages in a Notion workspace.',
  category: 'data',
  color: '#191919',
  docsUrl: 'https://developers.notion.com/reference',
  auth: {
    kind: 'oauth2',
    authorizeUrl: 'https://api.notion.com/v1/oauth/authorize',
    tokenUrl: 'https://api.notion.com/v1/oauth/token',
    clientAuth: 'basic',
    pkce: false,
    authorizeParams: { owner: 'user' },
    headers: { authorization: 'Bearer {{ connection.access_token }}', 'notion-version': '2022-06-28' },
    guide: 'notion.so/my-integrations → New integration → Public → OAuth domain & URIs → Redirect URIs.',
  },
  baseUrl: 'https://api.notion.com/v1',
  identity: { request: { method: 'GET', path: '/users/me' }, account: 'body.bot.workspace_name ? body.bot.workspace_name : body.name' },
  response: { error: "body.code & ': ' & body.message" },
  actions: [
    {
      key: 'create-database-item',
      label: 'Create a database item',
      description: "Adds a page to a database; property values are typed from the database's schema.",
      fields: [
        database,
        {
          name: 'properties',
          label: 'Properties',
          kind: 'dynamic-fields',
          required: true,
          help: "The database's properties, typed from its schema; or JSONata giving names and plain values.",
          placeholder: "{ 'Name': trigger.body.title, 'Status': 'New', 'Amount': trigger.body.total }",
          fields: {
            request: { method: 'GET', path: '/databases/{{ input.databaseId }}' },
            items: propertyFields,
            dependsOn: ['databaseId'],
          },
        },
      ],
      calls: [
        { id: 'schema', method: 'GET', path: '/databases/{{ input.databaseId }}' },
        {
          id: 'create',
          method: 'POST',
          path: '/pages',
          body: `{ 'parent': { 'database_id': input.databaseId }, 'properties': ${typedProperties} }`,
        },
      ],
      output: "{ 'id': calls.create.body.id, 'url': calls.create.body.url, 'properties': calls.create.body.properties }",
    },
    {
      key: 'query-database',
      label: 'Find database items',
      description: 'Queries a database with a Notion filter (databases/query).',
      fields: [
        database,
        { name: 'filter', label: 'Filter', kind: 'json', placeholder: "{ 'property': 'Status', 'status': { 'equals': 'New' } }" },
      ],
      calls: [
        {
          id: 'query',
          method: 'POST',
          path: '/databases/{{ input.databaseId }}/query',
          body: "$merge([{ 'page_size': 100 }, input.filter ? { 'filter': input.filter } : {}])",
        },
      ],
      output: "{ 'results': calls.query.body.results, 'hasMore': calls.query.body.has_more }",
    },
    {
      key: 'append-text',
      label: 'Append text to a page',
      description: 'Adds a paragraph at the end of a page (blocks/children).',
      fields: [
        { name: 'pageId', label: 'Page id', kind: 'text', required: true },
        { name: 'text', label: 'Text', kind: 'long-text', required: true },
      ],
      calls: [
        {
          id: 'append',
          method: 'PATCH',
          path: '/blocks/{{ input.pageId }}/children',
          body: "{ 'children': [{ 'object': 'block', 'type': 'paragraph', 'paragraph': { 'rich_text': [{ 'type': 'text', 'text': { 'content': input.text } }] } }] }",
        },
      ],
    },
  ],
};
