import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BUNDLE_KIND,
  BUNDLE_SCHEMA_VERSION,
  type Bundle,
  type BundleWorkflow,
  bundleSchema,
  exportQuerySchema,
  importBundleSchema,
  type ImportPlan,
  type ImportResult,
} from '@switchyard/contract';
import { formatPath, validateDefinition, type WorkflowDefinition } from '@switchyard/engine';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../accounts/audit.service';
import type { Actor } from '../accounts/auth-context';
import { switchyardVersion } from '../cli/version';
import { ApiError, type ErrorDetail } from '../common/api-error';
import { parseInput } from '../common/parse-input';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { CredentialEntity } from '../database/entities/credential.entity';
import { WorkflowVersionEntity } from '../database/entities/workflow-version.entity';
import { WorkflowEntity } from '../database/entities/workflow.entity';
import { splitTriggerSecrets } from '../secrets/split-trigger-secrets';
import { VersionStore } from '../versions/version-store';
import { WorkflowsService } from '../workflows/workflows.service';
import { canonicalJson, checkBundleVersion, credentialRefs, rewriteCredentialRefs } from './bundle-helpers';

/** A bundled workflow, checked and ready to write: the body the workflows API takes, and what it replaces. */
interface PlannedWorkflow {
  item: BundleWorkflow;
  body: Record<string, unknown>;
  existing: WorkflowEntity | null;
  action: 'create' | 'update' | 'unchanged';
}

/** The settings and definition a bundle holds of a workflow, in the form both sides compare. */
function comparable(w: Omit<BundleWorkflow, 'externalId'>): string {
  return canonicalJson({
    name: w.name,
    active: w.active,
    retentionDays: w.retentionDays,
    concurrency: w.concurrency,
    autoReplay: w.autoReplay,
    alerts: w.alerts,
    definition: w.definition,
  });
}

/**
 * Export and import of bundles (docs/bundle-format.md). An export holds workflows' settings and
 * current definitions, and the names and types of the credentials they use; never secrets, never
 * trigger tokens. An import checks the whole bundle first, plans (matched by externalId), and
 * writes only when nothing is missing; importing the same bundle again changes nothing.
 */
