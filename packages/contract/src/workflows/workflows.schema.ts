import {
  formTriggerSchema,
  manualTriggerSchema,
  pollTriggerSchema,
  scheduleTriggerSchema,
  stepSchema,
  type TriggerType,
  webhookTriggerSchema,
} from '@switchyard/engine';
import { z } from 'zod';
import { timestampSchema } from '../common/page.schema';
import { runStatusSchema } from '../runs/runs.schema';
import { alertsSchema, autoReplaySchema } from './auto-replay.schema';

const retentionDays = z
  .number()
  .int('must be a whole number of days')
  .min(1, 'must be at least 1')
  .max(3650, 'must be at most 3650')
  .nullable()
  .optional();

const concurrency = z
  .number()
  .int('must be a whole number of runs')
  .min(1, 'must be at least 1')
  .max(1000, 'must be at most 1000')
  .nullable()
  .optional();

/** The workflow started with a failed run's summary when a run finally fails (null = none). */
const errorWorkflowId = z.uuid('must be the id of a workflow of this workspace').nullable().optional();

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/**
 * `POST /api/workflows` and `PUT /api/workflows/:id`. `trigger` and `steps` are checked by the
 * engine (validateDefinition), which reports JSONata errors with their position; this schema leaves
 * them to it, and WorkflowInput types them for clients.
 */
export const workflowInputSchema = z.strictObject({
  name,
  schemaVersion: z.number().int().optional(),
  trigger: z.unknown(),
  steps: z.unknown(),
  active: z.boolean().optional(),
  /** Days requests and runs are kept (default SWITCHYARD_RETENTION_DAYS, 30). */
  retentionDays,
  /** Most runs executing at once (null = no limit); the others wait queued, in arrival order. */
  concurrency,
  /** Failed runs replayed on a schedule, then dead-lettered (null = off). */
  autoReplay: autoReplaySchema.nullable().optional(),
  /** Dead-letter alerts (null = none). */
  alerts: alertsSchema.nullable().optional(),
  errorWorkflowId,
});

/** `PATCH /api/workflows/:id`: any subset; `{ active }` pauses or resumes. */
export const workflowPatchSchema = z.strictObject({
  name: name.optional(),
  trigger: z.unknown().optional(),
  steps: z.unknown().optional(),
  active: z.boolean().optional(),
  retentionDays,
  concurrency,
  autoReplay: autoReplaySchema.nullable().optional(),
  alerts: alertsSchema.nullable().optional(),
  errorWorkflowId,
});

/**
 * A step as a client builds it: any type, its fields not yet checked (the api validates the whole
 * definition and answers 400 with a path per problem).
 */
export interface StepDraft {
  id: string;
  type: string;
  name?: string;
  [field: string]: unknown;
}

/** The trigger as a client builds it: `{ type }` (webhook, schedule, poll, form, manual) and its settings, checked by the api (see triggerSchema). */
export interface TriggerDraft {
  type: TriggerType;
  [setting: string]: unknown;
}

type DefinitionDraft = { trigger: TriggerDraft; steps: StepDraft[] };

/** What the api parsed from a `POST`/`PUT` body (trigger and steps still to be validated by the engine). */
export type WorkflowInputParsed = z.output<typeof workflowInputSchema>;
/** The body of `POST /api/workflows` and `PUT /api/workflows/:id`. */
export type WorkflowInput = Omit<z.input<typeof workflowInputSchema>, 'trigger' | 'steps'> & DefinitionDraft;
export type WorkflowPatchParsed = z.output<typeof workflowPatchSchema>;
/** The body of `PATCH /api/workflows/:id`. */
export type WorkflowPatch = Omit<z.input<typeof workflowPatchSchema>, 'trigger' | 'steps'> & Partial<DefinitionDraft>;

const reachedAt = {
  /**
   * Where the trigger is reached: the webhook URL to give the sender (SWITCHYARD_PUBLIC_URL +
   * `/hooks/` + token), the hosted form's page (`/forms/` + token); null for schedule, poll and manual.
   */
  url: z.string().nullable(),
  token: z.string(),
};

/** The trigger in answers: its settings with the secrets replaced by masked `secretHints`, where it is reached and its token. */
export const workflowTriggerSchema = z.discriminatedUnion('type', [
  webhookTriggerSchema.extend(reachedAt).refine((t) => t.verify?.secrets === undefined, {
    message: 'must never carry secrets (only secretHints)',
    path: ['verify', 'secrets'],
  }),
  scheduleTriggerSchema.extend(reachedAt),
  pollTriggerSchema.extend(reachedAt),
  formTriggerSchema.extend(reachedAt),
  manualTriggerSchema.extend(reachedAt),
]);
export type WorkflowTrigger = z.infer<typeof workflowTriggerSchema>;

/** A workflow as the api answers it: settings, the current version's definition and its trigger URL. */
export const workflowSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  /** Days its requests and runs are kept. */
  retentionDays: z.number().int(),
  /** Most runs executing at once; null = no limit. */
  concurrency: z.number().int().nullable(),
  /** Auto-replay of failed runs (`enabled: false` when off). */
  autoReplay: autoReplaySchema,
  /** Dead-letter alerts, or null. */
  alerts: alertsSchema.nullable(),
  /** The error workflow: started with the summary of each run that finally fails (null = none). */
  errorWorkflowId: z.string().nullable().optional(),
  /** Number of the current version (1, 2, ...); a new one is made when the definition changes. */
  version: z.number().int(),
  versionId: z.string(),
  schemaVersion: z.number().int(),
  trigger: workflowTriggerSchema,
  steps: z.array(stepSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Workflow = z.infer<typeof workflowSchema>;

/** A workflow in the list, with its latest run and how many runs it had in the last 24 hours. */
export const workflowListItemSchema = workflowSchema.extend({
  lastRun: z.strictObject({ id: z.string(), status: runStatusSchema, createdAt: timestampSchema }).nullable(),
  runs24h: z.number().int().min(0),
});
export type WorkflowListItem = z.infer<typeof workflowListItemSchema>;

export const workflowListSchema = z.strictObject({ items: z.array(workflowListItemSchema) });
export type WorkflowList = z.infer<typeof workflowListSchema>;
