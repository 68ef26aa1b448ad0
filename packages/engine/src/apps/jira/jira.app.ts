import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const project = {
  name: 'projectKey',
  label: 'Project',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/project/search', query: { maxResults: '50', startAt: '{{ page }}' } },
    items: "body.values.{ 'label': name & ' (' & key & ')', 'value': key }",
    nextPage: 'body.isLast ? undefined : $string(body.startAt + body.maxResults)',
  },
} satisfies AppFieldInput;

/** A one-paragraph Atlassian Document Format document (descriptions and comments of REST API v3 are ADF). */
const adf = (text: string) =>
  `{ 'type': 'doc', 'version': 1, 'content': [{ 'type': 'paragraph', 'content': [{ 'type': 'text', 'text': ${text} }] }] }`;

/** Jira Cloud platform REST API v3 on the site's host (https://developer.atlassian.com/cloud/jira/platform/rest/v3/). */
export const jiraApp: AppDefinitionInput = {
  key: 'jira',
  name: 'Jira Cloud',
  description: 'Create Jira issues, comment on them and search them with JQL.',
  category: 'work',
  color: '#0052cc',
  docsUrl: 'https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/',
  auth: {
    kind: 'basic',
    fields: [
      { name: 'site', label: 'Site', secret: false, placeholder: 'your-domain', help: 'The your-domain of your-domain.atlassian.net.' },
      { name: 'email', label: 'Atlassian account e-mail', secret: false },
      { name: 'apiToken', label: 'API token', secret: true, help: 'id.atlassian.com → Security → Create and manage API tokens.' },
    ],
    headers: { authorization: "Basic {{ $base64encode(connection.email & ':' & connection.apiToken) }}" },
  },
  baseUrl: 'https://{{ connection.site }}.atlassian.net/rest/api/3',
  identity: { request: { method: 'GET', path: '/myself' }, account: 'body.emailAddress ? body.emailAddress : body.displayName' },
  response: {
    error: "$join($append(body.errorMessages, $each(body.errors, function($v, $k) { $k & ': ' & $v })), '; ')",
  },
  actions: [
    {
      key: 'create-issue',
      label: 'Create an issue',
      description: 'Creates an issue in a project (Issues: Create issue); the description becomes one ADF paragraph.',
      fields: [
        project,
        {
          name: 'issueTypeId',
          label: 'Issue type',
          kind: 'dynamic-choice',
          required: true,
          options: {
            request: { method: 'GET', path: '/project/{{ input.projectKey }}' },
            items: "body.issueTypes[subtask = false].{ 'label': name, 'value': id }",
            dependsOn: ['projectKey'],
          },
        },
        { name: 'summary', label: 'Summary', kind: 'text', required: true },
        { name: 'description', label: 'Description', kind: 'long-text' },
        { name: 'labels', label: 'Labels', kind: 'list' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/issue',
          body: `{ 'fields': {
            'project': { 'key': input.projectKey },
            'issuetype': { 'id': input.issueTypeId },
            'summary': input.summary,
            'description': input.description ? ${adf('input.description')} : undefined,
            'labels': input.labels
          } }`,
        },
      ],
      output: "{ 'id': calls.create.body.id, 'key': calls.create.body.key, 'self': calls.create.body.self }",
    },
    {
      key: 'add-comment',
      label: 'Comment on an issue',
      description: 'Adds a comment to an issue (Issue comments: Add comment).',
      fields: [
        { name: 'issueKey', label: 'Issue key', kind: 'text', required: true, placeholder: 'PROJ-123' },
        { name: 'body', label: 'Comment', kind: 'long-text', required: true },
      ],
      calls: [{ id: 'comment', method: 'POST', path: '/issue/{{ input.issueKey }}/comment', body: `{ 'body': ${adf('input.body')} }` }],
      output: "{ 'id': calls.comment.body.id, 'created': calls.comment.body.created }",
    },
    {
      key: 'search-issues',
      label: 'Search issues (JQL)',
      description: 'Finds issues with a bounded JQL query, first page (Issue search: Search for issues using JQL enhanced search).',
      fields: [
        { name: 'jql', label: 'JQL', kind: 'text', required: true, placeholder: 'project = PROJ AND status = "To Do"' },
        { name: 'maxResults', label: 'At most', kind: 'number', help: 'Default 50.' },
      ],
      calls: [
        {
          id: 'search',
          method: 'POST',
          path: '/search/jql',
          body: "{ 'jql': input.jql, 'maxResults': input.maxResults ? input.maxResults : 50, 'fields': ['summary', 'status', 'assignee'] }",
        },
      ],
      output:
        "{ 'issues': [calls.search.body.issues.{ 'id': id, 'key': key, 'summary': fields.summary, 'status': fields.status.name }], 'nextPageToken': calls.search.body.nextPageToken }",
    },
  ],
};
