import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type DefinitionDiffAnswer,
  type diffQuerySchema,
  draftSchema,
  publishSchema,
  saveDraftSchema,
  type VersionList,
  type Workflow,
} from '@switchyard/contract';
import { diffDefinitions, validateDefinition, type WorkflowDefinition } from '@switchyard/engine';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../accounts/audit.service';
import { type Actor, actorLabel } from '../accounts/auth-context';
import { ApiError } from '../common/api-error';
import { newId } from '../common/ids';
import { parseInput } from '../common/parse-input';
import { assertCredentialsExist } from '../credentials/credentials.service';
import { assertCallsAllowed } from '../compose/call-graph';
import { WorkflowDraftEntity } from '../database/entities/workflow-draft.entity';
import { WorkflowVersionEntity } from '../database/entities/workflow-version.entity';
import { WorkflowEntity } from '../database/entities/workflow.entity';
import { TriggerCache } from '../ingest/trigger-cache';
import { TriggerSecretsService } from '../secrets/trigger-secrets.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { VersionStore } from './version-store';

type DraftAnswer = z.infer<typeof draftSchema>;
type VersionDetailAnswer = VersionList['items'][number] & { trigger: unknown; steps: unknown[] };

/** A draft as stored: validated and normalised when it validates (so an unchanged draft equals its version), as edited otherwise. */
function storedDraft(input: { trigger: unknown; steps: unknown[] }): { definition: Record<string, unknown>; valid?: WorkflowDefinition } {
  const result = validateDefinition({ trigger: input.trigger, steps: input.steps });
  if (result.ok) return { definition: result.definition as unknown as Record<string, unknown>, valid: result.definition };
  return { definition: { schemaVersion: undefined, trigger: input.trigger, steps: input.steps } };
}

/** The write-only secrets of a trigger being saved, and the trigger without them (secrets are never part of a draft or a version). */
function takeSecrets(trigger: unknown): { trigger: unknown; secrets: string[] | undefined } {
  if (typeof trigger !== 'object' || trigger === null) return { trigger, secrets: undefined };
  const verify = (trigger as { verify?: unknown }).verify;
  if (typeof verify !== 'object' || verify === null) return { trigger, secrets: undefined };
  const { secrets, secretHints: _hints, ...rest } = verify as Record<string, unknown>;
  if (
    secrets !== undefined &&
    (!Array.isArray(secrets) || secrets.some((s) => typeof s !== 'string' || s.length === 0 || s.length > 1000))
  ) {
    throw new ApiError(400, 'validation_failed', 'The draft is invalid: trigger.verify.secrets must be a list of non-empty texts', [
      { path: 'trigger.verify.secrets', message: 'must be a list of non-empty texts of at most 1,000 characters' },
    ]);
  }
  return { trigger: { ...trigger, verify: rest }, secrets: secrets as string[] | undefined };
}

