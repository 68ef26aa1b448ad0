import { z } from 'zod';
import { timestampSchema } from '../common/page.schema';
import { alertsSchema, autoReplaySchema } from '../workflows/auto-replay.schema';

/** The bundle format this Switchyard writes and the newest it reads. See docs/bundle-format.md. */
export const BUNDLE_SCHEMA_VERSION = 1;

/** What marks a JSON file as a Switchyard bundle. */
export const BUNDLE_KIND = 'switchyard.bundle';

/**
 * The key that matches a workflow across installations: letters, digits, `.`, `_`, `-`, `:` (a
 * workflow's id when it was never given one).
 */
export const externalIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[A-Za-z0-9._:-]+$/, 'must contain only letters, digits, ".", "_", ":" and "-"');

/** A credential a bundled workflow uses: its name and type only (never its fields). `ref` is the id the steps name. */
export const bundleCredentialSchema = z.strictObject({
  ref: z.string().min(1, 'must not be empty'),
  name: z.string().min(1, 'must not be empty'),
  type: z.string().min(1, 'must not be empty'),
});
export type BundleCredential = z.infer<typeof bundleCredentialSchema>;

/**
 * One workflow in a bundle: its settings and its current definition (trigger settings without
 * secrets, steps). The trigger token (its URL) is never exported: an installation makes its own.
 */
export const bundleWorkflowSchema = z.strictObject({
  externalId: externalIdSchema,
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  active: z.boolean(),
  retentionDays: z.number().int().min(1).max(3650).nullable(),
  concurrency: z.number().int().min(1).max(1000).nullable(),
  autoReplay: autoReplaySchema.nullable(),
  alerts: alertsSchema.nullable(),
  /** `{ schemaVersion, trigger, steps }`, checked by the engine on import. */
  definition: z.strictObject({ schemaVersion: z.number().int(), trigger: z.unknown(), steps: z.unknown() }),
});
export type BundleWorkflow = z.infer<typeof bundleWorkflowSchema>;

/**
 * An export: workflows and the credentials they use, by name. `schemaVersion` is checked before
 * anything else (a newer one is refused with `bundle_too_new`).
 */
export const bundleSchema = z.strictObject({
  kind: z.literal(BUNDLE_KIND),
  schemaVersion: z.number().int().min(1),
  exportedAt: timestampSchema,
  /** The Switchyard version that wrote it. */
  exportedBy: z.string(),
  workflows: z.array(bundleWorkflowSchema).max(1000, 'must hold at most 1000 workflows'),
  credentials: z.array(bundleCredentialSchema),
});
export type Bundle = z.infer<typeof bundleSchema>;

/** `GET /api/bundles/export?workflowIds=a,b`: those workflows, or every workflow of the workspace. */
export const exportQuerySchema = z.strictObject({
  workflowIds: z
    .string()
    .optional()
    .describe('Comma-separated workflow ids; omitted: the whole workspace')
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return undefined;
      const ids = s.split(',').map((id) => id.trim());
      for (const id of ids) if (!z.uuid().safeParse(id).success) ctx.addIssue({ code: 'custom', message: `${id} is not a workflow id` });
      return ids;
    }),
});

/** `POST /api/bundles/preview` and `POST /api/bundles/import`. */
export const importBundleSchema = z.strictObject({
  /** The bundle as exported (its parts are checked on import, with paths like `bundle.workflows[0].definition.steps[1].url`). */
  bundle: z.unknown(),
  /** Bundle credential `ref` → id of a credential of this workspace; unnamed refs are matched by name and type. */
  credentials: z.record(z.string(), z.uuid('must be a credential id')).optional(),
});
export type ImportBundleRequest = Omit<z.input<typeof importBundleSchema>, 'bundle'> & { bundle: unknown };

export const importActionSchema = z.enum(['create', 'update', 'unchanged']);

export const importPlanSchema = z.strictObject({
  schemaVersion: z.number().int(),
  workflows: z.array(
    z.strictObject({
      externalId: z.string(),
      name: z.string(),
      /** `create`: new here; `update`: the workflow with this externalId changes; `unchanged`: it already matches. */
      action: importActionSchema,
      /** The workflow of this workspace it updates (or created, after an import). */
      workflowId: z.string().nullable(),
      /** The trigger verifies signatures: its secrets are not in bundles, set them after a first import. */
      needsTriggerSecrets: z.boolean(),
    }),
  ),
  credentials: z.array(
    z.strictObject({
      ref: z.string(),
      name: z.string(),
      type: z.string(),
      /** `matched`: a credential of this workspace stands in; `missing`: connect one (create it with this name and type, or map it). */
      status: z.enum(['matched', 'missing']),
      credentialId: z.string().nullable(),
      /** The workflows of the bundle that use it. */
      usedBy: z.array(z.string()),
    }),
  ),
  /** What the user should know before confirming: a name already taken by another workflow, a credential of the same name but another type. */
  conflicts: z.array(z.strictObject({ externalId: z.string().nullable(), message: z.string() })),
  /** Whether the import can go ahead (no credential missing). */
  ready: z.boolean(),
  summary: z.strictObject({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() }),
});
export type ImportPlan = z.infer<typeof importPlanSchema>;

export const importResultSchema = importPlanSchema.extend({ imported: z.literal(true) });
export type ImportResult = z.infer<typeof importResultSchema>;
