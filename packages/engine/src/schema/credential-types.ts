/**
 * The kinds of stored credential, described once so that the API's validation, the builder's
 * credential form and the docs share them. A credential's secret fields are encrypted at rest and
 * never returned by the API (only a masked hint); its public fields are returned as they are.
 */
export interface CredentialFieldDescriptor {
  name: string;
  label: string;
  /** Encrypted, write-only; shown only as a masked hint. */
  secret: boolean;
  required: boolean;
  help?: string;
  placeholder?: string;
}

export interface CredentialTypeDescriptor {
  type: string;
  label: string;
  help: string;
  fields: ReadonlyArray<CredentialFieldDescriptor>;
}

export const CREDENTIAL_TYPES = [
  {
    type: 'bearer',
    label: 'Bearer token',
    help: 'Sent as `Authorization: Bearer <token>`; most APIs with an "API token" or "personal access token" use it.',
    fields: [{ name: 'token', label: 'Token', secret: true, required: true }],
  },
  {
    type: 'basic',
    label: 'Username and password',
    help: 'Sent as HTTP Basic authentication; also the login of an SMTP server for e-mail steps.',
    fields: [
      { name: 'username', label: 'Username', secret: false, required: true },
      { name: 'password', label: 'Password', secret: true, required: true },
    ],
  },
  {
    type: 'api-key',
    label: 'API key in a header',
    help: 'Sent in the header you name, e.g. `X-API-Key`.',
    fields: [
      { name: 'header', label: 'Header name', secret: false, required: true, placeholder: 'X-API-Key' },
      { name: 'value', label: 'API key', secret: true, required: true },
    ],
  },
  {
    type: 'oauth2-client-credentials',
    label: 'OAuth2 client credentials',
    help: 'Switchyard asks the token URL for an access token (grant type client_credentials), caches it until it expires and sends it as a Bearer token.',
    fields: [
      { name: 'tokenUrl', label: 'Token URL', secret: false, required: true, placeholder: 'https://auth.example.com/oauth/token' },
      { name: 'clientId', label: 'Client ID', secret: false, required: true },
      { name: 'clientSecret', label: 'Client secret', secret: true, required: true },
      { name: 'scope', label: 'Scope', secret: false, required: false },
      { name: 'audience', label: 'Audience', secret: false, required: false },
    ],
  },
  {
    type: 'webhook-url',
    label: 'Incoming webhook URL',
    help: 'A Slack, Discord or Microsoft Teams incoming webhook URL. Anyone who has it can post, so it is kept as a secret.',
    fields: [{ name: 'url', label: 'Webhook URL', secret: true, required: true, placeholder: 'https://hooks.slack.com/services/…' }],
  },
  {
    type: 'telegram-bot',
    label: 'Telegram bot token',
    help: 'The token @BotFather gave you, e.g. `123456:ABC-DEF…`.',
    fields: [{ name: 'token', label: 'Bot token', secret: true, required: true }],
  },
  {
    type: 'webhook-signing-secret',
    label: 'Webhook signing secret',
    help: 'Signs outgoing webhooks with the Standard Webhooks scheme (`webhook-id`, `webhook-timestamp`, `webhook-signature`); receivers verify them with the standardwebhooks or svix libraries. Leave empty to generate a `whsec_` secret.',
    fields: [{ name: 'secret', label: 'Secret (whsec_…)', secret: true, required: false }],
  },
] as const satisfies ReadonlyArray<CredentialTypeDescriptor>;

export type CredentialType = (typeof CREDENTIAL_TYPES)[number]['type'];

/** The descriptor of a credential type, or undefined when there is no such type. */
export function credentialTypeDescriptor(type: string): CredentialTypeDescriptor | undefined {
  return (CREDENTIAL_TYPES as ReadonlyArray<CredentialTypeDescriptor>).find((t) => t.type === type);
}

/** The credential types an `http` step can authenticate with (`credentialId`). */
export const HTTP_AUTH_CREDENTIAL_TYPES: ReadonlyArray<CredentialType> = ['bearer', 'basic', 'api-key', 'oauth2-client-credentials'];
