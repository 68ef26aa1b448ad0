import { z } from 'zod';
import { timeoutSchema } from '../http/http.schema';
import { credentialIdSchema, stepBaseShape, templateSchema } from '../shared/step-base.schema';

/**
 * How the connection to the SMTP server is secured: `starttls` upgrades a plain connection (port
 * 587, refused when the server does not offer it), `tls` is TLS from the start (port 465), `none` is
 * plain text (local relays only).
 */
export const SMTP_SECURITY_MODES = ['starttls', 'tls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY_MODES)[number];
/** Default time limit of an SMTP send, in milliseconds. */
export const EMAIL_DEFAULT_TIMEOUT_MS = 30_000;

const addressTemplate = templateSchema.max(10_000, 'must be at most 10,000 characters');

/**
 * `email`: sends an e-mail through an SMTP server (the host's mail port). Address fields are
 * templates; `to`, `cc` and `bcc` take comma-separated addresses. At least one of `text` and `html`.
 * `credentialId` names a `basic` credential (username and password) for the SMTP login. The
 * Message-ID is stable per run and step. Output: the server's receipt
 * `{ messageId, accepted, rejected, response }`.
 */
export const emailStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('email'),
  host: z.string().trim().min(1, 'must not be empty').max(253, 'must be at most 253 characters').describe('SMTP server host name'),
  port: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(65_535, 'must be at most 65535')
    .default(587)
    .describe('SMTP server port (587 STARTTLS, 465 TLS, 25 plain)'),
  security: z.enum(SMTP_SECURITY_MODES).default('starttls').describe('Connection security: starttls (default), tls or none'),
  credentialId: credentialIdSchema.optional().describe('Stored SMTP login (credential type basic: username and password)'),
  from: addressTemplate
    .min(1, 'must not be empty')
    .describe('Sender, e.g. "Shop <shop@example.com>"; may contain {{ expression }} placeholders'),
  to: addressTemplate.min(1, 'must not be empty').describe('Recipients, comma-separated; may contain {{ expression }} placeholders'),
  cc: addressTemplate.optional().describe('Copy recipients, comma-separated'),
  bcc: addressTemplate.optional().describe('Blind copy recipients, comma-separated'),
  replyTo: addressTemplate.optional().describe('Reply-To address'),
  subject: templateSchema.max(2000, 'must be at most 2,000 characters').describe('Subject; may contain {{ expression }} placeholders'),
  text: templateSchema.optional().describe('Plain text body; may contain {{ expression }} placeholders'),
  html: templateSchema.optional().describe('HTML body; may contain {{ expression }} placeholders (values are not escaped)'),
  timeoutMs: timeoutSchema(EMAIL_DEFAULT_TIMEOUT_MS),
});
export type EmailStep = z.infer<typeof emailStepSchema>;
