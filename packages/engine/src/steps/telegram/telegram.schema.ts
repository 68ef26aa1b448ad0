import { z } from 'zod';
import { APP_DEFAULT_TIMEOUT_MS } from '../shared/app-step.schema';
import { timeoutSchema } from '../http/http.schema';
import { credentialIdSchema, stepBaseShape, templateSchema } from '../shared/step-base.schema';

/** Telegram's formatting modes of a message's text. */
export const TELEGRAM_PARSE_MODES = ['MarkdownV2', 'HTML'] as const;
/** Where the Bot API is, unless a step names a self-hosted Bot API server. */
export const TELEGRAM_API_BASE_URL = 'https://api.telegram.org';

/**
 * `telegram`: sends a message with a bot (`sendMessage` of the Bot API) to a chat. The bot token
 * comes from a stored `telegram-bot` credential; it is part of the URL and the journal masks it.
 * Telegram answers `{ ok: false, description }` on errors: the step fails with that description.
 * Output: `{ status, headers, body }`, `body.result` being the sent message.
 */
export const telegramStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('telegram'),
  credentialId: credentialIdSchema.describe('Stored bot token (credential type telegram-bot)'),
  chatId: templateSchema
    .min(1, 'must not be empty')
    .describe('Chat id (a number) or @channelusername; may contain {{ expression }} placeholders'),
  text: templateSchema
    .min(1, 'must not be empty')
    .describe('Message text (at most 4,096 characters once rendered); may contain {{ expression }} placeholders'),
  parseMode: z.enum(TELEGRAM_PARSE_MODES).optional().describe('Formatting of the text: MarkdownV2 or HTML (default plain text)'),
  disableNotification: z.boolean().optional().describe('Send silently: users get a notification without sound'),
  apiBaseUrl: z
    .string()
    .max(2048, 'must be at most 2,048 characters')
    .optional()
    .describe(`Bot API server (default ${TELEGRAM_API_BASE_URL}), for a self-hosted Bot API server`),
  timeoutMs: timeoutSchema(APP_DEFAULT_TIMEOUT_MS),
});
export type TelegramStep = z.infer<typeof telegramStepSchema>;
