import { z } from 'zod';
import { appStepSchema } from './app/app.schema';
import { branchSchemasOf } from './branch/branch.schema';
import { delayStepSchema } from './delay/delay.schema';
import { discordStepSchema } from './discord/discord.schema';
import { emailStepSchema } from './email/email.schema';
import { filterStepSchema } from './filter/filter.schema';
import { httpStepSchema } from './http/http.schema';
import { loopStepSchemaOf } from './loop/loop.schema';
import { mapStepSchema } from './map/map.schema';
import { respondStepSchema } from './respond/respond.schema';
import { slackStepSchema } from './slack/slack.schema';
import { stopStepSchema } from './stop/stop.schema';
import { teamsStepSchema } from './teams/teams.schema';
import { telegramStepSchema } from './telegram/telegram.schema';
import { webhookStepSchema } from './webhook/webhook.schema';
import { subworkflowStepSchema } from './subworkflow/subworkflow.schema';
import { waitStepSchema } from './wait/wait.schema';

/** Most steps in one list of steps (the workflow's, a branch path's or a loop's). */
export const MAX_STEPS_PER_LIST = 100;

// Branch paths and loops hold steps, so their schemas are recursive. Each container kit declares its
// schema as a function of the step list schema (`branchSchemasOf`, `loopStepSchemaOf`) and this
// module passes `stepList`, whose union it reads lazily (getters evaluated by zod at parse time).
// The kits never import this module for their schema: no module cycle, whatever loads first. The
// explicit `StepListSchema` type is what lets TypeScript infer the recursive `Step` type.

type StepListSchema = z.ZodDefault<z.ZodArray<typeof stepSchema>>;

function stepList(description: string): StepListSchema {
  return z.array(stepSchema).max(MAX_STEPS_PER_LIST, `must have at most ${MAX_STEPS_PER_LIST} steps`).default([]).describe(description);
}

const branch = branchSchemasOf(stepList);

/** One path of a `branch`: a condition and the steps that run when it holds. */
export const branchPathSchema = branch.path;
export type BranchPath = z.infer<typeof branchPathSchema>;

/** The `otherwise` path of a `branch`: runs when no path matched. */
export const otherwisePathSchema = branch.otherwise;
export type OtherwisePath = z.infer<typeof otherwisePathSchema>;

/** `branch` (Paths); see `branchStepShape`. */
export const branchStepSchema = branch.step;
export type BranchStep = z.infer<typeof branchStepSchema>;

/** `loop` (For each); see `loopStepShape`. */
export const loopStepSchema = loopStepSchemaOf(stepList);
export type LoopStep = z.infer<typeof loopStepSchema>;

/**
 * Every step type, discriminated by `type`. A new step type adds its schema here and its kit to
 * `STEP_KITS` (`steps/step-kits.ts`), which the compiler then requires.
 */
export const stepSchema = z.discriminatedUnion('type', [
  mapStepSchema,
  filterStepSchema,
  httpStepSchema,
  branchStepSchema,
  loopStepSchema,
  delayStepSchema,
  respondStepSchema,
  stopStepSchema,
  slackStepSchema,
  discordStepSchema,
  teamsStepSchema,
  telegramStepSchema,
  webhookStepSchema,
  emailStepSchema,
  appStepSchema,
  waitStepSchema,
  subworkflowStepSchema,
]);
export type Step = z.infer<typeof stepSchema>;
export type StepType = Step['type'];
/** The step of one type: `StepOf<'http'>` is `HttpStep`. */
export type StepOf<T extends StepType> = Extract<Step, { type: T }>;
