import { z } from 'zod';
import { cursorSchema, isoTimeQuerySchema, pageOf, timestampSchema } from '../common/page.schema';
import { RUN_STATUSES, STEP_RUN_STATUSES, type StepRunStatus } from './statuses';

export const runStatusSchema = z.enum(RUN_STATUSES);
export const stepRunStatusSchema = z.enum(STEP_RUN_STATUSES);

/** Most runs one bulk replay creates. */
export const MAX_BULK_REPLAY = 1000;
/** Items of a loop put in the run detail: the first ones, and failed ones after them up to as many again. */
export const LOOP_ITEMS_SHOWN = 100;

/** `GET /api/workflows/:id/runs?status=&since=&until=&limit=&cursor=&q=&deadLetter=`. */
export const listRunsQuerySchema = z.strictObject({
  status: z.enum(RUN_STATUSES).optional(),
  since: isoTimeQuerySchema,
  until: isoTimeQuerySchema,
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
  cursor: cursorSchema,
  /** Payload search: `body.customer.email = "a@b.c"`. */
  q: z.string().max(2000, 'must be at most 2000 characters').optional(),
  /** `true`: dead letters only (failed runs whose auto-replay schedule is used up); `false`: none of them. */
  deadLetter: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
  /** `true`: only failed runs resolved by a successful replay; `false`: none of them. */
  resolved: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
});

/** `GET /api/runs`: the same filters across every workflow, plus `workflowId`. */
export const listAllRunsQuerySchema = listRunsQuerySchema.extend({ workflowId: z.string().uuid('must be a workflow id').optional() });
export type RunListQuery = z.input<typeof listAllRunsQuerySchema>;
export type ListRunsFilters = z.output<typeof listAllRunsQuerySchema>;

const replayOptionsShape = {
  /** `start`: every step again; `failed-step`: completed steps are reused, not repeated. */
  from: z.enum(['start', 'failed-step']).default('start'),
  /** `current`: the workflow as it is now (after a fix); `original`: the version the run used. */
  version: z.enum(['current', 'original']).default('current'),
  /**
   * Side-effecting steps of a replay send the same idempotency keys as the run replayed (keys of the
   * first run of the request), so receivers drop what they already applied; `true` gives the replay
   * keys of its own, so every call is applied again.
   */
  freshIdempotencyKeys: z.boolean({ message: 'must be true or false' }).default(false),
};

/** `POST /api/runs/:id/replay`. */
export const replaySchema = z.strictObject(replayOptionsShape);
export type ReplayOptions = z.output<typeof replaySchema>;

/** The run filters of a bulk replay (failed runs unless told otherwise). */
export const bulkReplayFilterSchema = z.strictObject({
  workflowId: z.string().uuid('must be a workflow id').optional(),
  status: z.enum(RUN_STATUSES).default('failed'),
  since: isoTimeQuerySchema,
  until: isoTimeQuerySchema,
  q: z.string().max(2000, 'must be at most 2000 characters').optional(),
  deadLetter: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  /** Failed runs already resolved by a successful replay are left out unless this is true. */
  includeResolved: z.union([z.boolean(), z.enum(['true', 'false'])], { message: 'must be true or false' }).optional(),
});

/** `POST /api/runs/replay`: the runs listed, or every run matching a filter; at most MAX_BULK_REPLAY. */
export const bulkReplaySchema = z
  .strictObject({
    ...replayOptionsShape,
    runIds: z.array(z.string().uuid('must be a run id')).min(1).max(MAX_BULK_REPLAY, `at most ${MAX_BULK_REPLAY} runs at once`).optional(),
    filter: bulkReplayFilterSchema.optional(),
  })
  .refine((b) => (b.runIds === undefined) !== (b.filter === undefined), { message: 'give either runIds or filter', path: ['runIds'] });
export type BulkReplayRequest = z.input<typeof bulkReplaySchema>;

/** `GET /api/runs/:id/steps/:stepKey/items?offset=&limit=`. */
export const loopItemsQuerySchema = z.strictObject({
  offset: z.coerce.number().int('must be a whole number').min(0, 'must be at least 0').default(0),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(LOOP_ITEMS_SHOWN, `must be at most ${LOOP_ITEMS_SHOWN}`)
    .default(LOOP_ITEMS_SHOWN),
});

/**
 * A failure as recorded in the journal: `code`, `message`, `kind` (`user` or `system`),
 * `retryable`, and where known the `field`, expression `position`, `stepId` and `details`.
 */
