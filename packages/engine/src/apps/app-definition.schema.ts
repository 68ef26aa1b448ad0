import { z } from 'zod';

// The app definition format (ADR 0013): an app is data. Every template below is text with
// `{{ expression }}` placeholders and every "JSONata" is a JSONata expression; both are evaluated by
// the engine's sandboxed evaluator, never by code of the app. What each one sees is documented on
// the field ("request context": `{ input, connection, calls, page }`, see `AppRequestContext`).

const key = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be lower-case kebab-case (a-z, 0-9, -), at most 64 characters');
const fieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be letters, digits and _ (at most 64)');
const template = z.string().max(10_000);
const jsonata = z.string().min(1).max(10_000);

/** A field of a connection: what the user types when connecting (an API key, a subdomain). */
export const connectionFieldSchema = z.strictObject({
  name: fieldName,
  label: z.string().min(1),
  /** Encrypted at rest, write-only, masked in every record. */
  secret: z.boolean().default(false),
  required: z.boolean().default(true),
  help: z.string().optional(),
  placeholder: z.string().optional(),
});
export type ConnectionField = z.infer<typeof connectionFieldSchema>;

/**
 * How a connection authenticates. Templates see `{ connection }`: the connection's fields and, for
 * OAuth 2, `access_token`. `headers` and `query` are added to every request of the app.
 */
const authShape = {
  fields: z.array(connectionFieldSchema).default([]),
  headers: z.record(z.string(), template).default({}),
  query: z.record(z.string(), template).default({}),
  /** How to get the key or register the OAuth app with the provider; shown in the connection dialog. */
  guide: z.string().optional(),
};

/** OAuth 2 authorization code (RFC 6749) with PKCE (RFC 7636); the user registers their own OAuth app. */
export const oauth2AuthSchema = z.strictObject({
  kind: z.literal('oauth2'),
  ...authShape,
  headers: z.record(z.string(), template).default({ authorization: 'Bearer {{ connection.access_token }}' }),
  /** Template over `{ connection }` (templated hosts: `https://{{ connection.subdomain }}.zendesk.com/oauth/authorizations/new`). */
  authorizeUrl: template,
  tokenUrl: template,
  scopes: z.array(z.string()).default([]),
  scopeSeparator: z.string().default(' '),
  pkce: z.boolean().default(true),
  /** Extra query parameters of the consent page (`access_type=offline`, `prompt=consent`). */
  authorizeParams: z.record(z.string(), z.string()).default({}),
  /** How the client authenticates at the token endpoint. */
  clientAuth: z.enum(['body', 'basic']).default('body'),
});

/** A key, token or login the user pastes: `api-key`, `bearer`, `basic` or `custom` (several fields). */
export const staticAuthSchema = z.strictObject({
  kind: z.enum(['api-key', 'bearer', 'basic', 'custom']),
  ...authShape,
});

export const noAuthSchema = z.strictObject({ kind: z.literal('none'), ...authShape });

/**
 * AWS Signature Version 4 (S3 and S3-compatible storage: MinIO, Cloudflare R2...): every request is
 * signed with `@smithy/signature-v4` (the `authorization`, `x-amz-date` and `x-amz-content-sha256`
 * headers). Templates over `{ connection }`.
 */
export const awsSigV4AuthSchema = z.strictObject({
  kind: z.literal('aws-sigv4'),
  ...authShape,
  accessKeyId: template,
  secretAccessKey: template,
  sessionToken: template.optional(),
  region: template,
  /** The signing name of the service: `s3`. */
  service: template,
  /** Whether the path is URI-escaped once more when signing (true for most services, false for S3). */
  uriEscapePath: z.boolean().default(true),
});

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): every request with a body carries
 * `webhook-id` (`msg_<runId>_<step key>`, stable across retries), `webhook-timestamp` and
 * `webhook-signature` (HMAC-SHA256 of `id.timestamp.body` with the `whsec_` secret).
 */
export const standardWebhooksAuthSchema = z.strictObject({
  kind: z.literal('standard-webhooks'),
  ...authShape,
  /** Template over `{ connection }` giving the `whsec_` secret. */
  secret: template,
});

export const appAuthSchema = z.discriminatedUnion('kind', [
  oauth2AuthSchema,
  staticAuthSchema,
  noAuthSchema,
  awsSigV4AuthSchema,
  standardWebhooksAuthSchema,
]);
export type AppAuth = z.infer<typeof appAuthSchema>;

/**
 * One HTTP request of an app, relative to its base URL. Templates and JSONata see the request
 * context `{ input, connection, calls, page }`.
 */
