import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type RunStatus,
  type RunWait,
  bulkReplaySchema,
  type BulkReplayResult,
  type ListRunsFilters,
  listAllRunsQuerySchema,
  listRunsQuerySchema,
  LOOP_ITEMS_SHOWN,
  type LoopItemsPage,
  loopItemsQuerySchema,
  MAX_BULK_REPLAY,
  type ReplayOptions,
  replaySchema,
  type Run,
  type RunCreated,
  type RunError,
  type RunPage,
  type RunSummary,
  type StepAttempt,
  type StepRun,
} from '@switchyard/contract';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '../accounts/audit.service';
import type { Actor } from '../accounts/auth-context';
import { ApiError } from '../common/api-error';
import { newId } from '../common/ids';
import { parseInput } from '../common/parse-input';
import { uuidV7Floor } from '../common/uuid-v7-floor';
import { stepNameOf } from './step-names';
import { InboundRequestEntity } from '../database/entities/inbound-request.entity';
import { RunEntity } from '../database/entities/run.entity';
import { StepRunEntity } from '../database/entities/step-run.entity';
import { WorkflowVersionEntity } from '../database/entities/workflow-version.entity';
import { WorkflowEntity } from '../database/entities/workflow.entity';
import { DISPATCHER, type Dispatcher } from '../runtime/dispatch/dispatcher';
import { type NewRun, RunLedger } from '../runtime/ledger/run-ledger';
import { TERMINAL_RUN_STATUSES } from '../runtime/ledger/run-status';
import { VersionStore } from '../versions/version-store';
import { WaitStore } from '../compose/wait-store';
import { WorkflowCalls } from '../compose/workflow-calls';
import { parseBodyLenient } from '../inbound/parse-body';
import { parsePayloadQuery } from './payload-query';
import { buildStepRunTree, findStepRunNode, flattenStepRunTree, type StepRunNode, type StepRunRow, type TreeStep } from './step-run-tree';

/** The words of a request body, exactly as `idx_inbound_requests_body_words` indexes them (migration 1795560200000). */
const BODY_WORDS_SQL = `jsonb_to_tsvector('simple'::regconfig, req.body_json, '["string", "numeric"]'::jsonb)`;

/**
 * A field search (`body.a = "x"`) reads at most this many matching requests of the workspace from the
 * GIN index before it looks up their runs by request id; a value more requests contain is searched with
 * runs joined to requests (see `findRuns`).
 */
export const FIELD_SEARCH_REQUESTS_MAX = 1000;

/** Above this, a body or a step output is left out of the run detail and fetched on its own. */
export const INLINE_PAYLOAD_BYTES = 1024 * 1024;

interface StepPayload {
  input: unknown;
  output: unknown;
  outputTruncated: boolean;
}

/**
 * One step in the run detail: as before for every step (`id`, `type`, `status`, payloads,
 * attempts, timings), plus its journal `key`, and for a branch its `paths` (each with `taken` and
 * its steps), for a loop its `items` (index, status, steps) and `itemCount`.
 */
function stepView(node: StepRunNode, payloads: Map<string, StepPayload>): StepRun {
  const { row } = node;
  const nested: Pick<StepRun, 'paths' | 'items' | 'itemCount'> = {};
  if (node.paths) {
    nested.paths = node.paths.map((path) => ({
      index: path.index,
      name: path.name,
      taken: path.taken,
      steps: path.steps.map((step) => stepView(step, payloads)),
    }));
  }
  if (node.items) {
    nested.items = node.items.map((item) => ({
      index: item.index,
      status: item.status,
      steps: item.steps.map((step) => stepView(step, payloads)),
    }));
    nested.itemCount = node.itemCount ?? 0;
  }
  if (!row) return { id: node.id, key: node.key, type: node.type, name: node.name, status: node.status, attempts: 0, ...nested };
  const payload = payloads.get(node.key);
  return {
    id: node.id,
    key: node.key,
    type: node.type,
    name: node.name,
    status: row.status,
    input: payload?.input ?? null,
    output: payload?.output ?? null,
    outputTruncated: payload?.outputTruncated || undefined,
    error: row.error as RunError | null,
    attempts: row.attempts,
    attemptLog: row.attemptLog,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt.toISOString(),
    durationMs: row.durationMs,
    ...nested,
  };
}

