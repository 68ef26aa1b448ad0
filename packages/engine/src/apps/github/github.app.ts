import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const repository = {
  name: 'repository',
  label: 'Repository',
  kind: 'dynamic-choice',
  required: true,
  help: 'owner/name',
  options: {
    request: { method: 'GET', path: '/user/repos', query: { per_page: '100', sort: 'updated', page: '{{ page }}' } },
    items: "body.{ 'label': full_name, 'value': full_name }",
    // GitHub pages with the Link header: <...&page=2>; rel="next"
    nextPage: '$match(headers.link, /[?&]page=([0-9]+)[^>]*>; rel="next"/).groups[0]',
  },
} satisfies AppFieldInput;

/** GitHub REST API (https://docs.github.com/en/rest). */
export const githubApp: AppDefinitionInput = {
  key: 'github',
  name: 'GitHub',
  description: 'Open issues, comment and label them in GitHub repositories.',
  category: 'developer',
  color: '#24292f',
  docsUrl: 'https://docs.github.com/en/rest',
  auth: {
    kind: 'oauth2',
    authorizeUrl: 'https://github.com/login/oauth/authorize',
    tokenUrl: 'https://github.com/login/oauth/access_token',
    scopes: ['repo', 'read:user'],
    pkce: false,
    headers: {
      authorization: 'Bearer {{ connection.access_token }}',
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    },
    guide: 'github.com/settings/developers → OAuth Apps → New OAuth App → Authorization callback URL.',
  },
  baseUrl: 'https://api.github.com',
  identity: { request: { method: 'GET', path: '/user' }, account: 'body.login' },
  response: { error: "body.message & (body.errors ? ' (' & $join(body.errors.(field & ' ' & code), ', ') & ')' : '')" },
  actions: [
    {
      key: 'create-issue',
      label: 'Create an issue',
      description: 'Opens an issue in a repository.',
      fields: [
        repository,
        { name: 'title', label: 'Title', kind: 'text', required: true },
        { name: 'body', label: 'Body', kind: 'long-text' },
        { name: 'labels', label: 'Labels', kind: 'list', placeholder: "['bug']" },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/repos/{{ input.repository }}/issues',
          body: "{ 'title': input.title, 'body': input.body, 'labels': input.labels }",
        },
      ],
      output: "{ 'number': calls.create.body.number, 'url': calls.create.body.html_url, 'id': calls.create.body.id }",
    },
    {
      key: 'add-comment',
      label: 'Comment on an issue or pull request',
      description: 'Adds a comment to an issue or pull request.',
      fields: [
        repository,
        { name: 'number', label: 'Issue number', kind: 'number', required: true },
        { name: 'body', label: 'Comment', kind: 'long-text', required: true },
      ],
      calls: [
        {
          id: 'comment',
          method: 'POST',
          path: '/repos/{{ input.repository }}/issues/{{ input.number }}/comments',
          body: "{ 'body': input.body }",
        },
      ],
      output: "{ 'id': calls.comment.body.id, 'url': calls.comment.body.html_url }",
    },
    {
      key: 'close-issue',
      label: 'Close an issue',
      description: 'Closes an issue as completed or not planned.',
      fields: [
        repository,
        { name: 'number', label: 'Issue number', kind: 'number', required: true },
        {
          name: 'reason',
          label: 'Reason',
          kind: 'choice',
          choices: [
            { label: 'Completed', value: 'completed' },
            { label: 'Not planned', value: 'not_planned' },
          ],
        },
      ],
      calls: [
        {
          id: 'close',
          method: 'PATCH',
          path: '/repos/{{ input.repository }}/issues/{{ input.number }}',
          body: "{ 'state': 'closed', 'state_reason': input.reason }",
        },
      ],
    },
  ],
};
