import { z } from 'zod';
import { timestampSchema } from '../common/page.schema';

/** Most entries a workspace's egress allow-list may hold. */
export const MAX_EGRESS_ALLOW_ENTRIES = 100;

/**
 * One entry of an egress allow-list: a host name (`chat.lan`), a suffix (`*.corp.example`), an IP
 * address (`10.0.0.5`) or a CIDR range (`10.0.0.0/8`, `fd00::/8`). The api parses it again with the
 * egress guard's own rules; this only refuses what can never be one.
 */
export const egressAllowEntrySchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(253, 'must be at most 253 characters')
  .regex(/^(\*\.)?[A-Za-z0-9.:_-]+(\/\d{1,3})?$/, 'must be a host name, *.suffix, an IP address or a CIDR range such as 10.0.0.0/8');

/**
 * Settings of the instance, stored in the database. `publicUrl` is the base of the trigger URLs
 * shown to users; null falls back to SWITCHYARD_PUBLIC_URL (`environmentPublicUrl`).
 */
export const instanceSettingsSchema = z.strictObject({
  publicUrl: z.string().nullable(),
  /** What the environment says (SWITCHYARD_PUBLIC_URL, or http://localhost:PORT without it). */
  environmentPublicUrl: z.string(),
  /** The base in use: `publicUrl` when set, the environment's otherwise. */
  effectivePublicUrl: z.string(),
  /** Whether the caller may change these (owners of the Default workspace). */
  canEdit: z.boolean(),
  updatedAt: timestampSchema.nullable(),
});
export type InstanceSettings = z.infer<typeof instanceSettingsSchema>;

/** `PUT /api/settings/instance`: null (or an empty string) goes back to the environment's value. */
export const updateInstanceSettingsSchema = z.strictObject({
  publicUrl: z
    .string()
    .trim()
    .transform((v) => v.replace(/\/+$/, ''))
    .pipe(
      z.union([
        z.literal(''),
        z
          .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL such as https://hooks.example.com' })
          .refine((v) => !/[?#]/.test(v), 'must not have a query or a fragment'),
      ]),
    )
    .nullable(),
});
export type UpdateInstanceSettingsRequest = z.input<typeof updateInstanceSettingsSchema>;

/** Settings of one workspace. `egressAllow` opens private hosts and ranges to its HTTP steps, on top of SWITCHYARD_EGRESS_ALLOW. */
export const workspaceSettingsSchema = z.strictObject({
  egressAllow: z.array(z.string()),
  /** SWITCHYARD_EGRESS_ALLOW, which applies to every workspace (read-only here). */
  environmentEgressAllow: z.array(z.string()),
  updatedAt: timestampSchema.nullable(),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

export const updateWorkspaceSettingsSchema = z.strictObject({
  egressAllow: z.array(egressAllowEntrySchema).max(MAX_EGRESS_ALLOW_ENTRIES, `must hold at most ${MAX_EGRESS_ALLOW_ENTRIES} entries`),
});
export type UpdateWorkspaceSettingsRequest = z.input<typeof updateWorkspaceSettingsSchema>;

/** `POST /api/settings/egress/check`: would an HTTP step of this workspace be allowed to call `url`? Nothing is sent. */
export const egressCheckSchema = z.strictObject({ url: z.string().min(1, 'must not be empty').max(8192) });
export type EgressCheckRequest = z.input<typeof egressCheckSchema>;

export const egressCheckResultSchema = z.strictObject({
  allowed: z.boolean(),
  /** Why it is refused, in words; null when allowed. */
  reason: z.string().nullable(),
  /** The host of the URL, and what it resolved to (empty when it could not be resolved, or is an IP address). */
  host: z.string().nullable(),
  addresses: z.array(z.string()),
  /** Which rule opened a private address: `environment` (SWITCHYARD_EGRESS_ALLOW), `workspace`, or null. */
  allowedBy: z.enum(['environment', 'workspace']).nullable(),
});
export type EgressCheckResult = z.infer<typeof egressCheckResultSchema>;
