import type { SlackStep } from './slack.schema';
import { StepError } from '../../runner/step-error';
import type { StepHandler } from '../../runner/step-handler';
import { evaluateStepField, incomingWebhookTarget, postJson, postedOutcome, renderStepField, setIfPresent } from '../shared/app-request';

/** `slack`: posts `{ text, blocks?, username?, icon_emoji? }` to an incoming webhook. */
export const slackHandler: StepHandler<SlackStep> = async (params) => {
  const { step } = params;
  const payload: Record<string, unknown> = { text: await renderStepField(params, 'text', step.text) };
  if (step.blocks !== undefined) {
    const blocks = await evaluateStepField(params, 'blocks', step.blocks);
    if (blocks !== undefined && !Array.isArray(blocks)) {
      throw new StepError({
        code: 'INVALID_BLOCKS',
        message: 'blocks: must give an array of Block Kit blocks',
        kind: 'user',
        retryable: false,
        field: 'blocks',
      });
    }
    setIfPresent(payload, 'blocks', blocks);
  }
  if (step.username !== undefined) setIfPresent(payload, 'username', await renderStepField(params, 'username', step.username));
  if (step.iconEmoji !== undefined) setIfPresent(payload, 'icon_emoji', await renderStepField(params, 'iconEmoji', step.iconEmoji));
  const target = await incomingWebhookTarget(params, step);
  return postedOutcome(await postJson(params, { url: target.url, payload, timeoutMs: step.timeoutMs, secrets: target.secrets }));
};
