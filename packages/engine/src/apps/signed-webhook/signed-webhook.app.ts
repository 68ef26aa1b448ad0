import type { AppDefinitionInput } from '../app-definition.schema';

/**
 * A webhook you receive elsewhere, signed the Standard Webhooks way (https://www.standardwebhooks.com):
 * the connection is the receiver's URL and the `whsec_` signing secret; each request carries
 * `webhook-id` (stable across retries), `webhook-timestamp` and `webhook-signature`. What the
 * `webhook` step kind did, as an app.
 */
export const signedWebhookApp: AppDefinitionInput = {
  key: 'signed-webhook',
  name: 'Signed webhook',
  description: 'Send JSON to any receiver, signed with Standard Webhooks headers it can verify.',
  category: 'developer',
  color: '#2f855a',
  docsUrl: 'https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md',
  auth: {
    kind: 'standard-webhooks',
    fields: [
      {
        name: 'secret',
        label: 'Signing secret',
        secret: true,
        placeholder: 'whsec_...',
        help: 'whsec_ followed by base64 (24 to 64 bytes).',
      },
      { name: 'url', label: 'Receiver URL', placeholder: 'https://example.com/webhooks/switchyard' },
    ],
    secret: '{{ connection.secret }}',
    guide: 'Generate a secret (whsec_ + 32 random bytes in base64), give it to the receiver to verify signatures, and paste it here.',
  },
  baseUrl: '{{ connection.url }}',
  customApiCall: false,
  actions: [
    {
      key: 'send',
      label: 'Send a signed webhook',
      description: 'POSTs the payload as JSON; with an event type, wrapped in the Standard Webhooks envelope { type, timestamp, data }.',
      fields: [
        { name: 'payload', label: 'Payload', kind: 'json', required: true, help: 'JSONata giving the JSON to send, e.g. trigger.body.' },
        { name: 'eventType', label: 'Event type', kind: 'text', placeholder: 'order.created' },
      ],
      calls: [
        {
          id: 'send',
          method: 'POST',
          path: '',
          body: "input.eventType ? { 'type': input.eventType, 'timestamp': $now(), 'data': input.payload } : input.payload",
        },
      ],
      output: "{ 'status': calls.send.status, 'body': calls.send.body }",
    },
  ],
};
