import { verifyStandardWebhooksWith } from './standard-webhooks.verifier';
import type { Verifier, VerifySettings } from './verification.types';

/** `svix`: Standard Webhooks with `svix-*` headers (Svix also sends `webhook-*`, accepted as well). */
export const verifySvix: Verifier<VerifySettings<'svix'>> = (input) => verifyStandardWebhooksWith(['svix', 'webhook'], input);
