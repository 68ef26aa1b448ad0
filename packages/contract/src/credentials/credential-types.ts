import { z } from 'zod';

/** One field of a credential type. Secret fields are encrypted at rest and never returned (only a masked hint). */
export const credentialFieldDescriptorSchema = z.strictObject({
  name: z.string(),
  label: z.string(),
  /** Encrypted, write-only; shown only as a masked hint. */
  secret: z.boolean(),
  required: z.boolean(),
  help: z.string().optional(),
  placeholder: z.string().optional(),
});
export type CredentialFieldDescriptor = z.infer<typeof credentialFieldDescriptorSchema>;

/** A kind of stored credential and its fields, as `GET /api/credential-types` lists them. */
export const credentialTypeDescriptorSchema = z.strictObject({
  type: z.string(),
  label: z.string(),
  help: z.string(),
  fields: z.array(credentialFieldDescriptorSchema).readonly(),
});
export type CredentialTypeDescriptor = z.infer<typeof credentialTypeDescriptorSchema>;

/**
 * The kinds of stored credential, described once so that the api's validation, the credential form
 * and the docs share them. The engine knows only the type names its steps accept
 * (HTTP_AUTH_CREDENTIAL_TYPES); a credential's fields reach it resolved, through a port.
 */
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
