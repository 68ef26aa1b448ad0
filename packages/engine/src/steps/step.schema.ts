import { z } from 'zod';
import { MAX_BRANCH_PATHS, branchPathShape, branchStepShape, otherwisePathShape } from './branch/branch.schema';
import { delayStepSchema } from './delay/delay.schema';
import { discordStepSchema } from './discord/discord.schema';
import { emailStepSchema } from './email/email.schema';
import { filterStepSchema } from './filter/filter.schema';
import { httpStepSchema } from './http/http.schema';
import { loopStepShape } from './loop/loop.schema';
import { mapStepSchema } from './map/map.schema';
import { respondStepSchema } from './respond/respond.schema';
import { slackStepSchema } from './slack/slack.schema';
import { stopStepSchema } from './stop/stop.schema';
import { teamsStepSchema } from './teams/teams.schema';
import { telegramStepSchema } from './telegram/telegram.schema';
import { webhookStepSchema } from './webhook/webhook.schema';

/** Most steps in one list of steps (the workflow's, a branch path's or a loop's). */
export const MAX_STEPS_PER_LIST = 100;

// Branch paths and loops hold steps, so their schemas are recursive. The recursion is declared here,
// beside the union, with getters (evaluated lazily by zod): spread over several modules it would make
// an import cycle whose outcome depends on which module loads first. Each type's other fields, their
// descriptions and documentation live in its own file under steps/.

type StepListSchema = z.ZodDefault<z.ZodArray<typeof stepSchema>>;

function stepList(description: string): StepListSchema {
  return z.array(stepSchema).max(MAX_STEPS_PER_LIST, `must have at most ${MAX_STEPS_PER_LIST} steps`).default([]).describe(description);
}

/** One path of a `branch`: a condition and the steps that run when it holds. */
export const branchPathSchema = z.strictObject({
  ...branchPathShape,
  get steps(): StepListSchema {
    return stepList('Steps of this path');
  },
});
export type BranchPath = z.infer<typeof branchPathSchema>;

/** The `otherwise` path of a `branch`: runs when no path matched. */
export const otherwisePathSchema = z.strictObject({
  ...otherwisePathShape,
  get steps(): StepListSchema {
    return stepList('Steps run when no path matched');
  },
});
export type OtherwisePath = z.infer<typeof otherwisePathSchema>;

/** `branch` (Paths); see {@link branchStepShape}. */
export const branchStepSchema = z.strictObject({
  ...branchStepShape,
  get paths(): z.ZodArray<typeof branchPathSchema> {
    return z
      .array(branchPathSchema)
      .min(1, 'must have at least one path')
      .max(MAX_BRANCH_PATHS, `must have at most ${MAX_BRANCH_PATHS} paths`)
      .describe('Paths, checked in order');
  },
  get otherwise(): z.ZodOptional<typeof otherwisePathSchema> {
    return otherwisePathSchema.optional().describe('Path that runs when no other path matched');
  },
});
export type BranchStep = z.infer<typeof branchStepSchema>;

/** `loop` (For each); see {@link loopStepShape}. */
export const loopStepSchema = z.strictObject({
  ...loopStepShape,
  get steps(): StepListSchema {
    return stepList('Steps run for each item');
  },
});
export type LoopStep = z.infer<typeof loopStepSchema>;

/** Every step type, discriminated by `type`. */
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
]);
export type Step = z.infer<typeof stepSchema>;
export type StepType = Step['type'];

/** Every step type, in the order the builder offers them. */
export const STEP_TYPES: ReadonlyArray<StepType> = [
  'map',
  'filter',
  'http',
  'branch',
  'loop',
  'delay',
  'respond',
  'stop',
  'slack',
  'discord',
  'teams',
  'telegram',
  'webhook',
  'email',
];

/** App actions: steps that send a message to an app (built on the same sending code as `http`). */
export const APP_STEP_TYPES: ReadonlyArray<StepType> = ['slack', 'discord', 'teams', 'telegram', 'webhook', 'email'];

/** Step types that hold other steps. */
export const CONTAINER_STEP_TYPES: ReadonlyArray<StepType> = ['branch', 'loop'];

/** The nested step lists of a step, each with its path relative to the step (`paths[0].steps`). */
export function childStepLists(step: Step): Array<{ path: string; steps: Step[] }> {
  if (step.type === 'branch') {
    const lists = step.paths.map((p, i) => ({ path: `paths[${i}].steps`, steps: p.steps }));
    if (step.otherwise) lists.push({ path: 'otherwise.steps', steps: step.otherwise.steps });
    return lists;
  }
  if (step.type === 'loop') return [{ path: 'steps', steps: step.steps }];
  return [];
}
