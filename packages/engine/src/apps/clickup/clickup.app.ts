import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const workspace = {
  name: 'teamId',
  label: 'Workspace',
  kind: 'dynamic-choice',
  required: true,
  options: { request: { method: 'GET', path: '/team' }, items: "body.teams.{ 'label': name, 'value': id }" },
} satisfies AppFieldInput;

const space = {
  name: 'spaceId',
  label: 'Space',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/team/{{ input.teamId }}/space', query: { archived: 'false' } },
    items: "body.spaces.{ 'label': name, 'value': id }",
    dependsOn: ['teamId'],
  },
} satisfies AppFieldInput;

/** Lists directly in the space (folderless lists). */
const list = {
  name: 'listId',
  label: 'List',
  kind: 'dynamic-choice',
  required: true,
  help: 'Lists outside folders; a list in a folder: type its id.',
  options: {
    request: { method: 'GET', path: '/space/{{ input.spaceId }}/list', query: { archived: 'false' } },
    items: "body.lists.{ 'label': name, 'value': id }",
    dependsOn: ['spaceId'],
  },
} satisfies AppFieldInput;

/** ClickUp API v2 (https://developer.clickup.com/reference) with a personal API token. */
export const clickupApp: AppDefinitionInput = {
  key: 'clickup',
  name: 'ClickUp',
  description: 'Create ClickUp tasks, comment on them and change their status.',
  category: 'work',
  color: '#7b68ee',
  docsUrl: 'https://developer.clickup.com/reference/createtask',
  auth: {
    kind: 'api-key',
    fields: [{ name: 'token', label: 'Personal API token', secret: true, placeholder: 'pk_…', help: 'Settings → Apps → API Token.' }],
    headers: { authorization: '{{ connection.token }}' },
  },
  baseUrl: 'https://api.clickup.com/api/v2',
  identity: { request: { method: 'GET', path: '/user' }, account: 'body.user.email' },
  response: { error: "body.err & (body.ECODE ? ' (' & body.ECODE & ')' : '')" },
  actions: [
    {
      key: 'create-task',
      label: 'Create a task',
      description: 'Creates a task in a list (Tasks: Create Task).',
      fields: [
        workspace,
        space,
        list,
        { name: 'name', label: 'Name', kind: 'text', required: true },
        { name: 'description', label: 'Description', kind: 'long-text' },
        {
          name: 'priority',
          label: 'Priority',
          kind: 'choice',
          choices: [
            { label: 'Urgent', value: '1' },
            { label: 'High', value: '2' },
            { label: 'Normal', value: '3' },
            { label: 'Low', value: '4' },
          ],
        },
        { name: 'status', label: 'Status', kind: 'text', help: "A status of the list (e.g. 'to do')." },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/list/{{ input.listId }}/task',
          body: "{ 'name': input.name, 'description': input.description, 'priority': input.priority ? $number(input.priority) : undefined, 'status': input.status }",
        },
      ],
      output: "{ 'id': calls.create.body.id, 'url': calls.create.body.url, 'status': calls.create.body.status.status }",
    },
    {
      key: 'add-comment',
      label: 'Comment on a task',
      description: 'Adds a comment to a task (Comments: Create Task Comment).',
      fields: [
        { name: 'taskId', label: 'Task id', kind: 'text', required: true },
        { name: 'commentText', label: 'Comment', kind: 'long-text', required: true },
        { name: 'notifyAll', label: 'Notify everyone', kind: 'boolean', help: 'Also notifies the comment creator.' },
      ],
      calls: [
        {
          id: 'comment',
          method: 'POST',
          path: '/task/{{ input.taskId }}/comment',
          body: "{ 'comment_text': input.commentText, 'notify_all': input.notifyAll = true }",
        },
      ],
      output: "{ 'id': $string(calls.comment.body.id), 'date': calls.comment.body.date }",
    },
    {
      key: 'update-task-status',
      label: "Change a task's status",
      description: 'Sets the status of a task (Tasks: Update Task).',
      fields: [
        { name: 'taskId', label: 'Task id', kind: 'text', required: true },
        { name: 'status', label: 'Status', kind: 'text', required: true, help: "A status of the task's list (e.g. 'complete')." },
      ],
      calls: [{ id: 'update', method: 'PUT', path: '/task/{{ input.taskId }}', body: "{ 'status': input.status }" }],
      output: "{ 'id': calls.update.body.id, 'status': calls.update.body.status.status }",
    },
  ],
};
