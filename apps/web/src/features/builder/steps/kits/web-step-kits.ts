import { STEP_KITS, STEP_TYPES, isStepType, type StepType } from '@switchyard/engine';
import type { StepDraft, StepDraftOf } from '../../state/step-draft';
import { appWebKit } from './app/app.kit';
import { branchWebKit } from './branch/branch.kit';
import { delayWebKit } from './delay/delay.kit';
import { discordWebKit } from './discord/discord.kit';
import { emailWebKit } from './email/email.kit';
import { filterWebKit } from './filter/filter.kit';
import { httpWebKit } from './http/http.kit';
import { loopWebKit } from './loop/loop.kit';
import { mapWebKit } from './map/map.kit';
import { respondWebKit } from './respond/respond.kit';
import { slackWebKit } from './slack/slack.kit';
import { stopWebKit } from './stop/stop.kit';
import { teamsWebKit } from './teams/teams.kit';
import { telegramWebKit } from './telegram/telegram.kit';
import type { WebStepKit } from './web-step-kit';
import { webhookWebKit } from './webhook/webhook.kit';
import { subworkflowWebKit } from './subworkflow/subworkflow.kit';
import { waitWebKit } from './wait/wait.kit';

/**
 * The builder's kit of every step type, typed by the engine's step union: a type without a kit does
 * not compile. Forms are in `STEP_FORMS`, kept apart so that the builder's state, which creates and
 * cleans steps with these kits, never imports the React forms that render it.
 */
export const WEB_STEP_KITS: { readonly [T in StepType]: WebStepKit<T> } = {
  map: mapWebKit,
  filter: filterWebKit,
  http: httpWebKit,
  branch: branchWebKit,
  loop: loopWebKit,
  delay: delayWebKit,
  wait: waitWebKit,
  subworkflow: subworkflowWebKit,
  respond: respondWebKit,
  stop: stopWebKit,
  slack: slackWebKit,
  discord: discordWebKit,
  teams: teamsWebKit,
  telegram: telegramWebKit,
  webhook: webhookWebKit,
  email: emailWebKit,
  app: appWebKit,
};

/**
 * The kit of a step, typed for any step: `WEB_STEP_KITS[step.type]` is a union of kits TypeScript
 * cannot call with the same step, though they always agree. `undefined` for a type this builder does
 * not know (a step it keeps as it is).
 */
export function webKitOf(step: { type: string }): WebStepKit<StepType> | undefined {
  return isStepType(step.type) ? (WEB_STEP_KITS[step.type] as unknown as WebStepKit<StepType>) : undefined;
}

/**
 * The step types the step menu offers: the core ones first, then the apps, with "App action" (the
 * catalogue) at their head: the older built-in senders (Slack, Discord, Teams, Telegram webhooks,
 * e-mail, signed webhook) are apps of the catalogue now, and stay offered after it for the steps
 * that use them.
 */
export const MENU_STEP_TYPES: { core: ReadonlyArray<StepType>; apps: ReadonlyArray<StepType> } = {
  core: STEP_TYPES.filter((type) => STEP_KITS[type].category !== 'app'),
  apps: [
    ...STEP_TYPES.filter((type) => type === 'app'),
    ...STEP_TYPES.filter((type) => STEP_KITS[type].category === 'app' && type !== 'app'),
  ],
};

/** Steps that call out (http, app actions): a test sends them for real, and their output comes from tests only. */
export function callsOut(type: string): boolean {
  return isStepType(type) && STEP_KITS[type].outbound;
}

/** The one-line summary of a collapsed card. */
export function stepSummary(step: StepDraft): string {
  return webKitOf(step)?.summary(step as StepDraftOf<StepType>) ?? '';
}

/** The summary of a collapsed app action card; null for other steps. */
export function appStepSummary(step: StepDraft): string | null {
  return isStepType(step.type) && STEP_KITS[step.type].category === 'app' ? stepSummary(step) : null;
}
