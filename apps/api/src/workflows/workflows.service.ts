import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AlertSettings,
  type AutoReplaySettings,
  DEFAULT_AUTO_REPLAY_SCHEDULE,
  type RunStatus,
  type Workflow,
  type WorkflowInputParsed,
  workflowInputSchema,
  type WorkflowListItem,
  workflowPatchSchema,
} from '@switchyard/contract';
import { formatPath, scheduleProblem, type TriggerType, validateDefinition, type WorkflowDefinition } from '@switchyard/engine';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiError, type ErrorDetail } from '../common/api-error';
import { newId, newTriggerToken } from '../common/ids';
import { uuidV7Floor } from '../common/uuid-v7-floor';
import { parseInput } from '../common/parse-input';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { assertCredentialsExist } from '../credentials/credentials.service';
import { assertCallsAllowed, assertErrorWorkflow } from '../compose/call-graph';
import { WorkflowVersionEntity } from '../database/entities/workflow-version.entity';
import { WorkflowEntity } from '../database/entities/workflow.entity';
import { AuditService } from '../accounts/audit.service';
import { type Actor, actorLabel } from '../accounts/auth-context';
import { TriggerCache } from '../ingest/trigger-cache';
import { splitTriggerSecrets, withSecretHints } from '../secrets/split-trigger-secrets';
import { TriggerSecretsService } from '../secrets/trigger-secrets.service';
import { resetDraftToPublished } from '../versions/draft-rows';
import { VersionStore } from '../versions/version-store';

/** JSON with sorted keys: jsonb does not keep key order, so plain JSON.stringify would see every stored definition as changed. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

type AuditView = { id: string; name: string; active: boolean; retentionDays: number | null; version: number; definition: unknown };

/** What the audit log keeps of a workflow: its settings and definition (secrets are not in definitions). */
function auditView(workflow: WorkflowEntity, definition: unknown): AuditView {
  return {
    id: workflow.id,
    name: workflow.name,
    active: workflow.active,
    retentionDays: workflow.retentionDays,
    version: workflow.version,
    definition,
  };
}

function invalid(details: ErrorDetail[]): ApiError {
  const first = details[0];
  return new ApiError(400, 'validation_failed', `The workflow is invalid: ${first.path || 'body'} ${first.message}`, details);
}

