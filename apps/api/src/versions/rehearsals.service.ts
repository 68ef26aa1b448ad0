import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Rehearsal, type RehearsalItem, startRehearsalSchema } from '@switchyard/contract';
import { compareDryRuns, dryRunWorkflow, type DryRunComparison, type ValueChange, type WorkflowDefinition } from '@switchyard/engine';
import { DataSource } from 'typeorm';
import { AuditService } from '../accounts/audit.service';
import { type Actor, actorLabel } from '../accounts/auth-context';
import { ApiError } from '../common/api-error';
import { newId } from '../common/ids';
import { LOGGER, type Logger } from '../common/logger';
import { parseInput } from '../common/parse-input';
import { RehearsalEntity } from '../database/entities/rehearsal.entity';
import { toTriggerData, type StoredRequest } from '../inbound/trigger-data';
import { EnginePortsFactory } from '../runtime/engine-ports';
import { DraftsService } from './drafts.service';

/** Most requests one rehearsal replays. */
export const REHEARSAL_MAX_REQUESTS = 200;
/** Wall-clock budget of one rehearsal; what is not done by then is reported as stopped. */
export const REHEARSAL_TIME_BUDGET_MS = 60_000;
/** A comparison keeps at most this many changed fields per step, each value cut to this many characters. */
const MAX_FIELDS = 20;
const MAX_VALUE_CHARS = 2000;
/** Rehearsals executed at once by this process; more wait their turn. */
const CONCURRENT_REHEARSALS = 1;