export const runErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  kind: z.enum(['user', 'system']).optional(),
  retryable: z.boolean().optional(),
  /** `remote`: the service called answered with this error (HTTP status and its words in `message`). */
  source: z.literal('remote').optional(),
  stepId: z.string().optional(),
  /** The name the user gave the failed step (`Post to Slack`), when it has one: what a person reads instead of `stepId`. */
  stepName: z.string().optional(),
  field: z.string().optional(),
  position: z.number().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type RunError = z.infer<typeof runErrorSchema>;

/** What every run answer carries. */
export const runSummarySchema = z.strictObject({
  id: z.string(),
  workflowId: z.string(),
  status: runStatusSchema,
  /** The run this one replays, when it is a replay. */
  replayOf: z.string().nullable(),
  createdAt: timestampSchema,
  startedAt: timestampSchema.nullable(),
  finishedAt: timestampSchema.nullable(),
  durationMs: z.number().nullable(),
  /** When a `waiting` run (a delay, or a retry) continues. */
  resumeAt: timestampSchema.nullable(),
  error: runErrorSchema.nullable(),
  /** A failed run whose auto-replay schedule is used up. */
  deadLetter: z.boolean(),
  deadLetteredAt: timestampSchema.nullable(),
  /** When this failed run will be replayed automatically, if it will. */
  autoReplayAt: timestampSchema.nullable(),
  /** 0 for a run started by a request or by hand; n for the n-th automatic replay. */
  autoReplayAttempt: z.number().int(),
  /** The replay that succeeded for this failed run (directly or down its chain of replays): the run is resolved. */
  resolvedBy: z.string().nullable(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/** One line about the request that started a run (lists only). */
export const triggerSummarySchema = z.strictObject({
  method: z.string(),
  contentType: z.string().nullable(),
  size: z.number().int(),
  /** The first 120 characters of the parsed body, for JSON and form bodies. */
  preview: z.string().nullable(),
});

export const runListItemSchema = runSummarySchema.extend({ triggerSummary: triggerSummarySchema.nullable() });
export type RunListItem = z.infer<typeof runListItemSchema>;

/** `GET /api/runs` and `GET /api/workflows/:id/runs`: newest first. */
export const runPageSchema = pageOf(runListItemSchema);
export type RunPage = z.infer<typeof runPageSchema>;

const headersSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** The request that started a run, as the expressions saw it, and where to fetch its raw bytes. */
export const runTriggerSchema = z.strictObject({
  requestId: z.string(),
  method: z.string(),
  headers: headersSchema,
  query: headersSchema,
  contentType: z.string().nullable(),
  /** Parsed JSON or form fields, text, or base64 (`bodyEncoding`); null when over the inline cap (1 MiB). */
  body: z.unknown(),
  bodyEncoding: z.literal('base64').optional(),
  /** True when the body is over the inline cap: `body` is null, `bodyUrl` has the bytes. */
  bodyTruncated: z.literal(true).optional(),
  /** The raw body exactly as received, served as an attachment. */
  bodyUrl: z.string(),
  receivedAt: timestampSchema,
  size: z.number().int(),
});
export type RunTrigger = z.infer<typeof runTriggerSchema>;

/** One execution of a step, as the attempt log records it. */
export const stepAttemptSchema = z.strictObject({
  startedAt: timestampSchema,
  finishedAt: timestampSchema,
  status: z.enum(['succeeded', 'failed']),
  /** The HTTP status the service answered, for steps that call out. */
  httpStatus: z.number().int().optional(),
  /** Why it failed, and whether that was retried. */
  error: z.strictObject({ code: z.string(), message: z.string(), retryable: z.boolean().optional() }).optional(),
});
export type StepAttempt = z.infer<typeof stepAttemptSchema>;

/**
 * One step of a run: `id`, `type`, `status`, payloads, attempts and timings, its journal `key`
 * (`route.0.notify` in a branch path, `each[3].post` in a loop item), and for a branch its `paths`,
 * for a loop its `items` and `itemCount`. Steps that did not run have no payloads or timings.
 */
export interface StepRun {
  id: string;
  key: string;
  type: string;
  name?: string;
  status: StepRunStatus;
  input?: unknown;
  output?: unknown;
  /** True when the output is over the inline cap: `output` is null; fetch it from `/steps/:key/output`. */
  outputTruncated?: true;
  error?: RunError | null;
  /** 0 for a step that did not run, or whose output a replay from the failed step reused. */
  attempts: number;
  /** Each attempt, oldest first (steps checkpointed before the log existed have none). */
  attemptLog?: StepAttempt[];
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
  paths?: StepRunPath[];
  items?: StepRunItem[];
  itemCount?: number;
}

export interface StepRunPath {
  index: number | 'otherwise';
  name: string;
  taken: boolean;
  steps: StepRun[];
}

export interface StepRunItem {
  index: number;
  status: StepRunStatus;
  steps: StepRun[];
}

export const stepRunPathSchema: z.ZodType<StepRunPath> = z.strictObject({
  index: z.union([z.number().int(), z.literal('otherwise')]),
  name: z.string(),
  taken: z.boolean(),
  get steps() {
    return z.array(stepRunSchema);
  },
});

export const stepRunItemSchema: z.ZodType<StepRunItem> = z.strictObject({
  index: z.number().int(),
  status: stepRunStatusSchema,
  get steps() {
    return z.array(stepRunSchema);
  },
});

export const stepRunSchema: z.ZodType<StepRun> = z.strictObject({
  id: z.string(),
  key: z.string(),
  type: z.string(),
  name: z.string().optional(),
  status: stepRunStatusSchema,
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  outputTruncated: z.literal(true).optional(),
  error: runErrorSchema.nullable().optional(),
  attempts: z.number().int().min(0),
  attemptLog: z.array(stepAttemptSchema).optional(),
  startedAt: timestampSchema.optional(),
  finishedAt: timestampSchema.optional(),
  durationMs: z.number().optional(),
  get paths() {
    return z.array(stepRunPathSchema).optional();
  },
  get items() {
    return z.array(stepRunItemSchema).optional();
  },
  itemCount: z.number().int().min(0).optional(),
});

/** `GET /api/runs/:id`: the run, the request that started it and every step. */
export const runSchema = runSummarySchema.extend({
  versionId: z.string(),
  /** Number of the workflow version the run executed. */
  version: z.number().int(),
  /** The dead-letter alert sent about this run, when one was. */
  alert: z.record(z.string(), z.unknown()).nullable(),
  trigger: runTriggerSchema,
  steps: z.array(stepRunSchema),
  /** The replays of this run, oldest first. */
  replays: z.array(z.strictObject({ id: z.string(), status: runStatusSchema, createdAt: timestampSchema })),
  /**
   * The run whose id the side-effecting steps put in their idempotency keys (`Idempotency-Key:
   * <idempotencyRoot>:<step key>`): the first run of the request, for replays unless they asked for fresh keys.
   */
  idempotencyRoot: z.string(),
  /** A `filtered` run: the filter step that stopped it (its journal key) and its condition, which was false. */
  filteredBy: z.strictObject({ stepId: z.string(), condition: z.string() }).nullable().optional(),
  /** The waits of its `wait` steps: an open one has its one-time link (approval page or resume URL). */
  waits: z
    .array(
      z.strictObject({
        stepId: z.string(),
        mode: z.enum(['callback', 'approval']),
        timeoutAt: timestampSchema,
        resolvedAt: timestampSchema.nullable(),
        outcome: z.enum(['resumed', 'approved', 'rejected', 'timed_out']).nullable(),
        decidedBy: z.string().nullable(),
        url: z.string().nullable(),
      }),
    )
    .optional(),
  /** The run whose `subworkflow` step started this one (its journal key), or whose failure started this error workflow. */
  parentRun: z
    .strictObject({ id: z.string(), stepId: z.string().nullable(), kind: z.enum(['call', 'error']) })
    .nullable()
    .optional(),
  /** The runs this run's `subworkflow` steps started. */
  childRuns: z.array(z.strictObject({ id: z.string(), stepId: z.string(), workflowId: z.string(), status: runStatusSchema })).optional(),
});
export type Run = z.infer<typeof runSchema>;
export type RunWait = NonNullable<Run['waits']>[number];

/** `GET /api/runs/:id/steps/:stepKey/items`: a page of a loop's items. */
export const loopItemsPageSchema = z.strictObject({
  key: z.string(),
  itemCount: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
  items: z.array(stepRunItemSchema),
});
export type LoopItemsPage = z.infer<typeof loopItemsPageSchema>;

/** `GET /api/runs/:id/steps/:stepKey/output`: the whole output of one step. */
export const stepOutputSchema = z.strictObject({ output: z.unknown() });

/** `POST /api/runs/:id/replay`, `POST /api/requests/:id/replay`. */
export const runCreatedSchema = z.strictObject({ runId: z.string() });
export type RunCreated = z.infer<typeof runCreatedSchema>;

/** `POST /api/runs/replay`. */
export const bulkReplayResultSchema = z.strictObject({ count: z.number().int().min(0), runIds: z.array(z.string()) });
export type BulkReplayResult = z.infer<typeof bulkReplayResultSchema>;
