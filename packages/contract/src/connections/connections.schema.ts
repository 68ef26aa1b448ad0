import { z } from 'zod';
import { listOf, timestampSchema } from '../common/page.schema';

const nameSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const appKey = z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
const values = z.record(z.string(), z.string().max(10_000, 'must be at most 10,000 characters'));

/** `active`: usable; `pending`: waiting for the provider's consent; `needs-reconnecting`: refused or a failed refresh. */
export const CONNECTION_STATUSES = ['active', 'pending', 'needs-reconnecting'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** A connection to an app (a signed-in account or a pasted key): secrets only as masked hints. */
export const connectionSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  app: z.string(),
  authKind: z.string(),
  status: z.enum(CONNECTION_STATUSES),
  /** Why it needs reconnecting. */
  error: z.string().nullable(),
  /** Who it is, from the app's identity call (e-mail, workspace name). */
  account: z.string().nullable(),
  scopes: z.array(z.string()),
  public: z.record(z.string(), z.string()),
  hints: z.record(z.string(), z.string()),
  expiresAt: timestampSchema.nullable(),
  lastUsedAt: timestampSchema.nullable(),
  /** Workflows whose current version uses it, with how many of their steps do. */
  usedBy: z.array(z.strictObject({ id: z.string(), name: z.string(), steps: z.number().int() })),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Connection = z.infer<typeof connectionSchema>;

/** `PATCH /api/connections/:id`: rename a connection. */
export const updateConnectionSchema = z.strictObject({ name: nameSchema });
export type UpdateConnectionRequest = z.input<typeof updateConnectionSchema>;
export const connectionListSchema = listOf(connectionSchema);

/** `POST /api/connections`: a key, token or login (the app's connection fields in `data`). */
export const createConnectionSchema = z.strictObject({ name: nameSchema, app: appKey, data: values.default({}) });
export type CreateConnectionRequest = z.input<typeof createConnectionSchema>;

/**
 * `POST /api/connections/oauth/start`: the OAuth app registered with the provider (client id and
 * secret), the app's other connection fields, and `connectionId` to reconnect an existing one.
 */
export const startOAuthSchema = z.strictObject({
  name: nameSchema,
  app: appKey,
  clientId: z.string().trim().min(1, 'must not be empty').max(1000),
  clientSecret: z.string().max(2000).optional(),
  data: values.default({}),
  connectionId: z.string().optional(),
});
export type StartOAuthRequest = z.input<typeof startOAuthSchema>;
export const startedOAuthSchema = z.strictObject({ connectionId: z.string(), authorizeUrl: z.string(), redirectUrl: z.string() });

export const redirectUrlSchema = z.strictObject({ redirectUrl: z.string() });
export const oauthCallbackQuerySchema = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

export const connectionTestSchema = z.strictObject({ ok: z.boolean(), account: z.string().nullable(), error: z.string().optional() });

/** `POST /api/apps/options`: a live list of an action's field, through a connection. */
export const fieldOptionsRequestSchema = z.strictObject({
  app: appKey,
  action: z.string().min(1, 'must not be empty').max(64),
  field: z.string().min(1, 'must not be empty').max(64),
  connectionId: z.string().optional(),
  /** The values of the fields the list depends on (literal values; expressions are not evaluated). */
  input: values.default({}),
  search: z.string().max(200).optional(),
});
export type FieldOptionsRequest = z.input<typeof fieldOptionsRequestSchema>;
export const fieldOptionsSchema = z.strictObject({
  items: z.array(z.strictObject({ label: z.string(), value: z.string() })),
  truncated: z.boolean(),
});

/** `POST /api/apps/fields`: the fields a dynamic-fields field reads from the app (a Notion database's properties). */
export const dynamicFieldsRequestSchema = fieldOptionsRequestSchema.omit({ search: true });
export type DynamicFieldsRequest = z.input<typeof dynamicFieldsRequestSchema>;
export const dynamicFieldsListSchema = z.strictObject({
  fields: z.array(
    z.strictObject({
      key: z.string(),
      label: z.string(),
      type: z.enum(['text', 'long-text', 'number', 'boolean', 'date', 'choice', 'multi-choice', 'url', 'email', 'phone']),
      options: z.array(z.strictObject({ label: z.string(), value: z.string() })).optional(),
      required: z.boolean(),
    }),
  ),
});