export const appRequestSchema = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).or(template),
  /** Template; an absolute `https://` URL replaces the base URL. */
  path: template,
  /** Templates by name (a parameter that renders empty is left out), or JSONata giving an object. */
  query: z.union([z.record(z.string(), template), jsonata]).optional(),
  headers: z.union([z.record(z.string(), template), jsonata]).optional(),
  /** JSONata giving the body (sent as JSON, as a form when `bodyType` is `form`, as it is when `text`: a string). */
  body: jsonata.optional(),
  bodyType: z.enum(['json', 'form', 'text']).default('json'),
});
export type AppRequest = z.infer<typeof appRequestSchema>;

/** One HTTP call of an action: a request with an id (its answer is `calls.<id>` for the next ones) and an optional condition. */
export const appHttpCallSchema = appRequestSchema.extend({
  id: fieldName,
  /** JSONata over the request context: the call is skipped when false. */
  when: jsonata.optional(),
  transport: z.literal('http').default('http'),
});
export type AppHttpCall = z.infer<typeof appHttpCallSchema>;

/**
 * One e-mail of an action, sent over SMTP through the host's mail port (the same egress rules as
 * HTTP). Every value is a template over the request context; `to`, `cc` and `bcc` take
 * comma-separated addresses. Its answer (`calls.<id>`) is `{ status: 250, headers: {}, body: receipt }`
 * with the server's receipt `{ messageId, accepted, rejected, response }`.
 */
export const appMailCallSchema = z.strictObject({
  id: fieldName,
  when: jsonata.optional(),
  transport: z.literal('smtp'),
  server: z.strictObject({
    host: template,
    /** Template giving the port number (587 STARTTLS, 465 TLS, 25 plain). */
    port: template,
    /** Template giving `starttls`, `tls` or `none`. */
    security: template,
    username: template.optional(),
    password: template.optional(),
  }),
  message: z.strictObject({
    from: template,
    to: template,
    cc: template.optional(),
    bcc: template.optional(),
    replyTo: template.optional(),
    subject: template,
    text: template.optional(),
    html: template.optional(),
  }),
});
export type AppMailCall = z.infer<typeof appMailCallSchema>;

/** One call of an action: HTTP (the default) or, with `transport: 'smtp'`, an e-mail. */
export const appCallSchema = z.union([appMailCallSchema, appHttpCallSchema]);
export type AppCall = z.infer<typeof appCallSchema>;

/**
 * A live list: an HTTP call through the connection and a JSONata mapping of its answer (`{ status,
 * headers, body }`) to `[{ label, value }]`. `input` holds the fields it `dependsOn`.
 */
export const dynamicOptionsSchema = z.strictObject({
  request: appRequestSchema,
  /** JSONata over the answer `{ body, headers, status }` giving `[{ label, value }]`. */
  items: jsonata,
  /** Fields whose values the request uses: the list is reloaded when they change. */
  dependsOn: z.array(fieldName).default([]),
  /** JSONata over the answer giving the next page's cursor (`page` in the next request), or nothing on the last page. */
  nextPage: jsonata.optional(),
});
export type DynamicOptions = z.infer<typeof dynamicOptionsSchema>;

/** The types of a field read from the app (`dynamic-fields`): how the form shows it and what the value is. */
export const DYNAMIC_FIELD_TYPES = [
  'text',
  'long-text',
  'number',
  'boolean',
  'date',
  'choice',
  'multi-choice',
  'url',
  'email',
  'phone',
] as const;
export type DynamicFieldType = (typeof DYNAMIC_FIELD_TYPES)[number];

/** One field read from the app (a Notion database property): what `dynamicFields.items` gives. */
export const dynamicFieldDescriptorSchema = z.strictObject({
  key: z.string().min(1).max(200),
  label: z.string().min(1).max(200),
  type: z.enum(DYNAMIC_FIELD_TYPES),
  /** `choice` and `multi-choice`: the values offered. */
  options: z.array(z.strictObject({ label: z.string(), value: z.string() })).optional(),
  required: z.boolean().default(false),
});
export type DynamicFieldDescriptor = z.infer<typeof dynamicFieldDescriptorSchema>;

/**
 * Fields read from the app (the properties of the chosen Notion database): an HTTP call through
 * the connection and a JSONata mapping of its answer to `[{ key, label, type, options, required }]`.
 * `input` holds the fields it `dependsOn`; the form reloads them when those change.
 */
export const dynamicFieldsSchema = z.strictObject({
  request: appRequestSchema,
  /** JSONata over the answer `{ body, headers, status }` giving `[{ key, label, type, options?, required? }]`. */
  items: jsonata,
  dependsOn: z.array(fieldName).default([]),
});
export type DynamicFields = z.infer<typeof dynamicFieldsSchema>;

/**
 * The kinds of action field. In a step, text-like kinds (`text`, `long-text`, `number`, `boolean`,
 * `date`, `choice`, `dynamic-choice`) are `{{ }}` templates; `key-value`, `list` and `json` are JSONata.
 * `dynamic-fields` is a JSON object of `{{ }}` templates by field key (what the form writes), or
 * JSONata giving an object; its value is an object by field key.
 */
