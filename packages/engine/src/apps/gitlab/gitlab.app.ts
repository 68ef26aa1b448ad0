import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const project = {
  name: 'project',
  label: 'Project',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: {
      method: 'GET',
      path: '/projects',
      query: { membership: 'true', per_page: '100', order_by: 'last_activity_at', page: '{{ page }}' },
    },
    items: "body.{ 'label': path_with_namespace, 'value': $string(id) }",
    // GitLab answers the next page number in X-Next-Page (empty on the last page).
    nextPage: "headers.'x-next-page'",
  },
} satisfies AppFieldInput;

/** GitLab REST API v4 (https://docs.gitlab.com/ee/api/rest/), on gitlab.com or a self-managed instance. */
export const gitlabApp: AppDefinitionInput = {
  key: 'gitlab',
  name: 'GitLab',
  description: 'Open issues and comment on them in GitLab.com or your own GitLab.',
  category: 'developer',
  color: '#fc6d26',
  docsUrl: 'https://docs.gitlab.com/ee/api/issues.html',
  auth: {
    kind: 'oauth2',
    fields: [
      {
        name: 'instanceUrl',
        label: 'GitLab URL',
        placeholder: 'https://gitlab.com',
        help: 'gitlab.com or your own instance.',
        secret: false,
        required: true,
      },
    ],
    authorizeUrl: '{{ connection.instanceUrl }}/oauth/authorize',
    tokenUrl: '{{ connection.instanceUrl }}/oauth/token',
    scopes: ['api', 'read_user'],
    pkce: true,
    guide: 'GitLab → Preferences → Applications (or Admin → Applications) → Redirect URI; scopes api and read_user.',
  },
  baseUrl: '{{ connection.instanceUrl }}/api/v4',
  identity: { request: { method: 'GET', path: '/user' }, account: "body.username & ' <' & body.email & '>'" },
  response: { error: "$type(body.message) = 'string' ? body.message : $string(body.message) & (body.error ? body.error : '')" },
  actions: [
    {
      key: 'create-issue',
      label: 'Create an issue',
      description: 'Opens an issue in a project.',
      fields: [
        project,
        { name: 'title', label: 'Title', kind: 'text', required: true },
        { name: 'description', label: 'Description', kind: 'long-text' },
        { name: 'labels', label: 'Labels', kind: 'text', placeholder: 'bug,backend' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/projects/{{ input.project }}/issues',
          body: "{ 'title': input.title, 'description': input.description, 'labels': input.labels }",
        },
      ],
      output: "{ 'iid': calls.create.body.iid, 'id': calls.create.body.id, 'url': calls.create.body.web_url }",
    },
    {
      key: 'add-comment',
      label: 'Comment on an issue',
      description: 'Adds a note to an issue.',
      fields: [
        project,
        { name: 'issue', label: 'Issue number (iid)', kind: 'number', required: true },
        { name: 'body', label: 'Comment', kind: 'long-text', required: true },
      ],
      calls: [
        {
          id: 'note',
          method: 'POST',
          path: '/projects/{{ input.project }}/issues/{{ input.issue }}/notes',
          body: "{ 'body': input.body }",
        },
      ],
      output: "{ 'id': calls.note.body.id }",
    },
  ],
};
