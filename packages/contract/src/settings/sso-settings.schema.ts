import { z } from 'zod';
import { timestampSchema } from '../common/page.schema';

/** Roles a just-in-time member or a group may get (an owner is only ever made by hand). */
export const SSO_ROLES = ['viewer', 'editor', 'admin'] as const;
const ssoRole = z.enum(SSO_ROLES, { error: `must be one of ${SSO_ROLES.join(', ')}` });

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ''))
  .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be an e-mail domain such as example.com'));

/** The OpenID Connect sign-in an owner keeps in Settings (the environment's SWITCHYARD_OIDC_* are the fallback). */
const ssoFields = {
  issuer: z.url({ protocol: /^https?$/, error: 'must be the issuer URL, e.g. https://accounts.google.com' }),
  clientId: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  /** The button's label on the sign-in page. */
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').default('single sign-on'),
  /** Empty: every domain may sign in. */
  allowedDomains: z.array(domain).max(50, 'must have at most 50 domains').default([]),
  /** The role of a just-in-time member whose groups map to none. */
  defaultRole: ssoRole.default('viewer'),
  /** The ID-token (or userinfo) claim holding the user's groups. */
  groupsClaim: z.string().trim().min(1, 'must not be empty').max(100).default('groups'),
  /** Group -> role; the highest role any of the user's groups maps to wins, on every sign-in. */
  groupRoles: z
    .array(z.strictObject({ group: z.string().trim().min(1, 'must not be empty').max(200), role: ssoRole }))
    .max(50, 'must have at most 50 mappings')
    .default([]),
  /** False: only the break-glass owner may still sign in with a password. */
  passwordSignIn: z.boolean().default(true),
  breakGlassEmail: z.email('must be an e-mail address').trim().toLowerCase().nullable().default(null),
};

/**
 * `PUT /api/settings/sso`. `clientSecret`: a new secret replaces the stored one, absent keeps it,
 * null removes it (a public client). It is sealed at rest and never sent back.
 */
export const updateSsoSettingsSchema = z
  .strictObject({ ...ssoFields, clientSecret: z.string().min(1, 'must not be empty').max(2000).nullable().optional() })
  .superRefine((value, ctx) => {
    if (!value.passwordSignIn && !value.breakGlassEmail) {
      ctx.addIssue({
        code: 'custom',
        path: ['breakGlassEmail'],
        message: 'is required when password sign-in is off: the one owner who may still use a password if the provider fails',
      });
    }
  });
export type UpdateSsoSettingsRequest = z.input<typeof updateSsoSettingsSchema>;

export const ssoSettingsValuesSchema = z.strictObject({
  issuer: z.string(),
  clientId: z.string(),
  /** Whether a client secret is stored (it is never sent back). */
  clientSecretSet: z.boolean(),
  name: z.string(),
  allowedDomains: z.array(z.string()),
  defaultRole: z.string(),
  groupsClaim: z.string(),
  groupRoles: z.array(z.strictObject({ group: z.string(), role: z.string() })),
  passwordSignIn: z.boolean(),
  breakGlassEmail: z.string().nullable(),
});
export type SsoSettingsValues = z.infer<typeof ssoSettingsValuesSchema>;

/** `GET /api/settings/sso`: what is stored, what the environment says, and which one is in effect. */
export const ssoSettingsSchema = z.strictObject({
  /** `settings` when stored here, else `environment` when SWITCHYARD_OIDC_* are set, else `none`. */
  source: z.enum(['settings', 'environment', 'none']),
  /** The exact redirect URL to register at the provider (from the public base URL). */
  redirectUrl: z.string(),
  settings: ssoSettingsValuesSchema.nullable(),
  environment: ssoSettingsValuesSchema.nullable(),
  canEdit: z.boolean(),
  updatedAt: timestampSchema.nullable(),
});
export type SsoSettings = z.infer<typeof ssoSettingsSchema>;

/** `POST /api/settings/sso/discovery`: reads the issuer's discovery document through the egress guard. */
export const ssoDiscoveryRequestSchema = z.strictObject({
  issuer: ssoFields.issuer,
});
export const ssoDiscoveryResultSchema = z.strictObject({
  ok: z.boolean(),
  /** The document's URL. */
  url: z.string(),
  /** Why it cannot be used, when not ok. */
  problem: z.string().optional(),
  authorizationEndpoint: z.string().optional(),
  tokenEndpoint: z.string().optional(),
  scopesSupported: z.array(z.string()).optional(),
});
export type SsoDiscoveryResult = z.infer<typeof ssoDiscoveryResultSchema>;