function sameDefinition(a: unknown, b: unknown): boolean {
  const canon = (value: unknown): string =>
    JSON.stringify(value, (_key, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v,
    );
  return canon(a) === canon(b);
}

/**
 * Drafts and published versions (issue 16): the builder edits the draft, the live trigger runs the
 * published version until Publish; versions are immutable rows; the draft carries a revision so a
 * stale save is refused. Secrets belong to the workflow, not to a version: a draft save that sets
 * them stores them at once (encrypted, as `PUT /api/workflows/:id` does), and restoring a version
 * leaves them as they are.
 */
@Injectable()
export class DraftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly versions: VersionStore,
    private readonly secrets: TriggerSecretsService,
    private readonly audit: AuditService,
    private readonly triggers: TriggerCache,
  ) {}

  async get(workspaceId: string, workflowId: string): Promise<DraftAnswer> {
    const workflow = await this.findWorkflow(this.dataSource.manager, workspaceId, workflowId);
    return this.answer(this.dataSource.manager, workflow, await this.findDraft(this.dataSource.manager, workflow));
  }

  async save(workspaceId: string, workflowId: string, body: unknown, actor?: Actor): Promise<DraftAnswer> {
    const input = parseInput(saveDraftSchema, body);
    const { trigger, secrets } = takeSecrets(input.trigger);
    return this.dataSource.transaction(async (tx) => {
      const workflow = await this.findWorkflow(tx, workspaceId, workflowId, true);
      const draft = await this.findDraft(tx, workflow);
      this.checkRevision(draft, input.revision, 'saved');
      draft.definition = storedDraft({ trigger, steps: input.steps }).definition;
      draft.revision += 1;
      draft.updatedBy = actor ? actorLabel(actor) : null;
      draft.lastTest = null;
      await tx.getRepository(WorkflowDraftEntity).save(draft);
      if (secrets !== undefined) await this.secrets.save(tx, workspaceId, workflow.id, secrets);
      return this.answer(tx, workflow, draft);
    });
  }

  /** Discard: the draft becomes the published version again. */
  async discard(workspaceId: string, workflowId: string, actor?: Actor): Promise<DraftAnswer> {
    return this.dataSource.transaction(async (tx) => {
      const workflow = await this.findWorkflow(tx, workspaceId, workflowId, true);
      const draft = await this.findDraft(tx, workflow);
      const published = await tx.getRepository(WorkflowVersionEntity).findOneByOrFail({ id: workflow.currentVersionId as string });
      draft.definition = published.definition;
      draft.basedOnVersionId = published.id;
      draft.revision += 1;
      draft.updatedBy = actor ? actorLabel(actor) : null;
      draft.lastTest = null;
      await tx.getRepository(WorkflowDraftEntity).save(draft);
      return this.answer(tx, workflow, draft);
    });
  }

  /** Publishes the draft as a new immutable version in one transaction; the trigger runs it from the next request. */
  async publish(workspaceId: string, workflowId: string, body: unknown, actor?: Actor): Promise<Workflow> {
    const input = parseInput(publishSchema, body ?? {});
    const token = await this.dataSource.transaction(async (tx) => {
      const workflow = await this.findWorkflow(tx, workspaceId, workflowId, true);
      const draft = await this.findDraft(tx, workflow);
      if (input.revision !== undefined) this.checkRevision(draft, input.revision, 'published');
      const result = validateDefinition({
        schemaVersion: draft.definition.schemaVersion,
        trigger: draft.definition.trigger,
        steps: draft.definition.steps,
      });
      if (!result.ok) {
        const first = result.issues[0];
        throw new ApiError(
          400,
          'validation_failed',
          `The draft cannot be published until it is valid: ${first.path} ${first.message}`,
          result.issues.map((i) => ({ ...i })),
        );
      }
      const published = await tx.getRepository(WorkflowVersionEntity).findOneByOrFail({ id: workflow.currentVersionId as string });
      if (sameDefinition(result.definition, this.versions.decode(published.id, published.definition))) {
        throw new ApiError(409, 'nothing_to_publish', `The draft has no unpublished changes: version ${workflow.version} is already live`);
      }
      await assertCredentialsExist(tx, workspaceId, result.definition);
      await assertCallsAllowed(tx, workspaceId, workflow.id, result.definition);
      const versionId = newId();
      const number = workflow.version + 1;
      const repo = tx.getRepository(WorkflowVersionEntity);
      await repo.save(
        repo.create({
          id: versionId,
          workspaceId,
          workflowId: workflow.id,
          version: number,
          schemaVersion: result.definition.schemaVersion,
          definition: result.definition as unknown as Record<string, unknown>,
          message: input.message || null,
          publishedBy: actor ? actorLabel(actor) : null,
        }),
      );
      this.versions.remember(versionId, result.definition);
      workflow.version = number;
      workflow.currentVersionId = versionId;
      await tx.getRepository(WorkflowEntity).save(workflow);
      draft.definition = result.definition as unknown as Record<string, unknown>;
      draft.basedOnVersionId = versionId;
      draft.revision += 1;
      draft.lastTest = null;
      await tx.getRepository(WorkflowDraftEntity).save(draft);
      await this.audit.record(
        {
          workspaceId,
          actor,
          action: 'workflow.published',
          target: { type: 'workflow', id: workflow.id, name: workflow.name },
          before: { version: published.version, versionId: published.id, definition: published.definition },
          after: { version: number, versionId, message: input.message || null, definition: result.definition },
        },
        tx,
      );
      return workflow.token;
    });
    this.triggers.invalidate(token);
    return this.workflows.get(workspaceId, workflowId);
  }

  async listVersions(workspaceId: string, workflowId: string): Promise<VersionList> {
    const workflow = await this.findWorkflow(this.dataSource.manager, workspaceId, workflowId);
    const rows = await this.dataSource.getRepository(WorkflowVersionEntity).find({
      where: { workflowId: workflow.id, workspaceId },
      order: { version: 'DESC' },
      select: ['id', 'version', 'message', 'publishedBy', 'createdAt'],
    });
    return { items: rows.map((v) => this.summary(v, workflow)) };
  }

  async getVersion(workspaceId: string, workflowId: string, versionId: string): Promise<VersionDetailAnswer> {
    const workflow = await this.findWorkflow(this.dataSource.manager, workspaceId, workflowId);
    const version = await this.findVersion(this.dataSource.manager, workflow, versionId);
    const definition = this.versions.decode(version.id, version.definition);
    return { ...this.summary(version, workflow), trigger: definition.trigger, steps: definition.steps };
  }

  /** Restore: the version becomes the draft (publish to make it live). Trigger secrets are not part of it and stay as they are. */
  async restore(workspaceId: string, workflowId: string, versionId: string, actor?: Actor): Promise<DraftAnswer> {
    return this.dataSource.transaction(async (tx) => {
      const workflow = await this.findWorkflow(tx, workspaceId, workflowId, true);
      const version = await this.findVersion(tx, workflow, versionId);
      const draft = await this.findDraft(tx, workflow);
      const before = { revision: draft.revision, basedOnVersionId: draft.basedOnVersionId, definition: draft.definition };
      draft.definition = this.versions.decode(version.id, version.definition) as unknown as Record<string, unknown>;
      draft.basedOnVersionId = version.id;
      draft.revision += 1;
      draft.updatedBy = actor ? actorLabel(actor) : null;
      draft.lastTest = null;
      await tx.getRepository(WorkflowDraftEntity).save(draft);
      await this.audit.record(
        {
          workspaceId,
          actor,
          action: 'workflow.restored',
          target: { type: 'workflow', id: workflow.id, name: workflow.name },
          before,
          after: { revision: draft.revision, restoredVersion: version.version, versionId: version.id },
        },
        tx,
      );
      return this.answer(tx, workflow, draft);
    });
  }

  async diff(workspaceId: string, workflowId: string, query: z.infer<typeof diffQuerySchema>): Promise<DefinitionDiffAnswer> {
    const manager = this.dataSource.manager;
    const workflow = await this.findWorkflow(manager, workspaceId, workflowId);
    const side = async (ref: string): Promise<{ label: string; definition: { trigger?: unknown; steps?: unknown } }> => {
      if (ref === 'draft') return { label: 'Draft', definition: (await this.findDraft(manager, workflow)).definition };
      const version = await this.findVersion(manager, workflow, ref);
      const label = `Version ${version.version}${version.id === workflow.currentVersionId ? ' (live)' : ''}`;
      return { label, definition: this.versions.decode(version.id, version.definition) };
    };
    const [from, to] = await Promise.all([side(query.from), side(query.to)]);
    const diff = diffDefinitions(from.definition, to.definition);
    return { from: { ref: query.from, label: from.label }, to: { ref: query.to, label: to.label }, ...diff };
  }

  /** Keeps the outcome of the builder's last "Test workflow" of the draft (the builder warns before publishing a failed one). */
  async recordTest(workspaceId: string, workflowId: string, status: string): Promise<void> {
    await this.dataSource.query(`UPDATE workflow_drafts SET last_test = $3 WHERE workflow_id = $1 AND workspace_id = $2`, [
      workflowId,
      workspaceId,
      JSON.stringify({ status, at: new Date().toISOString() }),
    ]);
  }

  /** The draft and the published definition of a workflow, for rehearsals. */
  async definitionsForRehearsal(
    workspaceId: string,
    workflowId: string,
  ): Promise<{ workflow: WorkflowEntity; draft: WorkflowDraftEntity; draftDefinition: WorkflowDefinition; published: WorkflowDefinition }> {
    const workflow = await this.findWorkflow(this.dataSource.manager, workspaceId, workflowId);
    const draft = await this.findDraft(this.dataSource.manager, workflow);
    const result = validateDefinition({
      schemaVersion: draft.definition.schemaVersion,
      trigger: draft.definition.trigger,
      steps: draft.definition.steps,
    });
    if (!result.ok) {
      const first = result.issues[0];
      throw new ApiError(
        400,
        'validation_failed',
        `The draft cannot be rehearsed until it is valid: ${first.path} ${first.message}`,
        result.issues.map((i) => ({ ...i })),
      );
    }
    return { workflow, draft, draftDefinition: result.definition, published: await this.versions.get(workflow.currentVersionId as string) };
  }

  private checkRevision(draft: WorkflowDraftEntity, revision: number, verb: string): void {
    if (draft.revision === revision) return;
    throw new ApiError(
      409,
      'draft_conflict',
      `The draft was changed elsewhere since you loaded it (you have revision ${revision}, it is now at ${draft.revision}${draft.updatedBy ? `, last saved by ${draft.updatedBy}` : ''}); it was not ${verb}. Reload the workflow to see those changes, then make yours again.`,
      [{ path: 'revision', message: `is ${revision}, the draft is at revision ${draft.revision}` }],
      { revision: draft.revision },
    );
  }

  private summary(version: WorkflowVersionEntity, workflow: WorkflowEntity): VersionList['items'][number] {
    return {
      id: version.id,
      version: version.version,
      message: version.message,
      publishedBy: version.publishedBy,
      createdAt: version.createdAt.toISOString(),
      live: version.id === workflow.currentVersionId,
    };
  }

  private async answer(manager: EntityManager, workflow: WorkflowEntity, draft: WorkflowDraftEntity): Promise<DraftAnswer> {
    const versions = manager.getRepository(WorkflowVersionEntity);
    const published = await versions.findOneByOrFail({ id: workflow.currentVersionId as string });
    const basedOn = draft.basedOnVersionId
      ? await versions.findOne({ where: { id: draft.basedOnVersionId }, select: ['id', 'version'] })
      : null;
    const validation = validateDefinition({
      schemaVersion: draft.definition.schemaVersion,
      trigger: draft.definition.trigger,
      steps: draft.definition.steps,
    });
    const hints = (await this.secrets.hints(manager, [workflow.id])).get(workflow.id);
    const trigger = draft.definition.trigger as Record<string, unknown> | undefined;
    const verify =
      trigger && typeof trigger.verify === 'object' && trigger.verify !== null
        ? { ...(trigger.verify as object), secretHints: hints ?? [] }
        : undefined;
    return {
      workflowId: workflow.id,
      revision: draft.revision,
      basedOnVersionId: draft.basedOnVersionId,
      basedOnVersion: basedOn?.version ?? null,
      publishedVersionId: published.id,
      publishedVersion: published.version,
      hasChanges: !validation.ok || !sameDefinition(validation.definition, this.versions.decode(published.id, published.definition)),
      issues: validation.ok ? [] : validation.issues.map((i) => ({ path: i.path, message: i.message })),
      trigger: verify ? { ...trigger, verify } : (trigger ?? { type: 'webhook' }),
      steps: Array.isArray(draft.definition.steps) ? draft.definition.steps : [],
      updatedAt: draft.updatedAt.toISOString(),
      updatedBy: draft.updatedBy,
      lastTest: draft.lastTest,
    };
  }

  private async findWorkflow(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<WorkflowEntity> {
    const workflow = await manager
      .getRepository(WorkflowEntity)
      .findOne({ where: { id, workspaceId }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!workflow) throw ApiError.notFound('Workflow', id);
    return workflow;
  }

  private async findVersion(manager: EntityManager, workflow: WorkflowEntity, versionId: string): Promise<WorkflowVersionEntity> {
    const version = await manager.getRepository(WorkflowVersionEntity).findOneBy({ id: versionId, workflowId: workflow.id });
    if (!version) throw ApiError.notFound('Version', versionId);
    return version;
  }

  /** The draft; a workflow made before drafts existed gets one equal to its published version. */
  private async findDraft(manager: EntityManager, workflow: WorkflowEntity): Promise<WorkflowDraftEntity> {
    const repo = manager.getRepository(WorkflowDraftEntity);
    const draft = await repo.findOneBy({ workflowId: workflow.id });
    if (draft) return draft;
    const published = await manager.getRepository(WorkflowVersionEntity).findOneByOrFail({ id: workflow.currentVersionId as string });
    await manager.query(
      `INSERT INTO workflow_drafts (workflow_id, workspace_id, definition, revision, based_on_version_id) VALUES ($1, $2, $3, 1, $4) ON CONFLICT DO NOTHING`,
      [workflow.id, workflow.workspaceId, JSON.stringify(published.definition), published.id],
    );
    return repo.findOneByOrFail({ workflowId: workflow.id });
  }
}
