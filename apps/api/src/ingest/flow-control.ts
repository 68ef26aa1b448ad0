import type { TriggerFlowControl } from '@switchyard/engine';
import type { Pool, PoolClient } from 'pg';
import { newId } from '../common/ids';
import type { Logger } from '../common/logger';
import { checkoutClient } from '../database/checkout-client';
import type { SwitchyardEvent } from '../events/event-bus';
import type { Dispatcher } from '../runtime/dispatch/dispatcher';
import { INITIAL_RUN_STATUS } from '../runtime/ledger/run-status';
import { type RequestRow, toJsonb, withoutNul } from './group-commit-writer';

/** The clock port of flow control: tests set `now` by hand. */
export interface FlowClock {
  now(): number;
}
export const FLOW_CLOCK = Symbol('FLOW_CLOCK');

/** One event of a workflow whose trigger has a flow control rule, already judged `accepted` by ingest. */
export interface FlowEvent {
  request: RequestRow;
  versionId: string;
  rule: TriggerFlowControl;
  /** The value of the rule's key expression, as text ('' when the rule has no key: one bucket). */
  key: string;
  /** The parsed body: what a batch run sees in its list. */
  body: unknown;
  traceParent: string | null;
}

/** What became of an event: a run (throttle: maybe starting later), or held in its key's bucket. */
export type FlowAdmission = { kind: 'run'; runId: string; startsAt: Date } | { kind: 'held'; dueAt: Date };

/** Most buckets one tick fires: the rest wait for the next tick. */
const FIRE_BATCH = 100;

const INSERT_REQUEST_SQL = `
INSERT INTO inbound_requests (id, workspace_id, workflow_id, method, query, headers, content_type, body, size, received_at, verdict, reason, status_code, body_json)
VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14::jsonb)`;

// A throttled run starts `waiting` with its slot as resume_at: the sweeper dispatches it when due.
const INSERT_RUN_SQL = `
INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status, resume_at, created_at, trace_parent)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

// Locks the key's bucket first (so a concurrent flush of that bucket is waited for, or skips ours).
const UPSERT_DEBOUNCE_SQL = `
INSERT INTO flow_buckets (workflow_id, flow_key, mode, due_at, size, max_size, wait_seconds)
VALUES ($1, $2, 'debounce', $3, 1, 0, $4)
ON CONFLICT (workflow_id, flow_key) DO UPDATE
  SET due_at = GREATEST(flow_buckets.due_at, EXCLUDED.due_at), size = flow_buckets.size + 1, mode = EXCLUDED.mode,
      wait_seconds = EXCLUDED.wait_seconds
RETURNING due_at`;

// A batch is due T after its first event, or at once when it is full.
const UPSERT_BATCH_SQL = `
INSERT INTO flow_buckets (workflow_id, flow_key, mode, due_at, size, max_size, wait_seconds)
VALUES ($1, $2, 'batch', CASE WHEN $5::int <= 1 THEN $4::timestamptz ELSE $3::timestamptz END, 1, $5, $6)
ON CONFLICT (workflow_id, flow_key) DO UPDATE
  SET size = flow_buckets.size + 1, mode = EXCLUDED.mode, max_size = EXCLUDED.max_size, wait_seconds = EXCLUDED.wait_seconds,
      due_at = CASE WHEN flow_buckets.size + 1 >= EXCLUDED.max_size THEN LEAST(flow_buckets.due_at, $4::timestamptz) ELSE flow_buckets.due_at END
