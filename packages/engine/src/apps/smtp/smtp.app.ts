import type { AppDefinitionInput } from '../app-definition.schema';

/**
 * E-mail through any SMTP server (RFC 5321), sent by the host's mail port (`transport: 'smtp'`:
 * the same egress rules as HTTP, a Message-ID stable per run and step). What the `email` step kind
 * did, as an app: the server and its login are the connection.
 */
export const smtpApp: AppDefinitionInput = {
  key: 'smtp',
  name: 'E-mail (SMTP)',
  description: 'Send e-mail through your own SMTP server or relay (Postmark, SES, Mailgun SMTP, Gmail SMTP...).',
  category: 'messaging',
  color: '#5f6b7a',
  docsUrl: 'https://www.rfc-editor.org/rfc/rfc5321',
  auth: {
    kind: 'custom',
    fields: [
      { name: 'password', label: 'Password', secret: true, required: false, help: 'Or the API key the relay gives as SMTP password.' },
      { name: 'host', label: 'SMTP server', placeholder: 'smtp.example.com' },
      { name: 'port', label: 'Port', placeholder: '587', help: '587 (STARTTLS), 465 (TLS) or 25.' },
      {
        name: 'security',
        label: 'Security',
        placeholder: 'starttls',
        help: 'starttls (port 587), tls (port 465) or none (a local relay only).',
      },
      { name: 'username', label: 'Username', required: false },
    ],
    guide: "Your mail provider's SMTP settings: server, port, security and login.",
  },
  baseUrl: '',
  customApiCall: false,
  actions: [
    {
      key: 'send-email',
      label: 'Send an e-mail',
      description: 'Sends a plain-text and/or HTML e-mail; address fields take comma-separated addresses.',
      fields: [
        { name: 'from', label: 'From', kind: 'text', required: true, placeholder: 'Shop <shop@example.com>' },
        { name: 'to', label: 'To', kind: 'text', required: true },
        { name: 'cc', label: 'Cc', kind: 'text' },
        { name: 'bcc', label: 'Bcc', kind: 'text' },
        { name: 'replyTo', label: 'Reply-To', kind: 'text' },
        { name: 'subject', label: 'Subject', kind: 'text', required: true },
        { name: 'text', label: 'Text', kind: 'long-text', help: 'A text or an HTML body is needed.' },
        { name: 'html', label: 'HTML', kind: 'long-text', help: 'Values are not escaped.' },
      ],
      calls: [
        {
          id: 'send',
          transport: 'smtp',
          server: {
            host: '{{ connection.host }}',
            port: "{{ connection.port ? connection.port : '587' }}",
            security: "{{ connection.security ? $lowercase(connection.security) : 'starttls' }}",
            username: '{{ connection.username }}',
            password: '{{ connection.password }}',
          },
          message: {
            from: '{{ input.from }}',
            to: '{{ input.to }}',
            cc: '{{ input.cc }}',
            bcc: '{{ input.bcc }}',
            replyTo: '{{ input.replyTo }}',
            subject: '{{ input.subject }}',
            text: '{{ input.text }}',
            html: '{{ input.html }}',
          },
        },
      ],
      output: 'calls.send.body',
    },
  ],
};
