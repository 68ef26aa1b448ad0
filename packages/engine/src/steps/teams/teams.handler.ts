import type { TeamsStep } from './teams.schema';
import type { StepHandler } from '../../runner/step-handler';
import { incomingWebhookTarget, postJson, postedOutcome, renderStepField } from '../shared/app-request';

/** The Adaptive Card message a Teams Workflows webhook expects: a bold title and wrapped text. */
export function teamsMessage(title: string, text: string): Record<string, unknown> {
  const body: Array<Record<string, unknown>> = [];
  if (title !== '') body.push({ type: 'TextBlock', text: title, weight: 'Bolder', size: 'Large', wrap: true });
  body.push({ type: 'TextBlock', text, wrap: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body },
      },
    ],
  };
}

/** `teams`: posts an Adaptive Card message to a Teams Workflows incoming webhook. */
export const teamsHandler: StepHandler<TeamsStep> = async (params) => {
  const { step } = params;
  const title = step.title === undefined ? '' : await renderStepField(params, 'title', step.title);
  const text = await renderStepField(params, 'text', step.text);
  const target = await incomingWebhookTarget(params, step);
  return postedOutcome(
    await postJson(params, { url: target.url, payload: teamsMessage(title, text), timeoutMs: step.timeoutMs, secrets: target.secrets }),
  );
};
