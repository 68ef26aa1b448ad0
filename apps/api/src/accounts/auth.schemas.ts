import { z } from 'zod';
import { ROLES } from './roles';

const email = z.string().trim().toLowerCase().email('must be an email address').max(320);
export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(1024, 'must be at most 1024 characters');
const name = z.string().trim().min(1, 'must not be empty').max(200).optional();

export const setupSchema = z.object({ email, password: passwordSchema, name });
export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'is required'),
  password: z.string().min(1, 'is required'),
});
export const changePasswordSchema = z.object({ currentPassword: z.string().min(1, 'is required'), newPassword: passwordSchema });
export const acceptInviteSchema = z.object({ email: email.optional(), password: passwordSchema.optional(), name });
export const roleSchema = z.enum(ROLES);
export const createWorkspaceSchema = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200) });
export const updateMemberSchema = z.object({ role: roleSchema });
export const createInviteSchema = z.object({ role: roleSchema, email: email.optional() });
export const createApiKeySchema = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200), role: roleSchema.optional() });
export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().uuid('must be an id from nextCursor').optional(),
});
