import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const spreadsheet = {
  name: 'spreadsheetId',
  label: 'Spreadsheet',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: {
      method: 'GET',
      path: 'https://www.googleapis.com/drive/v3/files',
      query: {
        q: "mimeType='application/vnd.google-apps.spreadsheet' and trashed=false",
        fields: 'nextPageToken,files(id,name)',
        pageSize: '100',
        pageToken: '{{ page }}',
      },
    },
    items: "body.files.{ 'label': name, 'value': id }",
    nextPage: 'body.nextPageToken',
  },
} satisfies AppFieldInput;

const sheet = {
  name: 'sheet',
  label: 'Sheet',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/spreadsheets/{{ input.spreadsheetId }}', query: { fields: 'sheets.properties' } },
    items: "body.sheets.properties.{ 'label': title, 'value': title }",
    dependsOn: ['spreadsheetId'],
  },
} satisfies AppFieldInput;

const range = "$encodeUrlComponent(\"'\" & input.sheet & \"'\" & (input.range ? '!' & input.range : ''))";

/** Google Sheets API v4 (https://developers.google.com/sheets/api/reference/rest). */
export const googleSheetsApp: AppDefinitionInput = {
  key: 'google-sheets',
  name: 'Google Sheets',
  description: 'Add rows to and read ranges of Google spreadsheets.',
  category: 'data',
  color: '#0f9d58',
  docsUrl: 'https://developers.google.com/sheets/api/reference/rest',
  auth: {
    kind: 'oauth2',
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    scopes: [
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/drive.metadata.readonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ],
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
    guide:
      'console.cloud.google.com → APIs & Services → Credentials → OAuth client ID (Web application) → Authorized redirect URIs. Enable the Sheets and Drive APIs.',
  },
  baseUrl: 'https://sheets.googleapis.com/v4',
  identity: { request: { method: 'GET', path: 'https://www.googleapis.com/oauth2/v3/userinfo' }, account: 'body.email' },
  response: { error: 'body.error.message' },
  actions: [
    {
      key: 'add-row',
      label: 'Add a row',
      description: 'Appends a row after the last row of a sheet (spreadsheets.values.append).',
      fields: [
        spreadsheet,
        sheet,
        { name: 'values', label: 'Values', kind: 'list', required: true, placeholder: '[trigger.body.name, trigger.body.email]' },
      ],
      calls: [
        {
          id: 'append',
          method: 'POST',
          path: `/spreadsheets/{{ input.spreadsheetId }}/values/{{ ${range} }}:append`,
          query: { valueInputOption: 'USER_ENTERED', insertDataOption: 'INSERT_ROWS' },
          body: "{ 'values': [[input.values]] }",
        },
      ],
      output: 'calls.append.body.updates',
    },
    {
      key: 'get-values',
      label: 'Read a range',
      description: 'Reads the values of a range (spreadsheets.values.get).',
      fields: [spreadsheet, sheet, { name: 'range', label: 'Range', kind: 'text', placeholder: 'A1:D10', help: 'Empty: the whole sheet.' }],
      calls: [{ id: 'get', method: 'GET', path: `/spreadsheets/{{ input.spreadsheetId }}/values/{{ ${range} }}` }],
      output: "{ 'range': calls.get.body.range, 'values': calls.get.body.values ? calls.get.body.values : [] }",
    },
    {
      key: 'update-values',
      label: 'Update a range',
      description: 'Writes rows of values into a range (spreadsheets.values.update).',
      fields: [
        spreadsheet,
        sheet,
        { name: 'range', label: 'Range', kind: 'text', required: true, placeholder: 'A2:C2' },
        { name: 'rows', label: 'Rows', kind: 'list', required: true, placeholder: '[[trigger.body.name, trigger.body.total]]' },
      ],
      calls: [
        {
          id: 'update',
          method: 'PUT',
          path: `/spreadsheets/{{ input.spreadsheetId }}/values/{{ ${range} }}`,
          query: { valueInputOption: 'USER_ENTERED' },
          body: "{ 'values': input.rows }",
        },
      ],
    },
    {
      key: 'create-spreadsheet',
      label: 'Create a spreadsheet',
      description: 'Creates a new spreadsheet (spreadsheets.create).',
      fields: [{ name: 'title', label: 'Title', kind: 'text', required: true }],
      calls: [{ id: 'create', method: 'POST', path: '/spreadsheets', body: "{ 'properties': { 'title': input.title } }" }],
      output: "{ 'spreadsheetId': calls.create.body.spreadsheetId, 'url': calls.create.body.spreadsheetUrl }",
    },
  ],
};
