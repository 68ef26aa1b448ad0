import { z } from 'zod';
import { runErrorSchema } from '../runs/runs.schema';
import type { StepDraft, TriggerDraft } from '../workflows/workflows.schema';

const headerValues = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** A sample request to test with; every part but the body has a default (a POST with no headers). */
export const triggerSampleInputSchema = z
  .object({
    body: z.unknown().optional(),
    headers: headerValues.default({}),
    query: headerValues.default({}),
    method: z.string().default('POST'),
    receivedAt: z.string().optional(),
  })
  .default({ headers: {}, query: {}, method: 'POST' });
export type TriggerSampleInput = z.input<typeof triggerSampleInputSchema>;

/** `POST /api/test/step`: runs one step for real (HTTP calls are made) against a context; nothing is recorded. */
export const testStepSchema = z.strictObject({
  step: z.unknown(),
  context: z
    .object({
      trigger: triggerSampleInputSchema,
      steps: z.record(z.string(), z.unknown()).default({}),
      /** Variables of a step inside a loop: `{ item, index }`. */
      bindings: z.record(z.string(), z.unknown()).optional(),
    })
    .default({ trigger: { headers: {}, query: {}, method: 'POST' }, steps: {} }),
  /** Record what the step would send (call, message, e-mail) instead of sending it (default false). */
  dryRun: z.boolean().optional(),
});
export type TestStepRequest = Omit<z.input<typeof testStepSchema>, 'step'> & { step: StepDraft };

/** `POST /api/test/workflow`: runs a whole definition on a sample request; nothing is recorded. */
export const testWorkflowSchema = z.strictObject({
  trigger: z.unknown().optional(),
  steps: z.unknown(),
  sample: triggerSampleInputSchema,
  /** Record what each side-effecting step would send instead of sending it (default false). */
  dryRun: z.boolean().optional(),
  /** The workflow whose draft is tested: the outcome is kept on the draft (the builder warns before publishing a failed one). */
  workflowId: z.uuid().optional(),
});
export type TestWorkflowRequest = Omit<z.input<typeof testWorkflowSchema>, 'trigger' | 'steps'> & {
  trigger?: TriggerDraft;
  steps: StepDraft[];
};

/** Why the run would not go on after the step although it did not fail (or did, for a failed `stop`). */
export const stepHaltSchema = z.discriminatedUnion('reason', [
  z.strictObject({ reason: z.literal('filtered') }),
  z.strictObject({ reason: z.literal('stopped'), status: z.enum(['succeeded', 'failed']), message: z.string(), stepId: z.string() }),
  z.strictObject({ reason: z.literal('waiting'), resumeAt: z.number() }),
]);

/** A side effect a step would have had in a dry run: a call, message or e-mail, an answer, a wait. */
export const wouldSendSchema = z.strictObject({
  stepId: z.string(),
  type: z.string(),
  kind: z.enum(['request', 'respond', 'wait']),
  detail: z.unknown(),
});
export type WouldSendEntry = z.infer<typeof wouldSendSchema>;

/** The answer of `POST /api/test/step`: `filtered` when a filter step did not pass. */
export const testStepResultSchema = z.strictObject({
  status: z.enum(['succeeded', 'failed', 'filtered']),
  halt: stepHaltSchema.nullable(),
  output: z.unknown().optional(),
  input: z.unknown().optional(),
  error: runErrorSchema.optional(),
  durationMs: z.number(),
  /** Whether side effects were recorded, not performed. */
  dryRun: z.boolean().optional(),
  /** In a dry run: what the step (and its nested steps) would have sent. */
  wouldSend: z.array(wouldSendSchema).optional(),
});
export type TestStepResult = z.infer<typeof testStepResultSchema>;

/** One step of a test run, in the order steps finished (nested steps included, by journal key). */
export const testWorkflowStepSchema = z.strictObject({
  id: z.string(),
  type: z.string(),
  status: z.enum(['succeeded', 'failed']),
  output: z.unknown().optional(),
  input: z.unknown().optional(),
  error: runErrorSchema.optional(),
  durationMs: z.number(),
});
export type TestWorkflowStep = z.infer<typeof testWorkflowStepSchema>;

/** The answer of `POST /api/test/workflow`. */
export const testWorkflowResultSchema = z.strictObject({
  status: z.enum(['succeeded', 'failed', 'filtered', 'waiting']),
  error: runErrorSchema.nullable(),
  steps: z.array(testWorkflowStepSchema),
  /** Whether side effects were recorded, not performed. */
  dryRun: z.boolean().optional(),
  /** In a dry run: what each side-effecting step would have sent, answered or waited for, in order. */
  wouldSend: z.array(wouldSendSchema).optional(),
});
export type TestWorkflowResult = z.infer<typeof testWorkflowResultSchema>;