export const APP_FIELD_KINDS = [
  'text',
  'long-text',
  'number',
  'boolean',
  'date',
  'choice',
  'dynamic-choice',
  'dynamic-fields',
  'key-value',
  'list',
  'json',
] as const;
export type AppFieldKind = (typeof APP_FIELD_KINDS)[number];
/** Field kinds whose step value is a JSONata expression (the others are templates). */
export const EXPRESSION_FIELD_KINDS: ReadonlyArray<AppFieldKind> = ['key-value', 'list', 'json'];

export const appFieldSchema = z
  .strictObject({
    name: fieldName,
    label: z.string().min(1),
    kind: z.enum(APP_FIELD_KINDS),
    required: z.boolean().default(false),
    help: z.string().optional(),
    placeholder: z.string().optional(),
    /** `choice`: the values offered. */
    choices: z.array(z.strictObject({ label: z.string(), value: z.string() })).optional(),
    /** `dynamic-choice`: where the values come from. */
    options: dynamicOptionsSchema.optional(),
    /** `dynamic-fields`: where the fields come from. */
    fields: dynamicFieldsSchema.optional(),
  })
  .superRefine((field, ctx) => {
    if (field.kind === 'choice' && !field.choices?.length)
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a choice field needs choices' });
    if (field.kind === 'dynamic-choice' && !field.options)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a dynamic-choice field needs options' });
    if (field.kind === 'dynamic-fields' && !field.fields)
      ctx.addIssue({ code: 'custom', path: ['fields'], message: 'a dynamic-fields field needs fields' });
  });
export type AppField = z.infer<typeof appFieldSchema>;

/** What the user can do with an app: fields, then one or a few calls, then an optional output mapping. */
export const appActionSchema = z.strictObject({
  key,
  label: z.string().min(1),
  description: z.string().min(1),
  fields: z.array(appFieldSchema),
  calls: z.array(appCallSchema).min(1).max(5),
  /** JSONata over `{ input, calls }` giving the step's output; default: the body of the last call made. */
  output: jsonata.optional(),
});
export type AppAction = z.infer<typeof appActionSchema>;

export const APP_CATEGORIES = ['chat', 'data', 'crm', 'support', 'work', 'messaging', 'commerce', 'ai', 'storage', 'developer'] as const;
export type AppCategory = (typeof APP_CATEGORIES)[number];

/** An app: its auth, base URL, identity call, response rules and actions. One folder per app in `packages/engine/src/apps/`. */
export const appDefinitionSchema = z.strictObject({
  key,
  name: z.string().min(1),
  description: z.string().min(1),
  category: z.enum(APP_CATEGORIES),
  /** Brand colour of the initials badge. */
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  docsUrl: z.string().url().optional(),
  auth: appAuthSchema,
  /** Template over `{ connection }` (templated hosts: `https://{{ connection.subdomain }}.zendesk.com/api/v2`). */
  baseUrl: template,
  /** Who the connection is: a request and JSONata over its answer giving the account shown (e-mail, workspace name). */
  identity: z.strictObject({ request: appRequestSchema, account: jsonata }).optional(),
  /** Header that carries `<runId>:<step key>` so a retried call is not repeated (`Idempotency-Key` for Stripe). */
  idempotencyHeader: z.string().optional(),
  response: z
    .strictObject({
      /** JSONata over a 2xx answer: false means it failed (Slack answers 200 `{ ok: false }`). */
      ok: jsonata.optional(),
      /** JSONata over a failed answer giving the app's own error message. */
      error: jsonata.optional(),
      /** JSONata over a failed answer: true when the credentials were refused (besides HTTP 401). */
      unauthorized: jsonata.optional(),
      /** JSONata over a failed answer giving the seconds to wait, for apps that say it in the body (Telegram's `parameters.retry_after`). */
      retryAfter: jsonata.optional(),
    })
    .default({}),
  actions: z.array(appActionSchema).min(1),
  /** Whether the app gets the generic "Custom API call" action (default true; off for apps without a base URL). */
  customApiCall: z.boolean().default(true),
});
export type AppDefinition = z.infer<typeof appDefinitionSchema>;
/** An app definition as written in its folder (defaults not yet applied). */
export type AppDefinitionInput = z.input<typeof appDefinitionSchema>;

/**
 * What templates and JSONata of an app's requests see. An answer's body is parsed by its content
 * type: JSON, a form, XML (`application/xml`, `text/xml`: an object of elements, namespace prefixes
 * and attributes dropped, text values kept as text) or else text.
 */
export interface AppRequestContext {
  input: Record<string, unknown>;
  connection: Record<string, string>;
  calls: Record<string, { status: number; headers: Record<string, string>; body: unknown }>;
  page?: string;
}

/** A field as written in an app's folder (defaults not yet applied), for fields several actions share. */
export type AppFieldInput = z.input<typeof appFieldSchema>;
