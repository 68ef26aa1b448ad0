import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const project = {
  name: 'projectId',
  label: 'Project',
  kind: 'dynamic-choice',
  options: { request: { method: 'GET', path: '/projects' }, items: "body.{ 'label': name, 'value': id }" },
} satisfies AppFieldInput;

/** Todoist REST API v2 (https://developer.todoist.com/rest/v2/). */
export const todoistApp: AppDefinitionInput = {
  key: 'todoist',
  name: 'Todoist',
  description: 'Add and complete tasks in Todoist.',
  category: 'work',
  color: '#e44332',
  docsUrl: 'https://developer.todoist.com/rest/v2/',
  auth: {
    kind: 'bearer',
    fields: [{ name: 'token', label: 'API token', secret: true, help: 'Settings → Integrations → Developer → API token.' }],
    headers: { authorization: 'Bearer {{ connection.token }}' },
  },
  baseUrl: 'https://api.todoist.com/rest/v2',
  identity: { request: { method: 'GET', path: '/projects' }, account: "'Todoist (' & $string($count(body)) & ' projects)'" },
  idempotencyHeader: 'X-Request-Id',
  actions: [
    {
      key: 'create-task',
      label: 'Create a task',
      description: 'Adds a task, optionally to a project, with a due date in natural language.',
      fields: [
        { name: 'content', label: 'Task', kind: 'text', required: true },
        { name: 'description', label: 'Description', kind: 'long-text' },
        project,
        { name: 'dueString', label: 'Due', kind: 'text', placeholder: 'tomorrow at 12:00' },
        {
          name: 'priority',
          label: 'Priority',
          kind: 'choice',
          choices: ['1', '2', '3', '4'].map((p) => ({ label: `P${5 - Number(p)}`, value: p })),
        },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/tasks',
          body: "{ 'content': input.content, 'description': input.description, 'project_id': input.projectId, 'due_string': input.dueString, 'priority': input.priority ? $number(input.priority) }",
        },
      ],
    },
    {
      key: 'close-task',
      label: 'Complete a task',
      description: 'Marks a task as done.',
      fields: [{ name: 'taskId', label: 'Task id', kind: 'text', required: true }],
      calls: [{ id: 'close', method: 'POST', path: '/tasks/{{ input.taskId }}/close' }],
      output: "{ 'closed': calls.close.status = 204 }",
    },
  ],
};
