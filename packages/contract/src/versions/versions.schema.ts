import { z } from 'zod';
import { timestampSchema } from '../common/page.schema';
import type { StepDraft, TriggerDraft } from '../workflows/workflows.schema';

const issue = z.strictObject({ path: z.string(), message: z.string() });

/** The outcome of the draft's last "Test workflow" in the builder. */
export const draftLastTestSchema = z.strictObject({ status: z.string(), at: timestampSchema });

/**
 * `GET /api/workflows/:id/draft`: what the builder edits. It never runs; the live trigger runs the
 * published version until the draft is published. `revision` must be sent back with each save.
 */
export const draftSchema = z.strictObject({
  workflowId: z.string(),
  revision: z.number().int(),
  /** The version the draft started from (the published one, or one restored). */
  basedOnVersionId: z.string().nullable(),
  basedOnVersion: z.number().int().nullable(),
  /** Id and number of the published version (what the trigger runs). */
  publishedVersionId: z.string(),
  publishedVersion: z.number().int(),
  /** The draft differs from the published version (trigger settings or steps). */
  hasChanges: z.boolean(),
  /** Validation issues: a draft with issues cannot be published. */
  issues: z.array(issue),
  trigger: z.unknown(),
  steps: z.array(z.unknown()),
  updatedAt: timestampSchema,
  updatedBy: z.string().nullable(),
  lastTest: draftLastTestSchema.nullable(),
});
export type Draft = Omit<z.infer<typeof draftSchema>, 'trigger' | 'steps'> & { trigger: TriggerDraft; steps: StepDraft[] };

/**
 * `PUT /api/workflows/:id/draft`: saves the draft. `revision` is the one the editor loaded; a save
 * based on an older revision (another browser saved meanwhile) is refused with 409.
 */
export const saveDraftSchema = z.strictObject({
  revision: z.number().int().min(1),
  trigger: z.unknown(),
  steps: z.array(z.unknown()),
});
export type SaveDraftRequest = { revision: number; trigger: TriggerDraft; steps: StepDraft[] };

/** `POST /api/workflows/:id/publish`: publishes the draft as a new version, if it validates. */
export const publishSchema = z.strictObject({
  message: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  /** When given, publishing is refused with 409 unless the draft is still at this revision. */
  revision: z.number().int().min(1).optional(),
});
export type PublishRequest = z.input<typeof publishSchema>;

/** One published version, newest first in lists. */
export const versionSummarySchema = z.strictObject({
  id: z.string(),
  version: z.number().int(),
  message: z.string().nullable(),
  /** An e-mail or `API key <name>`; null for versions made before drafts existed. */
  publishedBy: z.string().nullable(),
  createdAt: timestampSchema,
  /** The version the live trigger runs. */
  live: z.boolean(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const versionListSchema = z.strictObject({ items: z.array(versionSummarySchema) });
export type VersionList = z.infer<typeof versionListSchema>;

/** `GET /api/workflows/:id/versions/:versionId`: a version with its definition (no secrets ever). */
export const versionDetailSchema = versionSummarySchema.extend({ trigger: z.unknown(), steps: z.array(z.unknown()) });
export type VersionDetail = Omit<z.infer<typeof versionDetailSchema>, 'trigger' | 'steps'> & { trigger: TriggerDraft; steps: StepDraft[] };

export const versionParamsSchema = z.strictObject({ id: z.uuid(), versionId: z.uuid() });

/** `GET /api/workflows/:id/diff?from=&to=`: each side a version id or `draft`. */
export const diffQuerySchema = z.strictObject({
  from: z.union([z.literal('draft'), z.uuid()]).describe('A version id, or `draft`'),
  to: z.union([z.literal('draft'), z.uuid()]).describe('A version id, or `draft`'),
});

const valueChange = z.strictObject({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });
export const definitionChangeSchema = z.strictObject({
  target: z.string(),
  kind: z.enum(['trigger', 'step']),
  stepType: z.string().optional(),
  change: z.enum(['added', 'removed', 'changed', 'moved']),
  position: z.strictObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
  fields: z.array(valueChange),
  summary: z.string(),
});

const diffSide = z.strictObject({ ref: z.string(), label: z.string() });
/** A readable, step-by-step diff of two versions or the draft and a version. */
export const definitionDiffSchema = z.strictObject({
  from: diffSide,
  to: diffSide,
  same: z.boolean(),
  changes: z.array(definitionChangeSchema),
});
export type DefinitionDiffAnswer = z.infer<typeof definitionDiffSchema>;

/** `POST /api/workflows/:id/rehearsals`: rehearse the draft on the last `count` accepted requests. */
export const startRehearsalSchema = z.strictObject({
  count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(200, 'must be at most 200').default(20),
});
export type StartRehearsalRequest = z.input<typeof startRehearsalSchema>;

const sendChange = z.strictObject({
  stepId: z.string(),
  kind: z.string(),
  change: z.enum(['only-before', 'only-after', 'changed']),
  fields: z.array(valueChange),
});
const stepChange = z.strictObject({
  stepId: z.string(),
  change: z.enum(['only-before', 'only-after', 'status', 'output']),
  statusBefore: z.string().optional(),
  statusAfter: z.string().optional(),
  fields: z.array(valueChange),
});

/** One request of a rehearsal: the published version and the draft compared on it. */
export const rehearsalItemSchema = z.strictObject({
  requestId: z.string(),
  receivedAt: timestampSchema,
  same: z.boolean(),
  statusBefore: z.string(),
  statusAfter: z.string(),
  newFailure: z.boolean(),
  fixedFailure: z.boolean(),
  errorBefore: z.string().optional(),
  errorAfter: z.string().optional(),
  steps: z.array(stepChange),
  sends: z.array(sendChange),
});
export type RehearsalItem = z.infer<typeof rehearsalItemSchema>;

/** A rehearsal and its progress: poll `GET /api/workflows/:id/rehearsals/:rehearsalId` until `done` or `failed`. */
export const rehearsalSchema = z.strictObject({
  id: z.string(),
  workflowId: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  /** Requests to rehearse, and rehearsed so far. */
  total: z.number().int(),
  completed: z.number().int(),
  publishedVersion: z.number().int(),
  draftRevision: z.number().int(),
  summary: z.strictObject({
    same: z.number().int(),
    differ: z.number().int(),
    newFailures: z.number().int(),
    fixedFailures: z.number().int(),
  }),
  /** "18 same, 2 differ, 0 new failures". */
  summaryText: z.string(),
  /** Why it stopped early (time or size limit, an invalid draft). */
  error: z.string().nullable(),
  items: z.array(rehearsalItemSchema),
  startedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
});
export type Rehearsal = z.infer<typeof rehearsalSchema>;

export const rehearsalParamsSchema = z.strictObject({ id: z.uuid(), rehearsalId: z.uuid() });
