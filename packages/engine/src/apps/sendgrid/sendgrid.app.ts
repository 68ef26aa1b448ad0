import type { AppDefinitionInput } from '../app-definition.schema';

/** Twilio SendGrid v3 Mail Send (https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send). */
export const sendgridApp: AppDefinitionInput = {
  key: 'sendgrid',
  name: 'SendGrid',
  description: 'Send e-mail through Twilio SendGrid.',
  category: 'messaging',
  color: '#1a82e2',
  docsUrl: 'https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send',
  auth: {
    kind: 'api-key',
    fields: [{ name: 'apiKey', label: 'API key', secret: true, placeholder: 'SG.…', help: 'Settings → API Keys, with Mail Send access.' }],
    headers: { authorization: 'Bearer {{ connection.apiKey }}' },
  },
  baseUrl: 'https://api.sendgrid.com/v3',
  identity: { request: { method: 'GET', path: '/user/profile' }, account: "body.first_name & ' ' & body.last_name" },
  response: { error: "$join(body.errors.(message & (field ? ' (' & field & ')' : '')), '; ')" },
  actions: [
    {
      key: 'send-email',
      label: 'Send an e-mail',
      description: 'Sends one e-mail to one or more recipients (mail/send).',
      fields: [
        { name: 'from', label: 'From', kind: 'text', required: true, help: 'A verified sender.' },
        { name: 'to', label: 'To', kind: 'list', required: true, placeholder: '[trigger.body.email]' },
        { name: 'subject', label: 'Subject', kind: 'text', required: true },
        { name: 'text', label: 'Text', kind: 'long-text' },
        { name: 'html', label: 'HTML', kind: 'long-text' },
      ],
      calls: [
        {
          id: 'send',
          method: 'POST',
          path: '/mail/send',
          body: "{ 'personalizations': [{ 'to': [input.to.{ 'email': $ }] }], 'from': { 'email': input.from }, 'subject': input.subject, 'content': [input.text ? { 'type': 'text/plain', 'value': input.text }, input.html ? { 'type': 'text/html', 'value': input.html }] }",
        },
      ],
      output: "{ 'accepted': calls.send.status = 202, 'messageId': calls.send.headers.'x-message-id' }",
    },
  ],
};
