import { credentialIdSchema, templateSchema } from './step-base.schema';

/**
 * Where a chat app action (`slack`, `discord`, `teams`) posts: exactly one of `credentialId`, a
 * stored `webhook-url` credential (the URL is a secret: anyone who has it can post), or `url`, a
 * template. The journal masks a URL that comes from a credential.
 */
export const incomingWebhookShape = {
  credentialId: credentialIdSchema.optional().describe('Stored incoming webhook URL (credential type webhook-url); or set url'),
  url: templateSchema
    .min(1, 'must not be empty')
    .optional()
    .describe('Incoming webhook URL; may contain {{ expression }} placeholders; or set credentialId'),
};

/** Default time limit of an app action's call, in milliseconds. */
export const APP_DEFAULT_TIMEOUT_MS = 10_000;
