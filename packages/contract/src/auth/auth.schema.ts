import { z } from 'zod';
import { roleSchema } from '../access/role.schema';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-limits';

const email = z.string().trim().toLowerCase().email('must be an email address').max(320);
/** Passwords: 10 to 1024 characters. */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
const name = z.string().trim().min(1, 'must not be empty').max(200).optional();

/** `POST /api/auth/setup`: the owner account, once. */
export const setupSchema = z.object({ email, password: passwordSchema, name });
/** `POST /api/auth/login`. */
export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'is required'),
  password: z.string().min(1, 'is required'),
});
/** `POST /api/auth/password`: signs out every other session of the user. */
export const changePasswordSchema = z.object({ currentPassword: z.string().min(1, 'is required'), newPassword: passwordSchema });
export type SetupRequest = z.input<typeof setupSchema>;
export type LoginRequest = z.input<typeof loginSchema>;
export type ChangePasswordRequest = z.input<typeof changePasswordSchema>;

export const authUserSchema = z.strictObject({ id: z.string(), email: z.string(), name: z.string() });
export type AuthUser = z.infer<typeof authUserSchema>;

/** A workspace of the caller and their role in it. `name` is null only for an API key's own in `/api/auth/state`. */
export const membershipSchema = z.strictObject({ id: z.string(), name: z.string(), role: roleSchema });
export type WorkspaceMembership = z.infer<typeof membershipSchema>;

/** What this server offers; `email`: it can send e-mail (SWITCHYARD_SMTP_URL is set). */
export const serverFeaturesSchema = z.strictObject({ email: z.boolean() });

/**
 * `GET /api/auth/state` (docs/accounts.md): whether setup is needed, who is signed in, their
 * workspaces and the CSRF token to send. Anonymous callers get `user: null` and no workspaces; an
 * API key gets its own workspace and `apiKey`.
 */
export const authStateSchema = z.strictObject({
  setupRequired: z.boolean(),
  user: authUserSchema.nullable(),
  workspaces: z.array(membershipSchema.extend({ name: z.string().nullable() })),
  csrfToken: z.string().optional(),
  apiKey: z.strictObject({ id: z.string(), name: z.string() }).optional(),
  features: serverFeaturesSchema.optional(),
  /** Single sign-on offered on the sign-in page (docs/accounts.md "Single sign-on"); absent when not configured. */
  sso: z.strictObject({ name: z.string(), passwordSignIn: z.boolean() }).optional(),
});
export type AuthState = z.infer<typeof authStateSchema>;

/** `POST /api/auth/setup` and `/login`: the session cookies are set; the CSRF token is also in the body. */
export const signedInSchema = z.strictObject({ user: authUserSchema, workspaces: z.array(membershipSchema), csrfToken: z.string() });
export type SignedIn = z.infer<typeof signedInSchema>;