@Injectable()
export class WorkflowsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly triggers: TriggerCache,
    private readonly secrets: TriggerSecretsService,
    private readonly audit: AuditService,
    private readonly versions: VersionStore,
  ) {}

  async list(workspaceId: string): Promise<WorkflowListItem[]> {
    const rows = await this.dataSource
      .getRepository(WorkflowEntity)
      .createQueryBuilder('w')
      .innerJoinAndMapOne('w.current', WorkflowVersionEntity, 'v', 'v.id = w.current_version_id')
      .where('w.workspace_id = :workspaceId', { workspaceId })
      .orderBy('w.created_at', 'DESC')
      .getMany();
    const [stats, hints] = await Promise.all([
      this.runStats(rows.map((w) => w.id)),
      this.secrets.hints(
        this.dataSource.manager,
        rows.map((w) => w.id),
      ),
    ]);
    return rows.map((w) => ({
      ...this.toDto(w, (w as WorkflowEntity & { current: WorkflowVersionEntity }).current, hints.get(w.id)),
      ...(stats.get(w.id) as Pick<WorkflowListItem, 'lastRun' | 'runs24h'>),
    }));
  }

  /** The latest run and the number of runs in the last 24 hours, per workflow (index-only range scans). */
  private async runStats(ids: string[]): Promise<Map<string, Pick<WorkflowListItem, 'lastRun' | 'runs24h'>>> {
    const stats = new Map(ids.map((id) => [id, { lastRun: null as WorkflowListItem['lastRun'], runs24h: 0 }]));
    if (ids.length === 0) return stats;
    const [latest, counts] = await Promise.all([
      this.dataSource.query(
        `SELECT w.id AS workflow_id, r.id, r.status, r.created_at
           FROM unnest($1::uuid[]) AS w(id)
           JOIN LATERAL (SELECT id, status, created_at FROM runs WHERE workflow_id = w.id ORDER BY id DESC LIMIT 1) r ON true`,
        [ids],
      ),
      this.dataSource.query(
        `SELECT workflow_id, count(*)::int AS n FROM runs WHERE workflow_id = ANY($1::uuid[]) AND id >= $2 GROUP BY workflow_id`,
        [ids, uuidV7Floor(Date.now() - 24 * 3600 * 1000)],
      ),
    ]);
    for (const r of latest)
      stats.get(r.workflow_id)!.lastRun = { id: r.id, status: r.status as RunStatus, createdAt: new Date(r.created_at).toISOString() };
    for (const c of counts) stats.get(c.workflow_id)!.runs24h = c.n;
    return stats;
  }

  async get(workspaceId: string, id: string): Promise<Workflow> {
    const workflow = await this.find(this.dataSource.manager, workspaceId, id);
    const version = await this.dataSource.getRepository(WorkflowVersionEntity).findOneByOrFail({ id: workflow.currentVersionId as string });
    const hints = await this.secrets.hints(this.dataSource.manager, [workflow.id]);
    return this.toDto(workflow, version, hints.get(workflow.id));
  }

  /** `externalId`: the key a bundle import matches it by (see bundles/). */
  async create(workspaceId: string, body: unknown, actor?: Actor, options: { externalId?: string } = {}): Promise<Workflow> {
    const { input, definition: full } = this.parseWorkflow(body);
    const { definition, secrets } = splitTriggerSecrets(full);
    this.checkAlerts(input.alerts);
    const workflowId = newId();
    const versionId = newId();
    return this.dataSource.transaction(async (tx) => {
      await assertCredentialsExist(tx, workspaceId, definition);
      await assertCallsAllowed(tx, workspaceId, workflowId, definition);
      await assertErrorWorkflow(tx, workspaceId, workflowId, input.errorWorkflowId);
      const workflow = await tx.getRepository(WorkflowEntity).save(
        tx.getRepository(WorkflowEntity).create({
          id: workflowId,
          workspaceId,
          name: input.name,
          token: newTriggerToken(),
          externalId: options.externalId ?? null,
          active: input.active ?? true,
          retentionDays: input.retentionDays ?? null,
          concurrency: input.concurrency ?? null,
          autoReplay: input.autoReplay ?? null,
          alerts: input.alerts ?? null,
          errorWorkflowId: input.errorWorkflowId ?? null,
          version: 1,
          currentVersionId: versionId,
        }),
      );
      const version = await this.saveVersion(tx, workspaceId, workflowId, versionId, 1, definition, actor);
      await resetDraftToPublished(tx, { workspaceId, workflowId, versionId, definition, updatedBy: actor ? actorLabel(actor) : null });
      const hints = secrets?.length ? await this.secrets.save(tx, workspaceId, workflowId, secrets) : [];
      await this.audit.record(
        {
          workspaceId,
          actor,
          action: 'workflow.created',
          target: { type: 'workflow', id: workflowId, name: input.name },
          after: auditView(workflow, definition),
        },
        tx,
      );
      return this.toDto(workflow, version, hints);
    });
  }

  async replace(workspaceId: string, id: string, body: unknown, actor?: Actor): Promise<Workflow> {
    const { input, definition } = this.parseWorkflow(body);
    return this.update(workspaceId, id, actor, {
      name: input.name,
      active: input.active,
      retentionDays: input.retentionDays,
      concurrency: input.concurrency,
      autoReplay: input.autoReplay,
      alerts: input.alerts,
      errorWorkflowId: input.errorWorkflowId,
      ...splitTriggerSecrets(definition),
    });
  }

  async patch(workspaceId: string, id: string, body: unknown, actor?: Actor): Promise<Workflow> {
    const input = parseInput(workflowPatchSchema, body);
    let split: { definition?: WorkflowDefinition; secrets?: string[] } = {};
    if (input.trigger !== undefined || input.steps !== undefined) {
      const current = await this.get(workspaceId, id);
      const { url: _url, token: _token, ...trigger } = current.trigger;
      split = splitTriggerSecrets(this.checkDefinition({ trigger: input.trigger ?? trigger, steps: input.steps ?? current.steps }));
    }
    return this.update(workspaceId, id, actor, {
      name: input.name,
      active: input.active,
      retentionDays: input.retentionDays,
      concurrency: input.concurrency,
      autoReplay: input.autoReplay,
      alerts: input.alerts,
      errorWorkflowId: input.errorWorkflowId,
      ...split,
    });
  }

  async remove(workspaceId: string, id: string, actor?: Actor): Promise<void> {
    const workflow = await this.find(this.dataSource.manager, workspaceId, id);
    const version = await this.dataSource.getRepository(WorkflowVersionEntity).findOneBy({ id: workflow.currentVersionId as string });
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(WorkflowEntity).delete({ id: workflow.id, workspaceId });
      await this.audit.record(
        {
          workspaceId,
          actor,
          action: 'workflow.deleted',
          target: { type: 'workflow', id: workflow.id, name: workflow.name },
          before: version ? auditView(workflow, version.definition) : null,
        },
        tx,
      );
    });
    this.triggers.invalidate(workflow.token);
  }

  /**
   * A new trigger token: the webhook URL or hosted form address changes, and the old one answers
   * 404 from now on (its cached trigger is dropped). Audited without the tokens themselves.
   */
  async rotateToken(workspaceId: string, id: string, actor?: Actor): Promise<Workflow> {
    let oldToken = '';
    const dto = await this.dataSource.transaction(async (tx) => {
      const workflow = await this.find(tx, workspaceId, id, true);
      oldToken = workflow.token;
      workflow.token = newTriggerToken();
      const saved = await tx.getRepository(WorkflowEntity).save(workflow);
      await this.audit.record(
        { workspaceId, actor, action: 'workflow.token_rotated', target: { type: 'workflow', id: workflow.id, name: workflow.name } },
        tx,
      );
      const version = await tx.getRepository(WorkflowVersionEntity).findOneByOrFail({ id: workflow.currentVersionId as string });
      const hints = await this.secrets.hints(tx, [workflow.id]);
      return this.toDto(saved, version, hints.get(workflow.id));
    });
    this.triggers.invalidate(oldToken);
    return dto;
  }

  /** Alert e-mail goes through the server's SMTP relay: without one, saying it would be sent misleads. */
  private checkAlerts(alerts: AlertSettings | null | undefined): void {
    if (alerts?.email?.length && !this.config.SWITCHYARD_SMTP_URL) {
      throw new ApiError(
        400,
        'validation_failed',
        'The workflow is invalid: alerts.email cannot be used: SMTP is not configured on this server (SWITCHYARD_SMTP_URL)',
        [{ path: 'alerts.email', message: 'cannot be used: SMTP is not configured on this server (SWITCHYARD_SMTP_URL)' }],
      );
    }
    const watched = alerts?.quietHours !== undefined ? 'quietHours' : alerts?.refusedSpike ? 'refusedSpike' : null;
    if (watched && !alerts?.email?.length && !alerts?.webhookUrl) {
      const message = `needs somewhere to send the alert: set alerts.webhookUrl or alerts.email`;
      throw new ApiError(400, 'validation_failed', `The workflow is invalid: alerts.${watched} ${message}`, [
        { path: `alerts.${watched}`, message },
      ]);
    }
    const schedule = alerts?.quietSchedule;
    if (schedule) {
      const fail = (field: string, message: string) => {
        const path = field ? `alerts.quietSchedule.${field}` : 'alerts.quietSchedule';
        throw new ApiError(400, 'validation_failed', `The workflow is invalid: ${path} ${message}`, [{ path, message }]);
      };
      if (alerts?.quietHours === undefined) fail('', 'needs alerts.quietHours: the schedule says which time counts towards it');
      const problem = scheduleProblem({ cron: schedule.cron ?? '* * * * *', timezone: schedule.timezone });
      if (problem) fail(problem.field === 'cron' ? 'cron' : 'timezone', problem.message);
    }
  }

  private async update(
    workspaceId: string,
    id: string,
    actor: Actor | undefined,
    change: {
      name?: string;
      active?: boolean;
      retentionDays?: number | null;
      concurrency?: number | null;
      autoReplay?: AutoReplaySettings | null;
      alerts?: AlertSettings | null;
      errorWorkflowId?: string | null;
      definition?: WorkflowDefinition;
      secrets?: string[];
    },
  ): Promise<Workflow> {
    this.checkAlerts(change.alerts);
    const dto = await this.dataSource.transaction(async (tx) => {
      const workflow = await this.find(tx, workspaceId, id, true);
      if (change.definition) await assertCredentialsExist(tx, workspaceId, change.definition);
      if (change.definition) await assertCallsAllowed(tx, workspaceId, workflow.id, change.definition);
      await assertErrorWorkflow(tx, workspaceId, workflow.id, change.errorWorkflowId);
      const repo = tx.getRepository(WorkflowEntity);
      let version = await tx.getRepository(WorkflowVersionEntity).findOneByOrFail({ id: workflow.currentVersionId as string });
      const before = auditView(workflow, version.definition);
      if (change.definition && canonicalJson(change.definition) !== canonicalJson(version.definition)) {
        const previous = version.definition;
        workflow.version += 1;
        workflow.currentVersionId = newId();
        version = await this.saveVersion(
          tx,
          workspaceId,
          workflow.id,
          workflow.currentVersionId,
          workflow.version,
          change.definition,
          actor,
        );
        await resetDraftToPublished(tx, {
          workspaceId,
          workflowId: workflow.id,
          versionId: workflow.currentVersionId,
          definition: change.definition,
          previous,
          updatedBy: actor ? actorLabel(actor) : null,
        });
      }
      if (change.name !== undefined) workflow.name = change.name;
      if (change.active !== undefined) workflow.active = change.active;
      if (change.retentionDays !== undefined) workflow.retentionDays = change.retentionDays;
      if (change.concurrency !== undefined) workflow.concurrency = change.concurrency;
      if (change.autoReplay !== undefined) workflow.autoReplay = change.autoReplay;
      if (change.alerts !== undefined) workflow.alerts = change.alerts;
      if (change.errorWorkflowId !== undefined) workflow.errorWorkflowId = change.errorWorkflowId;
      const saved = await repo.save(workflow);
      if (change.secrets !== undefined) await this.secrets.save(tx, workspaceId, workflow.id, change.secrets);
      await this.recordUpdate(tx, workspaceId, actor, before, auditView(saved, version.definition), change.secrets !== undefined);
      const hints = await this.secrets.hints(tx, [workflow.id]);
      return this.toDto(saved, version, hints.get(workflow.id));
    });
    this.triggers.invalidate(dto.trigger.token);
    return dto;
  }

  /** `workflow.updated` for a changed name, definition or settings; `workflow.activated`/`deactivated` for the switch. */
  private async recordUpdate(
    tx: EntityManager,
    workspaceId: string,
    actor: Actor | undefined,
    before: AuditView,
    after: AuditView,
    secretsChanged: boolean,
  ) {
    const target = { type: 'workflow', id: after.id, name: after.name };
    const { active: wasActive, ...restBefore } = before;
    const { active: isActive, ...restAfter } = after;
    if (canonicalJson(restBefore) !== canonicalJson(restAfter) || secretsChanged) {
      await this.audit.record({ workspaceId, actor, action: 'workflow.updated', target, before, after }, tx);
    }
    if (wasActive !== isActive)
      await this.audit.record({ workspaceId, actor, action: isActive ? 'workflow.activated' : 'workflow.deactivated', target }, tx);
  }

  private async find(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<WorkflowEntity> {
    const workflow = await manager.getRepository(WorkflowEntity).findOne({
      where: { id, workspaceId },
      lock: lock ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!workflow) throw ApiError.notFound('Workflow', id);
    return workflow;
  }

  private saveVersion(
    tx: EntityManager,
    workspaceId: string,
    workflowId: string,
    id: string,
    number: number,
    definition: WorkflowDefinition,
    actor?: Actor,
  ) {
    const repo = tx.getRepository(WorkflowVersionEntity);
    this.versions.remember(id, definition);
    return repo.save(
      repo.create({
        id,
        workspaceId,
        workflowId,
        version: number,
        schemaVersion: definition.schemaVersion,
        definition: definition as unknown as Record<string, unknown>,
        message: null,
        publishedBy: actor ? actorLabel(actor) : null,
      }),
    );
  }

  /** Checks the whole body at once, so that every problem (name and definition) is reported together. */
  private parseWorkflow(body: unknown): { input: WorkflowInputParsed; definition: WorkflowDefinition } {
    const parsed = workflowInputSchema.safeParse(body);
    const details: ErrorDetail[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
    const raw = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const result = validateDefinition({ schemaVersion: raw.schemaVersion, trigger: raw.trigger, steps: raw.steps });
    if (!result.ok)
      details.push(...result.issues.filter((issue) => !details.some((d) => d.path === issue.path)).map((issue) => ({ ...issue })));
    if (!parsed.success || !result.ok) throw invalid(details);
    return { input: parsed.data, definition: result.definition };
  }

  private checkDefinition(input: Record<string, unknown>): WorkflowDefinition {
    const result = validateDefinition(input);
    if (result.ok) return result.definition;
    throw invalid(result.issues.map((issue) => ({ ...issue })));
  }

  triggerUrl(token: string): string {
    return `${this.config.publicUrl}/hooks/${token}`;
  }

  /** Where a trigger is reached: the webhook URL, the hosted form's page, or nowhere (schedule, poll, manual). */
  private reachedAt(type: TriggerType, token: string): string | null {
    if (type === 'webhook') return this.triggerUrl(token);
    if (type === 'form') return `${this.config.publicUrl}/forms/${token}`;
    return null;
  }

  private toDto(workflow: WorkflowEntity, version: WorkflowVersionEntity, secretHints?: string[]): Workflow {
    const definition = this.versions.decode(version.id, version.definition);
    return {
      id: workflow.id,
      name: workflow.name,
      active: workflow.active,
      retentionDays: workflow.retentionDays ?? this.config.SWITCHYARD_RETENTION_DAYS,
      concurrency: workflow.concurrency,
      errorWorkflowId: workflow.errorWorkflowId,
      autoReplay: workflow.autoReplay ?? { enabled: false, schedule: DEFAULT_AUTO_REPLAY_SCHEDULE },
      alerts: workflow.alerts,
      version: workflow.version,
      versionId: version.id,
      schemaVersion: version.schemaVersion,
      trigger: {
        ...withSecretHints(definition.trigger, secretHints),
        url: this.reachedAt(definition.trigger.type, workflow.token),
        token: workflow.token,
      },
      steps: definition.steps,
      createdAt: workflow.createdAt.toISOString(),
      updatedAt: workflow.updatedAt.toISOString(),
    };
  }
}
