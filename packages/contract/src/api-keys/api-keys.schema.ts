import { z } from 'zod';
import { roleSchema } from '../access/role.schema';
import { timestampSchema } from '../common/page.schema';

/** `POST /api/api-keys`: `role` defaults to editor and may not be above the caller's. */
export const createApiKeySchema = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200), role: roleSchema.optional() });
export type CreateApiKeyRequest = z.input<typeof createApiKeySchema>;

export const apiKeySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** The first characters of the key, to recognise it (`sy_ab12cd`). */
  prefix: z.string(),
  role: roleSchema,
  createdAt: timestampSchema,
  lastUsedAt: timestampSchema.nullable(),
  /** The user who created it (null for keys from SWITCHYARD_OWNER_API_KEY or made by another key). */
  createdBy: z.strictObject({ id: z.string(), email: z.string() }).nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** `POST /api/api-keys`: the key itself is in this answer only. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