function excerpt(value: unknown): unknown {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text !== undefined && text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}… (cut)` : value;
}

function bounded(fields: ValueChange[]): ValueChange[] {
  return fields.slice(0, MAX_FIELDS).map((f) => {
    const out: ValueChange = { path: f.path };
    if ('before' in f) out.before = excerpt(f.before);
    if ('after' in f) out.after = excerpt(f.after);
    return out;
  });
}

function toItem(request: { id: string; received_at: Date }, comparison: DryRunComparison): RehearsalItem {
  return {
    requestId: request.id,
    receivedAt: request.received_at.toISOString(),
    ...comparison,
    steps: comparison.steps.map((s) => ({ ...s, fields: bounded(s.fields) })),
    sends: comparison.sends.map((s) => ({ ...s, fields: bounded(s.fields) })),
  };
}

function summarise(items: RehearsalItem[]): Rehearsal['summary'] {
  return {
    same: items.filter((i) => i.same).length,
    differ: items.filter((i) => !i.same).length,
    newFailures: items.filter((i) => i.newFailure).length,
    fixedFailures: items.filter((i) => i.fixedFailure).length,
  };
}

/** "18 same, 2 differ, 0 new failures". */
export function summaryText(summary: Rehearsal['summary']): string {
  const failures = `${summary.newFailures} new failure${summary.newFailures === 1 ? '' : 's'}`;
  const fixed = summary.fixedFailures > 0 ? `, ${summary.fixedFailures} fixed` : '';
  return `${summary.same} same, ${summary.differ} differ${summary.differ === 1 ? 's' : ''}, ${failures}${fixed}`;
}

/**
 * Rehearsals (issue 16): the draft and the published version both run on the workflow's last N
 * accepted requests, with the engine's recording ports (nothing leaves the machine, nothing is
 * recorded as a run), and each request's two outcomes are compared step by step. Runs off the
 * request path in this process, one request at a time (bodies read one by one), bounded in count,
 * time and stored size; progress is written after each request so any api process can answer a poll.
 */
@Injectable()
export class RehearsalsService {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DraftsService) private readonly drafts: DraftsService,
    @Inject(EnginePortsFactory) private readonly ports: EnginePortsFactory,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async start(workspaceId: string, workflowId: string, body: unknown, actor?: Actor): Promise<Rehearsal> {
    const input = parseInput(startRehearsalSchema, body ?? {});
    const { workflow, draft, draftDefinition, published } = await this.drafts.definitionsForRehearsal(workspaceId, workflowId);
    const requests: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM inbound_requests WHERE workflow_id = $1 AND workspace_id = $2 AND verdict = 'accepted' ORDER BY id DESC LIMIT $3`,
      [workflow.id, workspaceId, Math.min(input.count, REHEARSAL_MAX_REQUESTS)],
    );
    const entity = this.dataSource.getRepository(RehearsalEntity).create({
      id: newId(),
      workspaceId,
      workflowId: workflow.id,
      status: requests.length === 0 ? 'done' : 'running',
      total: requests.length,
      completed: 0,
      publishedVersion: workflow.version,
      draftRevision: draft.revision,
      items: [],
      error: null,
      startedBy: actor ? actorLabel(actor) : null,
      startedAt: new Date(),
      finishedAt: requests.length === 0 ? new Date() : null,
    });
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(RehearsalEntity).save(entity);
      await this.audit.record(
        {
          workspaceId,
          actor,
          action: 'workflow.rehearsed',
          target: { type: 'workflow', id: workflow.id, name: workflow.name },
          after: { rehearsalId: entity.id, requests: requests.length, publishedVersion: workflow.version, draftRevision: draft.revision },
        },
        tx,
      );
    });
    if (requests.length > 0) {
      setImmediate(() => {
        void this.execute(entity.id, workspaceId, requests.map((r) => r.id).reverse(), published, draftDefinition).catch((err: Error) => {
          this.logger.warn({ rehearsalId: entity.id, err: err.message }, 'rehearsal failed');
          void this.finish(entity.id, 'failed', `The rehearsal stopped: ${err.message}`).catch(() => undefined);
        });
      });
    }
    return this.toAnswer(entity);
  }

  async get(workspaceId: string, workflowId: string, rehearsalId: string): Promise<Rehearsal> {
    const entity = await this.dataSource.getRepository(RehearsalEntity).findOneBy({ id: rehearsalId, workflowId, workspaceId });
    if (!entity) throw ApiError.notFound('Rehearsal', rehearsalId);
    // A process that stopped mid-rehearsal leaves it running: say so once its budget is long past.
    if (entity.status === 'running' && Date.now() - entity.startedAt.getTime() > REHEARSAL_TIME_BUDGET_MS * 3) {
      entity.status = 'failed';
      entity.error = 'The rehearsal was interrupted (the server stopped); start it again';
    }
    return this.toAnswer(entity);
  }

  private async execute(
    id: string,
    workspaceId: string,
    requestIds: string[],
    published: WorkflowDefinition,
    draft: WorkflowDefinition,
  ): Promise<void> {
    await this.turn();
    try {
      const deadline = Date.now() + REHEARSAL_TIME_BUDGET_MS;
      const credentials = this.ports.dryRunCredentials(workspaceId);
      const connections = this.ports.dryRunConnections(workspaceId);
      for (const requestId of requestIds) {
        if (Date.now() > deadline) {
          await this.finish(id, 'done', `Stopped after ${REHEARSAL_TIME_BUDGET_MS / 1000} s: the remaining requests were not rehearsed`);
          return;
        }
        const [request] = await this.dataSource.query<Array<StoredRequest & { id: string }>>(
          `SELECT id, method, headers, query, content_type, body, received_at FROM inbound_requests WHERE id = $1`,
          [requestId],
        );
        if (!request) continue;
        const trigger = toTriggerData(request);
        const now = request.received_at.getTime();
        const before = await dryRunWorkflow({
          definition: published,
          trigger,
          now,
          credentials,
          connections,
          runId: `rehearsal-${requestId}`,
        });
        const after = await dryRunWorkflow({ definition: draft, trigger, now, credentials, connections, runId: `rehearsal-${requestId}` });
        const item = toItem(request, compareDryRuns(before, after));
        await this.dataSource.query(`UPDATE rehearsals SET items = items || $2::jsonb, completed = completed + 1 WHERE id = $1`, [
          id,
          JSON.stringify([item]),
        ]);
      }
      await this.finish(id, 'done', null);
    } finally {
      this.release();
    }
  }

  private async finish(id: string, status: 'done' | 'failed', error: string | null): Promise<void> {
    await this.dataSource.query(`UPDATE rehearsals SET status = $2, error = $3, finished_at = now() WHERE id = $1`, [id, status, error]);
  }

  private turn(): Promise<void> {
    if (this.running < CONCURRENT_REHEARSALS) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  private toAnswer(entity: RehearsalEntity): Rehearsal {
    const items = entity.items as RehearsalItem[];
    const summary = summarise(items);
    return {
      id: entity.id,
      workflowId: entity.workflowId,
      status: entity.status as Rehearsal['status'],
      total: entity.total,
      completed: entity.completed,
      publishedVersion: entity.publishedVersion,
      draftRevision: entity.draftRevision,
      summary,
      summaryText: summaryText(summary),
      error: entity.error,
      items,
      startedAt: entity.startedAt.toISOString(),
      finishedAt: entity.finishedAt ? entity.finishedAt.toISOString() : null,
    };
  }
}
