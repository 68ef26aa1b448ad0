import type { RetryPolicy } from '../runner/retry-policy';
import { appKit } from './app/app.kit';
import { branchKit } from './branch/branch.kit';
import { delayKit } from './delay/delay.kit';
import { discordKit } from './discord/discord.kit';
import { emailKit } from './email/email.kit';
import { filterKit } from './filter/filter.kit';
import { httpKit } from './http/http.kit';
import { loopKit } from './loop/loop.kit';
import { mapKit } from './map/map.kit';
import { respondKit } from './respond/respond.kit';
import { slackKit } from './slack/slack.kit';
import { NO_RETRY_POLICY, type StepKit } from './step-kit';
import type { Step, StepType } from './step.schema';
import { stopKit } from './stop/stop.kit';
import { teamsKit } from './teams/teams.kit';
import { telegramKit } from './telegram/telegram.kit';
import { webhookKit } from './webhook/webhook.kit';
import { subworkflowKit } from './subworkflow/subworkflow.kit';
import { waitKit } from './wait/wait.kit';

/**
 * One kit per step type, in the order the builder offers them. Typed by the step union, so a type
 * without a kit (or a kit without a type) does not compile.
 */
export const STEP_KITS: { readonly [T in StepType]: StepKit<T> } = {
  map: mapKit,
  filter: filterKit,
  http: httpKit,
  branch: branchKit,
  loop: loopKit,
  delay: delayKit,
  wait: waitKit,
  subworkflow: subworkflowKit,
  respond: respondKit,
  stop: stopKit,
  slack: slackKit,
  discord: discordKit,
  teams: teamsKit,
  telegram: telegramKit,
  webhook: webhookKit,
  email: emailKit,
  app: appKit,
};

/** A kit of any step type. */
export type AnyStepKit = { [T in StepType]: StepKit<T> }[StepType];

/**
 * The kit of a step, typed for any step: `STEP_KITS[step.type]` is a union of kits that TypeScript
 * cannot call with the same `step`, though kit and step always agree.
 */
export function kitOf(step: Step): StepKit<StepType> {
  return STEP_KITS[step.type] as unknown as StepKit<StepType>;
}

/** Every step type, in the order the builder offers them. */
export const STEP_TYPES: ReadonlyArray<StepType> = Object.keys(STEP_KITS) as StepType[];

/** Whether a text (from a stored or a client's definition) names a step type. */
export function isStepType(type: unknown): type is StepType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(STEP_KITS, type);
}

/** Whether steps of this type are pure (see `StepKit.pure`): false for a text that names no step type. */
export function isPureStepType(type: unknown): boolean {
  return isStepType(type) && STEP_KITS[type].pure === true;
}

/** The kit of a step type; `undefined` for a text that names none (an unvalidated definition). */
export function findStepKit(type: unknown): AnyStepKit | undefined {
  return isStepType(type) ? (STEP_KITS[type] as AnyStepKit) : undefined;
}

/** App actions: steps that send a message to an app (built on the same sending code as `http`). */
export const APP_STEP_TYPES: ReadonlyArray<StepType> = STEP_TYPES.filter((type) => STEP_KITS[type].category === 'app');

/** Step types that hold other steps. */
export const CONTAINER_STEP_TYPES: ReadonlyArray<StepType> = STEP_TYPES.filter((type) => STEP_KITS[type].lists !== undefined);

/** Step types that call out (HTTP or SMTP): their retryable failures are retried by default. */
export const OUTBOUND_STEP_TYPES: ReadonlyArray<StepType> = STEP_TYPES.filter((type) => STEP_KITS[type].outbound);

/** Defaults by step type: calls out (`http`, app actions) are tried three times; other steps fail at once. */
export function defaultRetryPolicy(stepType: string): RetryPolicy {
  return { ...(findStepKit(stepType)?.retry ?? NO_RETRY_POLICY) };
}