/** The filter step whose condition was false, with that condition (searched through nested steps). */
function filteredBy(
  nodes: StepRunNode[],
  payloads: Map<string, StepPayload>,
  steps: TreeStep[],
): { stepId: string; condition: string } | null {
  const stopped = nodes.find(
    (node) => node.type === 'filter' && (payloads.get(node.key)?.output as { passed?: boolean } | null)?.passed === false,
  );
  if (!stopped) return null;
  const find = (list: unknown): { condition?: unknown } | undefined => {
    if (!Array.isArray(list)) return undefined;
    for (const step of list as Array<Record<string, unknown>>) {
      if (step.id === stopped.id && step.type === 'filter') return step;
      for (const value of Object.values(step)) {
        const nested = Array.isArray(value)
          ? (find(value) ?? value.map((v) => find((v as { steps?: unknown })?.steps)).find(Boolean))
          : undefined;
        if (nested) return nested;
      }
    }
    return undefined;
  };
  const condition = find(steps)?.condition;
  return { stepId: stopped.key, condition: typeof condition === 'string' ? condition : '' };
}

const ms = (from: Date | null, to: Date | null) => (from && to ? to.getTime() - from.getTime() : null);

@Injectable()
export class RunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DISPATCHER) private readonly dispatcher: Dispatcher,
    private readonly audit: AuditService,
    private readonly ledger: RunLedger,
    private readonly versions: VersionStore,
    private readonly waits: WaitStore,
    private readonly calls: WorkflowCalls,
  ) {}

  async listForWorkflow(workspaceId: string, workflowId: string, query: unknown): Promise<RunPage> {
    const q = parseInput(listRunsQuerySchema, query, 'query string');
    await this.assertWorkflow(workspaceId, workflowId);
    return this.list(workspaceId, { ...q, workflowId });
  }

  async listAll(workspaceId: string, query: unknown): Promise<RunPage> {
    return this.list(workspaceId, parseInput(listAllRunsQuerySchema, query, 'query string'));
  }

  private async list(workspaceId: string, q: ListRunsFilters): Promise<RunPage> {
    const rows = await this.findRuns(workspaceId, q, 'DESC', q.limit + 1, q.cursor);
    const page = rows.slice(0, q.limit);
    const [triggers, stepsByVersion] = await Promise.all([
      this.triggerSummaries(page.map((r) => r.requestId)),
      this.stepsOfVersions(page.filter((r) => (r.error as RunError | null)?.stepId).map((r) => r.versionId)),
    ]);
    return {
      items: page.map((r) => ({
        ...this.summary(r, stepsByVersion.get(r.versionId)),
        triggerSummary: triggers.get(r.requestId) ?? null,
      })),
      nextCursor: rows.length > q.limit ? page[page.length - 1].id : null,
    };
  }

  /** One line about each run's request for the lists: method, type, size and the start of the body. */
  private async triggerSummaries(
    requestIds: string[],
  ): Promise<Map<string, { method: string; contentType: string | null; size: number; preview: string | null }>> {
    if (requestIds.length === 0) return new Map();
    const rows: Array<{ id: string; method: string; content_type: string | null; size: number; preview: string | null }> =
      await this.dataSource.query(
        `SELECT id, method, content_type, size, left(body_json::text, 120) AS preview FROM inbound_requests WHERE id = ANY($1::uuid[])`,
        [requestIds],
      );
    return new Map(rows.map((r) => [r.id, { method: r.method, contentType: r.content_type, size: r.size, preview: r.preview }]));
  }

  /** Time ranges become id ranges (UUIDv7), so every filter walks an index. */
  private filtered(
    manager: EntityManager,
    workspaceId: string,
    q: {
      workflowId?: string;
      status?: string;
      since?: string;
      until?: string;
      q?: string;
      deadLetter?: boolean | 'true' | 'false';
      resolved?: boolean | 'true' | 'false';
    },
    fieldSearch: 'matches-first' | 'joined' = 'joined',
  ) {
    const builder = manager.getRepository(RunEntity).createQueryBuilder('r').where('r.workspace_id = :workspaceId', { workspaceId });
    if (q.q) {
      const search = parsePayloadQuery(q.q);
      if (search.kind === 'field' && fieldSearch === 'matches-first') {
        // The matching requests (at most FIELD_SEARCH_REQUESTS_MAX + 1), then their runs by request id;
        // no row at all when there are more of them than that (findRuns).
        builder
          .addCommonTableExpression(
            `SELECT m.id FROM inbound_requests m WHERE m.workspace_id = :workspaceId AND m.body_json @> CAST(:containment AS jsonb) LIMIT ${FIELD_SEARCH_REQUESTS_MAX + 1}`,
            'field_matches',
            { materialized: true },
          )
          .andWhere('r.request_id = ANY(ARRAY(SELECT id FROM field_matches))')
          .andWhere(`(SELECT count(*) FROM field_matches) <= ${FIELD_SEARCH_REQUESTS_MAX}`)
          .setParameter('containment', JSON.stringify(search.containment));
      } else {
        builder.innerJoin(InboundRequestEntity, 'req', 'req.id = r.request_id');
        if (search.kind === 'field')
          builder.andWhere('req.body_json @> CAST(:containment AS jsonb)', { containment: JSON.stringify(search.containment) });
        else builder.andWhere(`${BODY_WORDS_SQL} @@ phraseto_tsquery('simple'::regconfig, :words)`, { words: search.words });
      }
    }
    if (q.workflowId) builder.andWhere('r.workflow_id = :workflowId', { workflowId: q.workflowId });
    if (q.status) builder.andWhere('r.status = :status', { status: q.status });
    if (q.deadLetter !== undefined)
      builder.andWhere(q.deadLetter === true || q.deadLetter === 'true' ? 'r.dead_lettered_at IS NOT NULL' : 'r.dead_lettered_at IS NULL');
    if (q.resolved !== undefined)
      builder.andWhere(q.resolved === true || q.resolved === 'true' ? 'r.resolved_by IS NOT NULL' : 'r.resolved_by IS NULL');
    if (q.since) builder.andWhere('r.id >= :since', { since: uuidV7Floor(Date.parse(q.since)) });
    if (q.until) builder.andWhere('r.id < :until', { until: uuidV7Floor(Date.parse(q.until)) });
    return builder;
  }

  /**
   * The runs matching the filters (before `cursor`), sorted by id, at most `limit`. A field search (`body.customer.email =
   * "…"`) reads the requests of the workspace that contain the value from the GIN index
   * (`idx_inbound_requests_body_json`) first, then their runs by request id (`idx_runs_request`), in one
   * statement. Only when that finds nothing is it asked whether more than FIELD_SEARCH_REQUESTS_MAX
   * requests matched; then runs are joined to requests, and PostgreSQL may walk the newest runs backwards
   * until it has `limit` of them.
   *
   * Why not always the joined query: PostgreSQL estimates how many requests contain a value from the
   * sampled histogram of `body_json` (about 100 bodies). A value that happens to be one of them is
   * estimated at 1% of all requests, and the planner then walks the workflow's runs newest first looking
   * for 51 matches: 1.6 s at 1,000,000 runs for an e-mail that 200 requests contain, where the other
   * e-mails took 15 to 30 ms (docs/benchmarks.md, "Run history at 1,000,000 runs"). Reading the matches
   * first makes the plan depend on how many there are, not on that estimate.
   */
  private async findRuns(
    workspaceId: string,
    q: Parameters<RunsService['filtered']>[2],
    order: 'ASC' | 'DESC',
    limit: number,
    cursor?: string,
  ): Promise<RunEntity[]> {
    const query = (fieldSearch: 'matches-first' | 'joined') => {
      const builder = this.filtered(this.dataSource.manager, workspaceId, q, fieldSearch).orderBy('r.id', order).limit(limit);
      if (cursor) builder.andWhere('r.id < :cursor', { cursor });
      return builder.getMany();
    };
    const search = q.q ? parsePayloadQuery(q.q) : null;
    if (search?.kind !== 'field') return query('joined');
    const runs = await query('matches-first');
    if (runs.length > 0) return runs;
    const [{ many }]: Array<{ many: boolean }> = await this.dataSource.query(
      `SELECT count(*) > $3 AS many FROM (SELECT 1 FROM inbound_requests WHERE workspace_id = $1 AND body_json @> CAST($2 AS jsonb) LIMIT $3 + 1) AS m`,
      [workspaceId, JSON.stringify(search.containment), FIELD_SEARCH_REQUESTS_MAX],
    );
    return many ? query('joined') : runs;
  }

  async get(workspaceId: string, runId: string): Promise<Run> {
    const run = await this.findRun(workspaceId, runId);
    const [request, version, stepRows, replays, waits, links] = await Promise.all([
      this.dataSource.getRepository(InboundRequestEntity).findOneByOrFail({ id: run.requestId }),
      this.dataSource.getRepository(WorkflowVersionEntity).findOneByOrFail({ id: run.versionId }),
      this.stepRunRows(runId),
      this.dataSource.getRepository(RunEntity).find({ where: { replayOf: runId, workspaceId }, order: { id: 'ASC' }, take: 100 }),
      this.waits.ofRun(runId),
      this.calls.links(runId),
    ]);
    const definition = this.versions.decode(version.id, version.definition);
    const terminal = TERMINAL_RUN_STATUSES.includes(run.status);
    const tree = buildStepRunTree({ steps: definition.steps as unknown as TreeStep[], rows: stepRows, terminal });
    const payloads = await this.stepPayloads(runId, flattenStepRunTree(tree));
    const bodyTooLarge = request.size > INLINE_PAYLOAD_BYTES;
    const body = bodyTooLarge ? null : parseBodyLenient(request.body, request.contentType, request.headers['content-encoding']);
    return {
      ...this.summary(run, definition.steps),
      versionId: run.versionId,
      version: version.version,
      replayOf: run.replayOf,
      alert: run.alert,
      trigger: {
        requestId: request.id,
        method: request.method,
        headers: request.headers,
        query: request.query,
        contentType: request.contentType,
        body: body?.value ?? null,
        bodyEncoding: body?.kind === 'binary' ? ('base64' as const) : undefined,
        bodyTruncated: bodyTooLarge || undefined,
        bodyUrl: `/api/requests/${request.id}/body`,
        receivedAt: request.receivedAt.toISOString(),
        size: request.size,
      },
      steps: tree.map((node) => stepView(node, payloads)),
      replays: replays.map((r) => ({ id: r.id, status: r.status, createdAt: r.createdAt.toISOString() })),
      filteredBy:
        run.status === 'filtered' ? filteredBy(flattenStepRunTree(tree), payloads, definition.steps as unknown as TreeStep[]) : null,
      idempotencyRoot: run.idempotencyRoot ?? run.id,
      waits: waits.map((w) => ({
        stepId: w.stepKey,
        mode: w.mode,
        timeoutAt: w.timeoutAt.toISOString(),
        resolvedAt: w.resolvedAt?.toISOString() ?? null,
        outcome: w.outcome as RunWait['outcome'],
        decidedBy: w.decidedBy,
        url: w.url,
      })),
      parentRun: links.parent
        ? { id: links.parent.runId, stepId: links.parent.stepKey, kind: 'call' as const }
        : run.errorOf
          ? { id: run.errorOf, stepId: null, kind: 'error' as const }
          : null,
      childRuns: links.children.map((c) => ({ id: c.runId, stepId: c.stepKey, workflowId: c.workflowId, status: c.status as RunStatus })),
    };
  }

  /**
   * A page of a loop's items (`stepId` is the loop's journal key, e.g. `route.0.each`), for loops
   * with more items than the run detail shows.
   */
  async loopItems(workspaceId: string, runId: string, stepId: string, query: unknown): Promise<LoopItemsPage> {
    const q = parseInput(loopItemsQuerySchema, query, 'query string');
    const run = await this.findRun(workspaceId, runId);
    const [version, rows] = await Promise.all([
      this.dataSource.getRepository(WorkflowVersionEntity).findOneByOrFail({ id: run.versionId }),
      this.stepRunRows(runId),
    ]);
    const definition = this.versions.decode(version.id, version.definition);
    const tree = buildStepRunTree({
      steps: definition.steps as unknown as TreeStep[],
      rows,
      terminal: TERMINAL_RUN_STATUSES.includes(run.status),
      window: (key) =>
        key === stepId
          ? { offset: q.offset, limit: q.limit, withFailures: false }
          : { offset: 0, limit: LOOP_ITEMS_SHOWN, withFailures: true },
    });
    const loop = findStepRunNode(tree, stepId);
    if (!loop || loop.type !== 'loop') throw ApiError.notFound('Loop step', `${runId}/${stepId}`);
    const items = loop.items ?? [];
    const payloads = await this.stepPayloads(runId, flattenStepRunTree(items.flatMap((item) => item.steps)));
    return {
      key: loop.key,
      itemCount: loop.itemCount ?? 0,
      offset: q.offset,
      limit: q.limit,
      items: items.map((item) => ({ index: item.index, status: item.status, steps: item.steps.map((node) => stepView(node, payloads)) })),
    };
  }

  /** Every checkpoint of a run without its payloads: a loop of 10,000 items must not read them all. */
  private async stepRunRows(runId: string): Promise<StepRunRow[]> {
    const rows: Array<{
      step_id: string;
      status: 'succeeded' | 'failed';
      error: Record<string, unknown> | null;
      attempts: number;
      started_at: Date;
      finished_at: Date;
      duration_ms: number;
      branch_output: unknown;
      result_count: number | null;
      attempt_log: StepAttempt[] | null;
    }> = await this.dataSource.query(
      `SELECT step_id, status, error, attempts, attempt_log, started_at, finished_at, duration_ms,
              CASE WHEN step_type = 'branch' THEN output END AS branch_output,
              CASE WHEN step_type = 'loop' AND jsonb_typeof(output -> 'results') = 'array' THEN jsonb_array_length(output -> 'results') END AS result_count
         FROM step_runs WHERE run_id = $1`,
      [runId],
    );
    return rows.map((r) => ({
      stepId: r.step_id,
      status: r.status,
      error: r.error,
      attempts: r.attempts,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      durationMs: r.duration_ms,
      output: r.branch_output ?? undefined,
      resultCount: r.result_count,
      attemptLog: r.attempt_log ?? undefined,
    }));
  }

  /** Input and output of the steps shown; over the inline cap they are left out (and fetched on their own). */
  private async stepPayloads(runId: string, nodes: StepRunNode[]): Promise<Map<string, StepPayload>> {
    const keys = nodes.filter((node) => node.row).map((node) => node.key);
    if (keys.length === 0) return new Map();
    const rows: Array<{ step_id: string; input: unknown; output: unknown; input_large: boolean; output_large: boolean }> =
      await this.dataSource.query(
        `SELECT step_id,
              CASE WHEN length(input::text) > $3 THEN NULL ELSE input END AS input,
              CASE WHEN length(output::text) > $3 THEN NULL ELSE output END AS output,
              coalesce(length(input::text) > $3, false) AS input_large,
              coalesce(length(output::text) > $3, false) AS output_large
         FROM step_runs WHERE run_id = $1 AND step_id = ANY($2::text[])`,
        [runId, keys, INLINE_PAYLOAD_BYTES],
      );
    return new Map(
      rows.map((r) => [
        r.step_id,
        { input: r.input_large ? null : r.input, output: r.output_large ? null : r.output, outputTruncated: r.output_large },
      ]),
    );
  }

  /** The full output of one step, for outputs too large to inline in the run detail. */
  async stepOutput(workspaceId: string, runId: string, stepId: string): Promise<unknown> {
    await this.findRun(workspaceId, runId);
    const row = await this.dataSource.getRepository(StepRunEntity).findOneBy({ runId, stepId });
    if (!row) throw ApiError.notFound('Step run', `${runId}/${stepId}`);
    return row.output;
  }

  /** The raw body of a stored request, exactly as received. */
  async requestBody(workspaceId: string, requestId: string): Promise<{ body: Buffer; contentType: string }> {
    const request = await this.dataSource.getRepository(InboundRequestEntity).findOneBy({ id: requestId, workspaceId });
    if (!request) throw ApiError.notFound('Request', requestId);
    return { body: request.body ?? Buffer.alloc(0), contentType: request.contentType ?? 'application/octet-stream' };
  }

  async replay(workspaceId: string, runId: string, body: unknown, actor?: Actor): Promise<RunCreated> {
    const options = parseInput(replaySchema, body ?? {});
    const run = await this.findRun(workspaceId, runId);
    if (options.from === 'failed-step' && run.status !== 'failed') {
      throw new ApiError(409, 'not_failed', `Run ${runId} is ${run.status}; only a failed run can be replayed from its failed step`);
    }
    const [id] = await this.createReplays(workspaceId, [run], options, actor);
    return { runId: id };
  }

  /**
   * Runs a stored request into its workflow (current version), whatever its verdict was: a request
   * refused as malformed, paused or unsigned can be run once the cause is fixed.
   */
  async runRequest(workspaceId: string, requestId: string, actor?: Actor): Promise<RunCreated> {
    const request = await this.dataSource.getRepository(InboundRequestEntity).findOneBy({ id: requestId, workspaceId });
    if (!request) throw ApiError.notFound('Request', requestId);
    if (request.body === null && request.size > 0) {
      throw new ApiError(
        409,
        'body_not_stored',
        `Request ${requestId} was refused before its body was read (${request.reason ?? request.verdict}); it cannot be run`,
      );
    }
    const workflow = await this.dataSource.getRepository(WorkflowEntity).findOneByOrFail({ id: request.workflowId });
    const id = newId();
    await this.dataSource.transaction(async (tx) => {
      await this.ledger.create(tx, [
        { id, workspaceId, workflowId: workflow.id, versionId: workflow.currentVersionId as string, requestId },
      ]);
      await this.audit.record(
        {
          workspaceId,
          actor,
          action: 'request.replayed',
          target: { type: 'request', id: requestId, name: workflow.name },
          after: { runId: id },
        },
        tx,
      );
    });
    this.dispatcher.dispatch([id]);
    return { runId: id };
  }

  /** Replays the runs listed, or those matching a filter (failed ones by default), at most 1,000. */
  async bulkReplay(workspaceId: string, body: unknown, actor?: Actor): Promise<BulkReplayResult> {
    const input = parseInput(bulkReplaySchema, body);
    let runs: RunEntity[];
    if (input.runIds) {
      runs = await this.dataSource
        .getRepository(RunEntity)
        .createQueryBuilder('r')
        .where('r.workspace_id = :workspaceId AND r.id IN (:...ids)', { workspaceId, ids: input.runIds })
        .getMany();
      const missing = input.runIds.filter((id) => !runs.some((r) => r.id === id));
      if (missing.length > 0) throw new ApiError(404, 'not_found', `Runs not found: ${missing.join(', ')}`);
    } else {
      const { includeResolved, ...filter } = input.filter ?? { status: 'failed' };
      const resolved = includeResolved === true || includeResolved === 'true' ? {} : { resolved: false };
      runs = await this.findRuns(workspaceId, { ...filter, ...resolved }, 'ASC', MAX_BULK_REPLAY);
    }
    if (input.from === 'failed-step') runs = runs.filter((r) => r.status === 'failed');
    const runIds = await this.createReplays(workspaceId, runs, input, actor);
    return { count: runIds.length, runIds };
  }

  /**
   * Creates the replay runs through the ledger, in one transaction with their audit events. From the
   * failed step, the original's completed steps are copied into the new run's journal (attempts 0:
   * reused, not executed again); the engine then skips every step whose id still exists in the
   * version the replay runs on.
   */
  private async createReplays(workspaceId: string, runs: RunEntity[], options: ReplayOptions, actor?: Actor): Promise<string[]> {
    if (runs.length === 0) return [];
    const ids = await this.dataSource.transaction(async (tx) => {
      const workflows = await tx
        .getRepository(WorkflowEntity)
        .createQueryBuilder('w')
        .where('w.id IN (:...ids)', { ids: [...new Set(runs.map((r) => r.workflowId))] })
        .getMany();
      const current = new Map(workflows.map((w) => [w.id, w.currentVersionId as string]));
      const replays: NewRun[] = runs.map((run) => ({
        id: newId(),
        workspaceId,
        workflowId: run.workflowId,
        versionId: options.version === 'original' ? run.versionId : (current.get(run.workflowId) as string),
        requestId: run.requestId,
        replayOf: run.id,
        journalFrom: options.from === 'failed-step' ? run.id : null,
        idempotencyRoot: options.freshIdempotencyKeys ? null : (run.idempotencyRoot ?? run.id),
      }));
      await this.ledger.create(tx, replays);
      for (const [i, run] of runs.entries()) {
        await this.audit.record(
          {
            workspaceId,
            actor,
            action: 'run.replayed',
            target: { type: 'run', id: run.id, name: null },
            after: {
              runId: replays[i].id,
              from: options.from ?? 'start',
              version: options.version ?? 'current',
              ...(options.freshIdempotencyKeys ? { freshIdempotencyKeys: true } : {}),
            },
          },
          tx,
        );
      }
      return replays.map((r) => r.id);
    });
    this.dispatcher.dispatch(ids);
    return ids;
  }

  private async findRun(workspaceId: string, runId: string): Promise<RunEntity> {
    const run = await this.dataSource.getRepository(RunEntity).findOneBy({ id: runId, workspaceId });
    if (!run) throw ApiError.notFound('Run', runId);
    return run;
  }

  private async assertWorkflow(workspaceId: string, workflowId: string): Promise<void> {
    const exists = await this.dataSource.getRepository(WorkflowEntity).existsBy({ id: workflowId, workspaceId });
    if (!exists) throw ApiError.notFound('Workflow', workflowId);
  }

  /** The steps of each version (decoded), to name the failed step of runs in a list. */
  private async stepsOfVersions(versionIds: string[]): Promise<Map<string, unknown>> {
    const ids = [...new Set(versionIds)];
    if (ids.length === 0) return new Map();
    const versions = await this.dataSource.getRepository(WorkflowVersionEntity).findBy({ id: In(ids) });
    return new Map(versions.map((v) => [v.id, this.versions.decode(v.id, v.definition).steps]));
  }

  /** `steps`: the run's version's steps, to add the failed step's name to the error. */
  private summary(r: RunEntity, steps?: unknown): RunSummary {
    const error = r.error as RunError | null;
    const stepName = error?.stepId && steps ? stepNameOf(steps, error.stepId) : null;
    return {
      id: r.id,
      workflowId: r.workflowId,
      status: r.status,
      replayOf: r.replayOf,
      createdAt: r.createdAt.toISOString(),
      startedAt: r.startedAt?.toISOString() ?? null,
      finishedAt: r.finishedAt?.toISOString() ?? null,
      durationMs: ms(r.startedAt, r.finishedAt),
      resumeAt: r.resumeAt?.toISOString() ?? null,
      error: error && stepName ? { ...error, stepName } : error,
      /** The auto-replay schedule is used up: this failed run is a dead letter. */
      deadLetter: r.deadLetteredAt !== null,
      deadLetteredAt: r.deadLetteredAt?.toISOString() ?? null,
      /** When this failed run will be replayed automatically, if it will. */
      autoReplayAt: r.autoReplayAt?.toISOString() ?? null,
      autoReplayAttempt: r.autoReplayAttempt,
      resolvedBy: r.resolvedBy,
    };
  }
}
