import { TELEGRAM_API_BASE_URL, type TelegramStep } from './telegram.schema';
import { StepError } from '../../runner/step-error';
import type { StepHandler } from '../../runner/step-handler';
import { postJson, postedOutcome, renderStepField } from '../shared/app-request';
import { credentialField, maskSecrets, resolveStepCredential } from '../shared/outbound-request';

/** The credential type of a Telegram bot token. */
export const TELEGRAM_CREDENTIAL_TYPE = 'telegram-bot';

/**
 * `telegram`: `sendMessage` of the Bot API. The token is part of the URL (`/bot<token>/`), so it is
 * passed as a secret and masked in the journal and in error messages.
 */
export const telegramHandler: StepHandler<TelegramStep> = async (params) => {
  const { step } = params;
  const payload: Record<string, unknown> = {
    chat_id: (await renderStepField(params, 'chatId', step.chatId)).trim(),
    text: await renderStepField(params, 'text', step.text),
  };
  if (step.parseMode !== undefined) payload.parse_mode = step.parseMode;
  if (step.disableNotification !== undefined) payload.disable_notification = step.disableNotification;
  const credential = await resolveStepCredential({
    ports: params.ports,
    credentialId: step.credentialId,
    expectedTypes: [TELEGRAM_CREDENTIAL_TYPE],
  });
  const token = credentialField(credential, 'token');
  const base = (step.apiBaseUrl?.trim() || TELEGRAM_API_BASE_URL).replace(/\/+$/, '');
  const result = await postJson(params, {
    url: `${base}/bot${token}/sendMessage`,
    payload,
    timeoutMs: step.timeoutMs,
    secrets: [token],
    failOnNon2xx: false,
  });
  const answer = result.body as {
    ok?: unknown;
    description?: unknown;
    error_code?: unknown;
    parameters?: { retry_after?: unknown };
  } | null;
  if (typeof answer !== 'object' || answer === null || answer.ok !== true) {
    const status = result.response.status;
    const description =
      typeof answer?.description === 'string' ? maskSecrets(answer.description, [token]) : `HTTP ${status} without a Bot API answer`;
    const retryAfter = typeof answer?.parameters?.retry_after === 'number' ? { retryAfterMs: answer.parameters.retry_after * 1000 } : {};
    throw new StepError({
      code: 'TELEGRAM_ERROR',
      message: `Telegram: ${description}`,
      kind: 'user',
      retryable: status >= 500 || status === 429,
      details: {
        status,
        description,
        ...(typeof answer?.error_code === 'number' ? { errorCode: answer.error_code } : {}),
        request: result.recorded,
        ...retryAfter,
      },
    });
  }
  return postedOutcome(result);
};
