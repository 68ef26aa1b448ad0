import { z } from 'zod';
import { listOf, timestampSchema } from '../common/page.schema';
import { credentialTypeDescriptorSchema } from './credential-types';

const nameSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** `POST /api/credentials`; `data` holds the type's fields (checked against CREDENTIAL_TYPES by the api). */
export const createCredentialSchema = z.strictObject({
  name: nameSchema,
  type: z.string().min(1, 'must not be empty'),
  data: z.unknown().optional(),
});
/** `PUT /api/credentials/:id`: omitted secret fields keep their value. */
export const updateCredentialSchema = z.strictObject({ name: nameSchema.optional(), data: z.unknown().optional() });

export type CreateCredentialRequest = Omit<z.input<typeof createCredentialSchema>, 'data'> & { data: Record<string, string> };
export type UpdateCredentialRequest = Omit<z.input<typeof updateCredentialSchema>, 'data'> & { data?: Record<string, string> };

export const workflowRefSchema = z.strictObject({ id: z.string(), name: z.string() });
export type WorkflowRef = z.infer<typeof workflowRefSchema>;

/** A stored credential: public fields as they are, secret fields only as masked hints (viewers see neither). */
export const credentialSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  public: z.record(z.string(), z.string()),
  /** A masked hint per secret field; the secrets themselves are never returned. */
  hints: z.record(z.string(), z.string()),
  /** Workflows whose current version references it. */
  usedBy: z.array(workflowRefSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /**
   * Only in the answer to the create request of a `webhook-signing-secret` whose secret was left
   * empty: the secret Switchyard generated, shown this once so the receiver can be given it.
   */
  generatedSecret: z.string().optional(),
  /**
   * Only in the answer to a create or update: what Switchyard changed in the values given, e.g. a
   * leading `Bearer ` removed from a bearer token (it adds the scheme itself), each naming its field.
   */
  notices: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
});
export type Credential = z.infer<typeof credentialSchema>;

export const credentialListSchema = listOf(credentialSchema);
export const credentialTypeListSchema = listOf(credentialTypeDescriptorSchema);
