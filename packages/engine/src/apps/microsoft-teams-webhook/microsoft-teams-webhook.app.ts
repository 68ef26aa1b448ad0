import type { AppDefinitionInput } from '../app-definition.schema';

/**
 * A Microsoft Teams Workflows webhook ("Post to a channel when a webhook request is received",
 * https://learn.microsoft.com/en-us/connectors/teams/?tabs=text1#microsoft-teams-webhook): the
 * connection is the workflow's URL (it holds its signature). The body is a message with an
 * Adaptive Card attachment. What the `teams` step kind did, as an app.
 */
export const microsoftTeamsWebhookApp: AppDefinitionInput = {
  key: 'microsoft-teams-webhook',
  name: 'Microsoft Teams webhook',
  description: 'Post Adaptive Card messages to a Teams channel through a Workflows webhook URL, without signing in.',
  category: 'chat',
  color: '#4b53bc',
  docsUrl: 'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
  auth: {
    kind: 'custom',
    fields: [
      {
        name: 'webhookUrl',
        label: 'Workflow URL',
        secret: true,
        placeholder: 'https://prod-00.westus.logic.azure.com:443/workflows/.../triggers/manual/paths/invoke?...',
        help: 'Channel → Workflows → "Post to a channel when a webhook request is received" → copy the URL.',
      },
    ],
  },
  baseUrl: '{{ connection.webhookUrl }}',
  response: {
    error: "body.error.message ? body.error.code & ': ' & body.error.message : ($type(body) = 'string' ? body : undefined)",
    // A deleted or turned-off workflow: 404 WorkflowNotFound / 403 (Logic Apps' own error codes).
    unauthorized: "body.error.code in ['WorkflowNotFound', 'DirectApiAuthorizationRequired', 'WorkflowTriggerIsNotEnabled']",
  },
  customApiCall: false,
  actions: [
    {
      key: 'send-message',
      label: 'Send a message',
      description: 'Posts an Adaptive Card with an optional bold title and the text (the workflow answers 202 Accepted).',
      fields: [
        { name: 'title', label: 'Title', kind: 'text' },
        { name: 'text', label: 'Message', kind: 'long-text', required: true, help: 'Adaptive Card TextBlock: a subset of Markdown.' },
      ],
      calls: [
        {
          id: 'post',
          method: 'POST',
          path: '',
          body: `{
  'type': 'message',
  'attachments': [{
    'contentType': 'application/vnd.microsoft.card.adaptive',
    'contentUrl': null,
    'content': {
      '$schema': 'http://adaptivecards.io/schemas/adaptive-card.json',
      'type': 'AdaptiveCard',
      'version': '1.4',
      'body': [
        input.title ? { 'type': 'TextBlock', 'text': input.title, 'weight': 'Bolder', 'size': 'Large', 'wrap': true },
        { 'type': 'TextBlock', 'text': input.text, 'wrap': true }
      ]
    }
  }]
}`,
        },
      ],
      output: "{ 'status': calls.post.status }",
    },
  ],
};