@Injectable()
export class BundlesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workflows: WorkflowsService,
    private readonly versions: VersionStore,
    private readonly audit: AuditService,
  ) {}

  async export(workspaceId: string, query: unknown, actor?: Actor): Promise<Bundle> {
    const { workflowIds } = parseInput(exportQuerySchema, query, 'query');
    const rows = await this.dataSource.getRepository(WorkflowEntity).find({
      where: workflowIds ? { workspaceId, id: In(workflowIds) } : { workspaceId },
      order: { createdAt: 'ASC' },
    });
    if (workflowIds) {
      const missing = workflowIds.filter((id) => !rows.some((w) => w.id === id));
      if (missing.length > 0) throw ApiError.notFound('Workflow', missing[0]);
    }
    const workflows = await this.bundleWorkflows(rows);
    const refs = new Set(workflows.flatMap((w) => [...credentialRefs(w.definition.steps)]));
    const credentials =
      refs.size === 0
        ? []
        : await this.dataSource
            .getRepository(CredentialEntity)
            .find({ select: ['id', 'name', 'type'], where: { workspaceId, id: In([...refs]) }, order: { name: 'ASC' } });
    await this.audit.record({
      workspaceId,
      actor,
      action: 'bundle.exported',
      target: { type: 'workspace', id: workspaceId },
      after: { workflows: workflows.map((w) => ({ externalId: w.externalId, name: w.name })) },
    });
    return {
      kind: BUNDLE_KIND,
      schemaVersion: BUNDLE_SCHEMA_VERSION,
      exportedAt: new Date().toISOString(),
      exportedBy: `switchyard ${switchyardVersion()}`,
      workflows,
      credentials: credentials.map((c) => ({ ref: c.id, name: c.name, type: c.type })),
    };
  }

  /** What an import would do; nothing is written. */
  async preview(workspaceId: string, body: unknown): Promise<ImportPlan> {
    return (await this.plan(workspaceId, body)).plan;
  }

  async import(workspaceId: string, body: unknown, actor?: Actor): Promise<ImportResult> {
    const { plan, planned } = await this.plan(workspaceId, body);
    const missing = plan.credentials.filter((c) => c.status === 'missing');
    if (missing.length > 0)
      throw new ApiError(
        409,
        'credentials_missing',
        `Connect these credentials first (create them here with the same name and type, or map them): ${missing.map((c) => `${c.name} (${c.type})`).join(', ')}`,
        missing.map((c) => ({ path: `credentials.${c.ref}`, message: `${c.name} (${c.type}) is not connected in this workspace` })),
      );
    for (const [i, p] of planned.entries()) {
      if (p.action === 'create') {
        const created = await this.workflows.create(workspaceId, p.body, actor, { externalId: p.item.externalId }).catch((err: unknown) => {
          // Another import created the same externalId meanwhile (uq_workflows_external_id).
          if ((err as { code?: string }).code === '23505')
            throw new ApiError(
              409,
              'import_conflict',
              `Another import created "${p.item.name}" (externalId ${p.item.externalId}) at the same time: import again to update it`,
              [{ path: `bundle.workflows[${i}].externalId`, message: 'was created by another import meanwhile' }],
            );
          throw err;
        });
        plan.workflows[i].workflowId = created.id;
      } else if (p.action === 'update') await this.workflows.replace(workspaceId, (p.existing as WorkflowEntity).id, p.body, actor);
    }
    await this.audit.record({
      workspaceId,
      actor,
      action: 'bundle.imported',
      target: { type: 'workspace', id: workspaceId },
      after: {
        summary: plan.summary,
        workflows: plan.workflows.map((w) => ({ externalId: w.externalId, name: w.name, action: w.action, workflowId: w.workflowId })),
      },
    });
    return { ...plan, imported: true };
  }

  private async bundleWorkflows(rows: WorkflowEntity[]): Promise<BundleWorkflow[]> {
    if (rows.length === 0) return [];
    const versionRows = await this.dataSource
      .getRepository(WorkflowVersionEntity)
      .find({ where: { id: In(rows.map((w) => w.currentVersionId as string)) } });
    const byId = new Map(versionRows.map((v) => [v.id, v]));
    return rows.map((w) => {
      const version = byId.get(w.currentVersionId as string) as WorkflowVersionEntity;
      const definition = this.versions.decode(version.id, version.definition);
      return {
        externalId: w.externalId ?? w.id,
        name: w.name,
        active: w.active,
        retentionDays: w.retentionDays,
        concurrency: w.concurrency,
        autoReplay: w.autoReplay,
        alerts: (w.alerts as BundleWorkflow['alerts']) ?? null,
        definition: { schemaVersion: definition.schemaVersion, trigger: definition.trigger, steps: definition.steps },
      };
    });
  }

  /** Checks the whole request (every problem at once, with paths into the bundle), then works out the plan. */
  private async plan(workspaceId: string, body: unknown): Promise<{ plan: ImportPlan; planned: PlannedWorkflow[] }> {
    const input = parseInput(importBundleSchema, body);
    checkBundleVersion(input.bundle);
    const parsed = bundleSchema.safeParse(input.bundle);
    if (!parsed.success)
      throw invalid(parsed.error.issues.map((issue) => ({ path: formatPath(['bundle', ...issue.path]), message: issue.message })));
    const bundle = parsed.data;

    const details: ErrorDetail[] = [];
    const seen = new Map<string, number>();
    bundle.workflows.forEach((w, i) => {
      const first = seen.get(w.externalId);
      if (first !== undefined)
        details.push({ path: `bundle.workflows[${i}].externalId`, message: `repeats the externalId of bundle.workflows[${first}]` });
      else seen.set(w.externalId, i);
    });
    const refsListed = new Set(bundle.credentials.map((c) => c.ref));
    const definitions = bundle.workflows.map((w, i) => {
      const result = validateDefinition(w.definition);
      if (!result.ok) {
        for (const issue of result.issues)
          details.push({ ...issue, path: `bundle.workflows[${i}].definition${issue.path ? `.${issue.path}` : ''}` });
        return null;
      }
      for (const ref of credentialRefs(result.definition.steps))
        if (!refsListed.has(ref))
          details.push({
            path: `bundle.workflows[${i}].definition.steps`,
            message: `uses credential ${ref}, which bundle.credentials does not list`,
          });
      if (w.alerts?.email?.length && !this.config.SWITCHYARD_SMTP_URL)
        details.push({
          path: `bundle.workflows[${i}].alerts.email`,
          message: 'cannot be used: SMTP is not configured on this server (SWITCHYARD_SMTP_URL)',
        });
      return result.definition;
    });
    if (details.length > 0) throw invalid(details);

    const credentials = await this.resolveCredentials(workspaceId, bundle, input.credentials ?? {});
    const conflicts: ImportPlan['conflicts'] = [...credentials.conflicts];
    const map = new Map(credentials.items.filter((c) => c.credentialId).map((c) => [c.ref, c.credentialId as string]));

    const externalIds = bundle.workflows.map((w) => w.externalId);
    const existingRows =
      externalIds.length === 0
        ? []
        : await this.dataSource
            .getRepository(WorkflowEntity)
            .createQueryBuilder('w')
            .where('w.workspace_id = :workspaceId', { workspaceId })
            .andWhere('(w.external_id IN (:...ids) OR (w.external_id IS NULL AND w.id::text IN (:...ids)))', { ids: externalIds })
            .getMany();
    const existingForms = new Map((await this.bundleWorkflows(existingRows)).map((w) => [w.externalId, w]));
    const byExternalId = new Map(existingRows.map((w) => [w.externalId ?? w.id, w]));
    const others = await this.dataSource
      .getRepository(WorkflowEntity)
      .find({ select: ['id', 'name', 'externalId'], where: { workspaceId } });

    const planned: PlannedWorkflow[] = bundle.workflows.map((item, i) => {
      const definition = definitions[i] as WorkflowDefinition;
      const { definition: stored } = splitTriggerSecrets({ ...definition, steps: rewriteCredentialRefs(definition.steps, map) });
      const target = { ...item, definition: { schemaVersion: stored.schemaVersion, trigger: stored.trigger, steps: stored.steps } };
      const existing = byExternalId.get(item.externalId) ?? null;
      const current = existingForms.get(item.externalId);
      const action = !existing ? 'create' : current && comparable(current) === comparable(target) ? 'unchanged' : 'update';
      if (action === 'create') {
        const clash = others.find((o) => o.name === item.name);
        if (clash)
          conflicts.push({
            externalId: item.externalId,
            message: `A workflow named "${item.name}" already exists here under another externalId; the import creates a second one`,
          });
      }
      return {
        item,
        existing,
        action,
        body: {
          name: item.name,
          schemaVersion: stored.schemaVersion,
          trigger: stored.trigger,
          steps: stored.steps,
          active: item.active,
          retentionDays: item.retentionDays,
          concurrency: item.concurrency,
          autoReplay: item.autoReplay,
          alerts: item.alerts,
        },
      };
    });

    const plan: ImportPlan = {
      schemaVersion: bundle.schemaVersion,
      workflows: planned.map((p) => ({
        externalId: p.item.externalId,
        name: p.item.name,
        action: p.action,
        workflowId: p.existing?.id ?? null,
        needsTriggerSecrets: needsSecrets(p.body.trigger) && p.action === 'create',
      })),
      credentials: credentials.items.map((c) => ({
        ...c,
        usedBy: bundle.workflows.filter((w) => credentialRefs(w.definition.steps).has(c.ref)).map((w) => w.externalId),
      })),
      conflicts,
      ready: credentials.items.every((c) => c.status === 'matched'),
      summary: {
        create: planned.filter((p) => p.action === 'create').length,
        update: planned.filter((p) => p.action === 'update').length,
        unchanged: planned.filter((p) => p.action === 'unchanged').length,
      },
    };
    return { plan, planned };
  }

  /** Each bundle credential: the one the caller mapped it to, else the one of the same name and type here, else missing. */
  private async resolveCredentials(
    workspaceId: string,
    bundle: Bundle,
    mapping: Record<string, string>,
  ): Promise<{
    items: Array<{ ref: string; name: string; type: string; status: 'matched' | 'missing'; credentialId: string | null }>;
    conflicts: ImportPlan['conflicts'];
  }> {
    const here = await this.dataSource.getRepository(CredentialEntity).find({ select: ['id', 'name', 'type'], where: { workspaceId } });
    const conflicts: ImportPlan['conflicts'] = [];
    const details: ErrorDetail[] = [];
    for (const ref of Object.keys(mapping))
      if (!bundle.credentials.some((c) => c.ref === ref))
        details.push({ path: `credentials.${ref}`, message: 'is not a credential of the bundle' });
    const items = bundle.credentials.map((c) => {
      const mapped = mapping[c.ref];
      if (mapped !== undefined) {
        const target = here.find((h) => h.id === mapped);
        if (!target) details.push({ path: `credentials.${c.ref}`, message: `credential ${mapped} does not exist in this workspace` });
        else if (target.type !== c.type)
          details.push({ path: `credentials.${c.ref}`, message: `is a ${target.type} credential; ${c.name} needs a ${c.type} one` });
        return { ref: c.ref, name: c.name, type: c.type, status: 'matched' as const, credentialId: mapped };
      }
      const byName = here.find((h) => h.name === c.name);
      if (byName && byName.type === c.type)
        return { ref: c.ref, name: c.name, type: c.type, status: 'matched' as const, credentialId: byName.id };
      if (byName)
        conflicts.push({
          externalId: null,
          message: `The credential "${c.name}" here is of type ${byName.type}, the bundle needs ${c.type}: connect another one, or map it`,
        });
      return { ref: c.ref, name: c.name, type: c.type, status: 'missing' as const, credentialId: null };
    });
    if (details.length > 0) throw invalid(details);
    return { items, conflicts };
  }
}

function needsSecrets(trigger: unknown): boolean {
  const verify = (trigger as { verify?: { scheme?: string } } | undefined)?.verify;
  return Boolean(verify?.scheme);
}

function invalid(details: ErrorDetail[]): ApiError {
  const first = details[0];
  return new ApiError(400, 'validation_failed', `The bundle is invalid: ${first.path} ${first.message}`, details);
}
