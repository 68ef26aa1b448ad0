import type { DiscordStep } from './discord.schema';
import { StepError } from '../../runner/step-error';
import type { StepHandler } from '../../runner/step-handler';
import { evaluateStepField, incomingWebhookTarget, postJson, postedOutcome, renderStepField, setIfPresent } from '../shared/app-request';

const MAX_EMBEDS = 10;

/** `discord`: posts `{ content, username?, avatar_url?, embeds? }` to a Discord webhook. */
export const discordHandler: StepHandler<DiscordStep> = async (params) => {
  const { step } = params;
  const payload: Record<string, unknown> = { content: await renderStepField(params, 'content', step.content) };
  if (step.username !== undefined) setIfPresent(payload, 'username', await renderStepField(params, 'username', step.username));
  if (step.avatarUrl !== undefined)
    setIfPresent(payload, 'avatar_url', (await renderStepField(params, 'avatarUrl', step.avatarUrl)).trim());
  if (step.embeds !== undefined) {
    const embeds = await evaluateStepField(params, 'embeds', step.embeds);
    if (embeds !== undefined && (!Array.isArray(embeds) || embeds.length > MAX_EMBEDS)) {
      throw new StepError({
        code: 'INVALID_EMBEDS',
        message: `embeds: must give an array of at most ${MAX_EMBEDS} embeds`,
        kind: 'user',
        retryable: false,
        field: 'embeds',
      });
    }
    setIfPresent(payload, 'embeds', embeds);
  }
  const target = await incomingWebhookTarget(params, step);
  return postedOutcome(await postJson(params, { url: target.url, payload, timeoutMs: step.timeoutMs, secrets: target.secrets }));
};
