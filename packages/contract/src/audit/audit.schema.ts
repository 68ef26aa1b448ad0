import { z } from 'zod';
import { pageOf, timestampSchema } from '../common/page.schema';

/** `GET /api/audit?limit=&cursor=`. */
export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().uuid('must be an id from nextCursor').optional(),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

/**
 * One change in a workspace: who (`actor`), what (`action`: `workflow.created`, `run.replayed`,
 * `member.role-changed`, `credential.deleted`...), to what (`target`), and the state before and
 * after where it applies (never secrets).
 */
export const auditEntrySchema = z.strictObject({
  id: z.string(),
  at: timestampSchema,
  actor: z.strictObject({ type: z.enum(['user', 'api-key', 'system']), id: z.string().nullable(), label: z.string() }),
  action: z.string(),
  target: z.strictObject({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `GET /api/audit`: newest first. */
export const auditPageSchema = pageOf(auditEntrySchema);
export type AuditPage = z.infer<typeof auditPageSchema>;
