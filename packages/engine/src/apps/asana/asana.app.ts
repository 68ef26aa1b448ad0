import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const workspace = {
  name: 'workspace',
  label: 'Workspace',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/workspaces', query: { limit: '100', offset: '{{ page }}' } },
    items: "body.data.{ 'label': name, 'value': gid }",
    nextPage: 'body.next_page.offset',
  },
} satisfies AppFieldInput;

const project = {
  name: 'project',
  label: 'Project',
  kind: 'dynamic-choice',
  options: {
    request: {
      method: 'GET',
      path: '/projects',
      query: { workspace: '{{ input.workspace }}', archived: 'false', limit: '100', offset: '{{ page }}' },
    },
    items: "body.data.{ 'label': name, 'value': gid }",
    nextPage: 'body.next_page.offset',
    dependsOn: ['workspace'],
  },
} satisfies AppFieldInput;

/** Asana REST API 1.0 (https://developers.asana.com/reference/rest-api-reference); bodies are wrapped in `data`. */
export const asanaApp: AppDefinitionInput = {
  key: 'asana',
  name: 'Asana',
  description: 'Create Asana tasks, comment on them and complete them.',
  category: 'work',
  color: '#f06a6a',
  docsUrl: 'https://developers.asana.com/reference/tasks',
  auth: {
    kind: 'bearer',
    fields: [
      { name: 'token', label: 'Personal access token', secret: true, help: 'My settings → Apps → Developer apps → Create new token.' },
    ],
    headers: { authorization: 'Bearer {{ connection.token }}' },
  },
  baseUrl: 'https://app.asana.com/api/1.0',
  identity: { request: { method: 'GET', path: '/users/me' }, account: 'body.data.email' },
  response: { error: "$join(body.errors.message, '; ')" },
  actions: [
    {
      key: 'create-task',
      label: 'Create a task',
      description: 'Creates a task in a workspace, in a project when one is chosen (Tasks: Create a task).',
      fields: [
        workspace,
        project,
        { name: 'name', label: 'Name', kind: 'text', required: true },
        { name: 'notes', label: 'Notes', kind: 'long-text' },
        { name: 'dueOn', label: 'Due on', kind: 'date', help: 'YYYY-MM-DD.' },
        { name: 'assignee', label: 'Assignee', kind: 'text', help: 'A user gid, an e-mail or "me".' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/tasks',
          body: `{ 'data': {
            'workspace': input.workspace,
            'projects': input.project ? [input.project] : undefined,
            'name': input.name,
            'notes': input.notes,
            'due_on': input.dueOn,
            'assignee': input.assignee
          } }`,
        },
      ],
      output: "{ 'gid': calls.create.body.data.gid, 'name': calls.create.body.data.name, 'url': calls.create.body.data.permalink_url }",
    },
    {
      key: 'add-comment',
      label: 'Comment on a task',
      description: 'Adds a comment story to a task (Stories: Create a story on a task).',
      fields: [
        { name: 'taskGid', label: 'Task gid', kind: 'text', required: true },
        { name: 'text', label: 'Comment', kind: 'long-text', required: true },
      ],
      calls: [{ id: 'story', method: 'POST', path: '/tasks/{{ input.taskGid }}/stories', body: "{ 'data': { 'text': input.text } }" }],
      output: "{ 'gid': calls.story.body.data.gid, 'createdAt': calls.story.body.data.created_at }",
    },
    {
      key: 'complete-task',
      label: 'Complete a task',
      description: 'Marks a task complete (Tasks: Update a task, completed).',
      fields: [{ name: 'taskGid', label: 'Task gid', kind: 'text', required: true }],
      calls: [{ id: 'update', method: 'PUT', path: '/tasks/{{ input.taskGid }}', body: "{ 'data': { 'completed': true } }" }],
      output: "{ 'gid': calls.update.body.data.gid, 'completed': calls.update.body.data.completed }",
    },
  ],
};
