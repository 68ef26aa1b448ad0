import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const board = {
  name: 'boardId',
  label: 'Board',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/members/me/boards', query: { filter: 'open', fields: 'name' } },
    items: "body.{ 'label': name, 'value': id }",
  },
} satisfies AppFieldInput;

const list = {
  name: 'listId',
  label: 'List',
  kind: 'dynamic-choice',
  required: true,
  options: {
    request: { method: 'GET', path: '/boards/{{ input.boardId }}/lists', query: { filter: 'open' } },
    items: "body.{ 'label': name, 'value': id }",
    dependsOn: ['boardId'],
  },
} satisfies AppFieldInput;

/** Trello REST API 1 (https://developer.atlassian.com/cloud/trello/rest/) with an API key and a user token. */
export const trelloApp: AppDefinitionInput = {
  key: 'trello',
  name: 'Trello',
  description: 'Create Trello cards, comment on them and move them between lists.',
  category: 'work',
  color: '#0079bf',
  docsUrl: 'https://developer.atlassian.com/cloud/trello/rest/api-group-cards/',
  auth: {
    kind: 'custom',
    fields: [
      { name: 'apiKey', label: 'API key', secret: false, help: 'trello.com/power-ups/admin → your Power-Up → API key.' },
      { name: 'token', label: 'Token', secret: true, help: 'The token the API key page links to ("manually generate a Token").' },
    ],
    headers: { authorization: 'OAuth oauth_consumer_key="{{ connection.apiKey }}", oauth_token="{{ connection.token }}"' },
  },
  baseUrl: 'https://api.trello.com/1',
  identity: { request: { method: 'GET', path: '/members/me', query: { fields: 'username,fullName' } }, account: 'body.username' },
  response: { error: "$type(body) = 'string' ? body : body.message" },
  actions: [
    {
      key: 'create-card',
      label: 'Create a card',
      description: 'Adds a card to a list (Cards: Create a new Card).',
      fields: [
        board,
        list,
        { name: 'name', label: 'Name', kind: 'text', required: true },
        { name: 'desc', label: 'Description', kind: 'long-text' },
        { name: 'due', label: 'Due date', kind: 'date' },
        {
          name: 'pos',
          label: 'Position',
          kind: 'choice',
          choices: [
            { label: 'Top', value: 'top' },
            { label: 'Bottom', value: 'bottom' },
          ],
        },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/cards',
          query: {
            idList: '{{ input.listId }}',
            name: '{{ input.name }}',
            desc: '{{ input.desc }}',
            due: '{{ input.due }}',
            pos: '{{ input.pos }}',
          },
        },
      ],
      output: "{ 'id': calls.create.body.id, 'shortUrl': calls.create.body.shortUrl, 'url': calls.create.body.url }",
    },
    {
      key: 'add-comment',
      label: 'Comment on a card',
      description: 'Adds a comment to a card (Cards: Add a new comment to a Card).',
      fields: [
        { name: 'cardId', label: 'Card id', kind: 'text', required: true },
        { name: 'text', label: 'Comment', kind: 'long-text', required: true },
      ],
      calls: [{ id: 'comment', method: 'POST', path: '/cards/{{ input.cardId }}/actions/comments', query: { text: '{{ input.text }}' } }],
      output: "{ 'id': calls.comment.body.id, 'date': calls.comment.body.date }",
    },
    {
      key: 'move-card',
      label: 'Move a card to a list',
      description: 'Moves a card to another list of the board (Cards: Update a Card, idList).',
      fields: [{ name: 'cardId', label: 'Card id', kind: 'text', required: true }, board, list],
      calls: [{ id: 'move', method: 'PUT', path: '/cards/{{ input.cardId }}', query: { idList: '{{ input.listId }}' } }],
      output: "{ 'id': calls.move.body.id, 'listId': calls.move.body.idList }",
    },
  ],
};
