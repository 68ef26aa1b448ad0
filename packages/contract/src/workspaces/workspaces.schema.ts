import { z } from 'zod';
import { roleSchema } from '../access/role.schema';
import { passwordSchema } from '../auth/auth.schema';
import { timestampSchema } from '../common/page.schema';

const email = z.string().trim().toLowerCase().email('must be an email address').max(320);

/** `POST /api/workspaces`: the caller becomes its owner. */
export const createWorkspaceSchema = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200) });
/** `PATCH /api/workspaces/current/members/:userId`. */
export const updateMemberSchema = z.object({ role: roleSchema });
/** `POST /api/workspaces/current/invites`: with `email`, only that address may accept (and it is e-mailed when SMTP is set). */
export const createInviteSchema = z.object({ role: roleSchema, email: email.optional() });
/** `POST /api/invites/:token/accept`: a new account's `email` and `password`, or nothing when signed in. */
export const acceptInviteSchema = z.object({
  email: email.optional(),
  password: passwordSchema.optional(),
  name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
});
export type CreateWorkspaceRequest = z.input<typeof createWorkspaceSchema>;
export type UpdateMemberRequest = z.input<typeof updateMemberSchema>;
export type CreateInviteRequest = z.input<typeof createInviteSchema>;
export type AcceptInviteRequest = z.input<typeof acceptInviteSchema>;

export const memberSchema = z.strictObject({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  joinedAt: timestampSchema,
});
export type Member = z.infer<typeof memberSchema>;

/** An open invite; its link is shown only when it is created. */
export const inviteSchema = z.strictObject({
  id: z.string(),
  role: roleSchema,
  email: z.string().nullable(),
  expiresAt: timestampSchema,
  createdAt: timestampSchema,
});
export type Invite = z.infer<typeof inviteSchema>;

/** `POST /api/workspaces/current/invites`: the one-time link, and whether it was e-mailed (with why not when sending failed). */
export const createdInviteSchema = inviteSchema.extend({ url: z.string(), emailed: z.boolean(), emailError: z.string().optional() });
export type CreatedInvite = z.infer<typeof createdInviteSchema>;

/** `GET /api/invites/:token` (public): what the invite is for. */
export const invitePreviewSchema = z.strictObject({
  workspaceName: z.string(),
  role: roleSchema,
  email: z.string().nullable(),
  expiresAt: timestampSchema,
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

/** `POST /api/invites/:token/accept`: the workspace joined; `csrfToken` when a new account was signed in. */
export const acceptedInviteSchema = z.strictObject({ workspaceId: z.string(), role: roleSchema, csrfToken: z.string().optional() });
export type AcceptedInvite = z.infer<typeof acceptedInviteSchema>;