RETURNING due_at`;

const INSERT_PENDING_SQL = `
INSERT INTO flow_pending (request_id, workflow_id, workspace_id, version_id, flow_key, event, received_at)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`;

// One due bucket at a time, locked: another process skips it, and an event of its key waits for us.
const NEXT_DUE_BUCKET_SQL = `
SELECT workflow_id, flow_key, mode, max_size, wait_seconds FROM flow_buckets
 WHERE due_at <= $1
 ORDER BY due_at
 LIMIT 1
   FOR UPDATE SKIP LOCKED`;

const describeKey = (key: string) => (key === '' ? 'the one bucket (no key)' : `key ${JSON.stringify(key)}`);

/**
 * Flow control by key (ADR 0024), durable in PostgreSQL. `admit` runs in place of ingest's group
 * commit for a workflow with a rule: a throttled event gets its run at once, `waiting` until the
 * next free start slot of its key (`flow_throttle` keeps the last starts, under the row's lock); a
 * debounced or batched event is stored `held` in `flow_pending`, and its key's bucket in
 * `flow_buckets` says when it is due. `fireDue` (a scheduler timer handler, on the clock port)
 * claims due buckets with `FOR UPDATE SKIP LOCKED`, writes their run and the verdicts of the held
 * requests (`debounced`, `batched`) in one transaction, so with several processes each fires once,
 * and nothing is lost across restarts.
 */
export class FlowController {
  constructor(
    private readonly pool: Pool,
    private readonly dispatcher: Pick<Dispatcher, 'dispatch'>,
    private readonly clock: FlowClock,
    private readonly logger: Logger,
    /** Told of each request admitted (the live Inbox). */
    private readonly publish: (events: SwitchyardEvent[]) => void = () => undefined,
  ) {}

  async admit(event: FlowEvent): Promise<FlowAdmission> {
    const { client, release } = await checkoutClient(this.pool);
    let failure: unknown;
    try {
      await client.query('BEGIN');
      const admission =
        event.rule.mode === 'throttle' ? await this.throttle(client, event, event.rule) : await this.hold(client, event, event.rule);
      await client.query('COMMIT');
      const { request } = event;
      this.publish([
        {
          type: 'request',
          id: request.id,
          workflowId: request.workflowId,
          verdict: admission.kind === 'run' ? 'accepted' : 'held',
          statusCode: 202,
          receivedAt: request.receivedAt.toISOString(),
          runId: admission.kind === 'run' ? admission.runId : null,
        },
      ]);
      if (admission.kind === 'run' && admission.startsAt.getTime() <= event.request.receivedAt.getTime())
        this.dispatcher.dispatch([admission.runId]);
      return admission;
    } catch (err) {
      failure = err;
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      release(failure);
    }
  }

  private async throttle(
    db: PoolClient,
    event: FlowEvent,
    rule: Extract<TriggerFlowControl, { mode: 'throttle' }>,
  ): Promise<FlowAdmission> {
    const { request } = event;
    await db.query(`INSERT INTO flow_throttle (workflow_id, flow_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      request.workflowId,
      event.key,
    ]);
    const { rows } = await db.query<{ starts: Date[] }>(
      `SELECT starts FROM flow_throttle WHERE workflow_id = $1 AND flow_key = $2 FOR UPDATE`,
      [request.workflowId, event.key],
    );
    const now = request.receivedAt.getTime();
    const starts = (rows[0]?.starts ?? []).map((d) => new Date(d).getTime()).sort((a, b) => a - b);
    const slot = nextSlot(starts, now, rule.limit, rule.periodSeconds * 1000);
    const kept = [...starts, slot].sort((a, b) => a - b).slice(-rule.limit);
    await db.query(`UPDATE flow_throttle SET starts = $3::timestamptz[] WHERE workflow_id = $1 AND flow_key = $2`, [
      request.workflowId,
      event.key,
      kept.map((t) => new Date(t).toISOString()),
    ]);
    const delayed = slot > now;
    const reason = delayed
      ? `Throttled (${rule.limit} per ${rule.periodSeconds} s, ${describeKey(event.key)}): the run starts at ${new Date(slot).toISOString()}`
      : null;
    await this.insertRequest(db, { ...request, verdict: 'accepted', statusCode: 202, reason: reason ?? request.reason });
    const runId = newId();
    await db.query(INSERT_RUN_SQL, [
      runId,
      request.workspaceId,
      request.workflowId,
      event.versionId,
      request.id,
      delayed ? 'waiting' : INITIAL_RUN_STATUS,
      delayed ? new Date(slot) : null,
      request.receivedAt,
      event.traceParent,
    ]);
    return { kind: 'run', runId, startsAt: new Date(slot) };
  }

  private async hold(
    db: PoolClient,
    event: FlowEvent,
    rule: Extract<TriggerFlowControl, { mode: 'debounce' | 'batch' }>,
  ): Promise<FlowAdmission> {
    const { request } = event;
    const at = request.receivedAt.getTime();
    const { rows } =
      rule.mode === 'debounce'
        ? await db.query<{ due_at: Date }>(UPSERT_DEBOUNCE_SQL, [
            request.workflowId,
            event.key,
            new Date(at + rule.windowSeconds * 1000),
            rule.windowSeconds,
          ])
        : await db.query<{ due_at: Date }>(UPSERT_BATCH_SQL, [
            request.workflowId,
            event.key,
            new Date(at + rule.maxWaitSeconds * 1000),
            new Date(at),
            rule.size,
            rule.maxWaitSeconds,
          ]);
    const what = rule.mode === 'debounce' ? `debounce ${rule.windowSeconds} s` : `batch of up to ${rule.size} or ${rule.maxWaitSeconds} s`;
    await this.insertRequest(db, {
      ...request,
      verdict: 'held',
      statusCode: 202,
      reason: `Held by flow control (${what}, ${describeKey(event.key)})`,
    });
    await db.query(INSERT_PENDING_SQL, [
      request.id,
      request.workflowId,
      request.workspaceId,
      event.versionId,
      event.key,
      toJsonb(event.body ?? null),
      request.receivedAt,
    ]);
    return { kind: 'held', dueAt: new Date(rows[0].due_at) };
  }

  /** Fires the due buckets this process can claim, at `now` (the clock's by default); returns the runs started. */
  async fireDue(now = this.clock.now()): Promise<string[]> {
    const runIds: string[] = [];
    for (let i = 0; i < FIRE_BATCH; i++) {
      const fired = await this.fireOne(now);
      if (fired === null) break;
      if (fired) runIds.push(fired);
    }
    return runIds;
  }

  /** Claims one due bucket and fires it: its run id, '' when it held nothing, null when none is due. */
  private async fireOne(now: number): Promise<string | null> {
    const { client, release } = await checkoutClient(this.pool);
    let failure: unknown;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ workflow_id: string; flow_key: string; mode: string; max_size: number; wait_seconds: number }>(
        NEXT_DUE_BUCKET_SQL,
        [new Date(now)],
      );
      const bucket = rows[0];
      if (!bucket) {
        await client.query('COMMIT');
        return null;
      }
      const runId = await this.fireBucket(client, bucket, now);
      await client.query('COMMIT');
      return runId;
    } catch (err) {
      failure = err;
      await client.query('ROLLBACK').catch(() => undefined);
      this.logger.warn({ err: (err as Error).message }, 'flow control could not fire a bucket');
      throw err;
    } finally {
      release(failure);
    }
  }

  private async fireBucket(
    db: PoolClient,
    bucket: { workflow_id: string; flow_key: string; mode: string; max_size: number; wait_seconds: number },
    now: number,
  ): Promise<string> {
    const batch = bucket.mode === 'batch';
    const { rows: events } = await db.query<{
      request_id: string;
      workspace_id: string;
      version_id: string;
      event: unknown;
      received_at: Date;
    }>(
      `SELECT request_id, workspace_id, version_id, event, received_at FROM flow_pending
        WHERE workflow_id = $1 AND flow_key = $2 ORDER BY seq ${batch ? 'LIMIT $3' : ''}`,
      batch ? [bucket.workflow_id, bucket.flow_key, Math.max(1, bucket.max_size)] : [bucket.workflow_id, bucket.flow_key],
    );
    const key = describeKey(bucket.flow_key);
    if (events.length === 0) {
      await db.query(`DELETE FROM flow_buckets WHERE workflow_id = $1 AND flow_key = $2`, [bucket.workflow_id, bucket.flow_key]);
      return '';
    }
    const last = events[events.length - 1];
    const runId = newId();
    const ids = events.map((e) => e.request_id);
    if (!batch) {
      // Debounce: the last event runs with its own request; the ones before it were superseded.
      await db.query(INSERT_RUN_SQL, [
        runId,
        last.workspace_id,
        bucket.workflow_id,
        last.version_id,
        last.request_id,
        INITIAL_RUN_STATUS,
        null,
        new Date(now),
        null,
      ]);
      await db.query(`UPDATE inbound_requests SET verdict = 'accepted', reason = $2 WHERE id = $1`, [
        last.request_id,
        withoutNul(`Debounce: the last of ${events.length} event${events.length === 1 ? '' : 's'} with ${key} started run ${runId}`),
      ]);
      await db.query(`UPDATE inbound_requests SET verdict = 'debounced', reason = $2, handled_by_run_id = $3 WHERE id = ANY($1::uuid[])`, [
        ids.slice(0, -1),
        withoutNul(`Superseded by a later event with ${key}: run ${runId} handled it`),
        runId,
      ]);
    } else {
      // Batch: one request holds the list of the events' bodies, and its run handles them all.
      const requestId = newId();
      const json = toJsonb(events.map((e) => e.event));
      const bytes = Buffer.from(json, 'utf8');
      await this.insertRequest(db, {
        id: requestId,
        workspaceId: last.workspace_id,
        workflowId: bucket.workflow_id,
        method: 'BATCH',
        query: {},
        headers: { 'content-type': 'application/json' },
        contentType: 'application/json',
        body: bytes,
        size: bytes.length,
        receivedAt: new Date(now),
        verdict: 'accepted',
        reason: `Batch of ${events.length} event${events.length === 1 ? '' : 's'} with ${key}`,
        statusCode: 0,
        bodyJson: bytes.length <= 256 * 1024 ? json : null,
      });
      await db.query(INSERT_RUN_SQL, [
        runId,
        last.workspace_id,
        bucket.workflow_id,
        last.version_id,
        requestId,
        INITIAL_RUN_STATUS,
        null,
        new Date(now),
        null,
      ]);
      await db.query(`UPDATE inbound_requests SET verdict = 'batched', reason = $2, handled_by_run_id = $3 WHERE id = ANY($1::uuid[])`, [
        ids,
        withoutNul(`Joined a batch of ${events.length} with ${key}: run ${runId} handled it`),
        runId,
      ]);
    }
    await db.query(`DELETE FROM flow_pending WHERE request_id = ANY($1::uuid[])`, [ids]);
    const { rows: left } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM flow_pending WHERE workflow_id = $1 AND flow_key = $2`,
      [bucket.workflow_id, bucket.flow_key],
    );
    const remaining = left[0].n;
    if (remaining === 0)
      await db.query(`DELETE FROM flow_buckets WHERE workflow_id = $1 AND flow_key = $2`, [bucket.workflow_id, bucket.flow_key]);
    else {
      // A batch left over (more events than its size): due at once when full, else after its wait.
      const due = remaining >= bucket.max_size ? now : now + bucket.wait_seconds * 1000;
      await db.query(`UPDATE flow_buckets SET size = $3, due_at = $4 WHERE workflow_id = $1 AND flow_key = $2`, [
        bucket.workflow_id,
        bucket.flow_key,
        remaining,
        new Date(due),
      ]);
    }
    return runId;
  }

  private async insertRequest(db: PoolClient, r: RequestRow): Promise<void> {
    await db.query(INSERT_REQUEST_SQL, [
      r.id,
      r.workspaceId,
      r.workflowId,
      r.method,
      toJsonb(r.query),
      toJsonb(r.headers),
      r.contentType,
      r.body,
      r.size,
      r.receivedAt,
      r.verdict,
      r.reason === null ? null : withoutNul(r.reason).slice(0, 2000),
      r.statusCode,
      r.bodyJson ?? null,
    ]);
  }
}

/**
 * The next start of a throttled key at `now`: at most `limit` starts in any `periodMs`. `starts` are
 * the last starts handed out, in order; the new one is `now`, or a period after the `limit`-th last.
 */
export function nextSlot(starts: number[], now: number, limit: number, periodMs: number): number {
  if (starts.length < limit) return now;
  return Math.max(now, starts[starts.length - limit] + periodMs);
}
