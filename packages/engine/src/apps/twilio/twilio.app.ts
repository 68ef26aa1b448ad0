import type { AppDefinitionInput } from '../app-definition.schema';

/** Twilio Programmable Messaging (https://www.twilio.com/docs/messaging/api/message-resource). */
export const twilioApp: AppDefinitionInput = {
  key: 'twilio',
  name: 'Twilio SMS',
  description: 'Send SMS and WhatsApp messages with Twilio.',
  category: 'messaging',
  color: '#f22f46',
  docsUrl: 'https://www.twilio.com/docs/messaging/api/message-resource',
  auth: {
    kind: 'basic',
    fields: [
      { name: 'accountSid', label: 'Account SID', secret: false, placeholder: 'AC…' },
      { name: 'authToken', label: 'Auth token', secret: true },
    ],
    headers: { authorization: "Basic {{ $base64encode(connection.accountSid & ':' & connection.authToken) }}" },
  },
  baseUrl: 'https://api.twilio.com/2010-04-01/Accounts/{{ connection.accountSid }}',
  identity: { request: { method: 'GET', path: '.json' }, account: 'body.friendly_name' },
  response: { error: "body.message & (body.code ? ' (' & $string(body.code) & ')' : '')" },
  actions: [
    {
      key: 'send-sms',
      label: 'Send an SMS',
      description: 'Sends a text message from one of your Twilio numbers.',
      fields: [
        { name: 'from', label: 'From', kind: 'text', required: true, placeholder: '+15557122661' },
        { name: 'to', label: 'To', kind: 'text', required: true, placeholder: '+15558675310' },
        { name: 'body', label: 'Message', kind: 'long-text', required: true },
      ],
      calls: [
        {
          id: 'send',
          method: 'POST',
          path: '/Messages.json',
          bodyType: 'form',
          body: "{ 'To': input.to, 'From': input.from, 'Body': input.body }",
        },
      ],
      output: "{ 'sid': calls.send.body.sid, 'status': calls.send.body.status }",
    },
  ],
};
