import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const team = {
  name: 'teamId',
  label: 'Team',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'POST', path: '/graphql', body: "{ 'query': 'query Teams { teams { nodes { id name key } } }' }" },
    items: "body.data.teams.nodes.{ 'label': name & ' (' & key & ')', 'value': id }",
  },
} satisfies AppFieldInput;

const state = {
  name: 'stateId',
  label: 'Status',
  kind: 'dynamic-choice',
  options: {
    request: {
      method: 'POST',
      path: '/graphql',
      body: "{ 'query': 'query TeamStates($id: String!) { team(id: $id) { states { nodes { id name type } } } }', 'variables': { 'id': input.teamId } }",
    },
    items: "body.data.team.states.nodes.{ 'label': name, 'value': id }",
    dependsOn: ['teamId'],
  },
} satisfies AppFieldInput;

/** Linear GraphQL API (https://linear.app/developers/graphql) with a personal API key. */
export const linearApp: AppDefinitionInput = {
  key: 'linear',
  name: 'Linear',
  description: 'Create Linear issues, comment on them and move them between statuses.',
  category: 'work',
  color: '#5e6ad2',
  docsUrl: 'https://linear.app/developers/graphql',
  auth: {
    kind: 'api-key',
    fields: [
      {
        name: 'apiKey',
        label: 'Personal API key',
        secret: true,
        placeholder: 'lin_api_…',
        help: 'Settings → Security & access → Personal API keys.',
      },
    ],
    headers: { authorization: '{{ connection.apiKey }}' },
  },
  baseUrl: 'https://api.linear.app',
  identity: {
    request: { method: 'POST', path: '/graphql', body: "{ 'query': 'query Me { viewer { id name email } }' }" },
    account: 'body.data.viewer.email',
  },
  response: {
    ok: '$not($exists(body.errors))',
    error: "$join(body.errors.message, '; ')",
    unauthorized: "body.errors[extensions.code = 'AUTHENTICATION_ERROR'] ? true : false",
  },
  actions: [
    {
      key: 'create-issue',
      label: 'Create an issue',
      description: 'Creates an issue in a team (mutation issueCreate); the description is Markdown.',
      fields: [
        team,
        { name: 'title', label: 'Title', kind: 'text', required: true },
        { name: 'description', label: 'Description (Markdown)', kind: 'long-text' },
        state,
        {
          name: 'priority',
          label: 'Priority',
          kind: 'choice',
          choices: [
            { label: 'No priority', value: '0' },
            { label: 'Urgent', value: '1' },
            { label: 'High', value: '2' },
            { label: 'Medium', value: '3' },
            { label: 'Low', value: '4' },
          ],
        },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/graphql',
          body: `{
            'query': 'mutation IssueCreate($input: IssueCreateInput!) { issueCreate(input: $input) { success issue { id identifier title url } } }',
            'variables': { 'input': {
              'teamId': input.teamId,
              'title': input.title,
              'description': input.description,
              'stateId': input.stateId,
              'priority': input.priority ? $number(input.priority) : undefined
            } }
          }`,
        },
      ],
      output: 'calls.create.body.data.issueCreate.issue',
    },
    {
      key: 'add-comment',
      label: 'Comment on an issue',
      description: 'Adds a Markdown comment to an issue (mutation commentCreate).',
      fields: [
        { name: 'issueId', label: 'Issue', kind: 'text', required: true, help: 'The issue id or its identifier (ENG-123).' },
        { name: 'body', label: 'Comment (Markdown)', kind: 'long-text', required: true },
      ],
      calls: [
        {
          id: 'comment',
          method: 'POST',
          path: '/graphql',
          body: `{
            'query': 'mutation CommentCreate($input: CommentCreateInput!) { commentCreate(input: $input) { success comment { id body url } } }',
            'variables': { 'input': { 'issueId': input.issueId, 'body': input.body } }
          }`,
        },
      ],
      output: 'calls.comment.body.data.commentCreate.comment',
    },
    {
      key: 'update-issue-status',
      label: "Change an issue's status",
      description: 'Moves an issue to another workflow state of its team (mutation issueUpdate).',
      fields: [
        team,
        { name: 'issueId', label: 'Issue', kind: 'text', required: true, help: 'The issue id or its identifier (ENG-123).' },
        { ...state, required: true },
      ],
      calls: [
        {
          id: 'update',
          method: 'POST',
          path: '/graphql',
          body: `{
            'query': 'mutation IssueUpdate($id: String!, $input: IssueUpdateInput!) { issueUpdate(id: $id, input: $input) { success issue { id identifier state { id name } } } }',
            'variables': { 'id': input.issueId, 'input': { 'stateId': input.stateId } }
          }`,
        },
      ],
      output:
        "{ 'id': calls.update.body.data.issueUpdate.issue.id, 'identifier': calls.update.body.data.issueUpdate.issue.identifier, 'status': calls.update.body.data.issueUpdate.issue.state.name }",
    },
  ],
};
