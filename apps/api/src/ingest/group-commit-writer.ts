import type { Pool } from 'pg';
import { checkoutClient } from '../database/checkout-client';
import type { RequestVerdict } from '../database/entities/inbound-request.entity';
import type { StoredRequest } from '../inbound/trigger-data';
import type { RunStarter } from '../runtime/dispatch/in-process.dispatcher';
import type { ClaimedRun } from '../runtime/ledger/run-ledger.types';
import { INITIAL_RUN_STATUS } from '../runtime/ledger/run-status';

export interface RequestRow {
  id: string;
  workspaceId: string;
  workflowId: string;
  method: string;
  query: unknown;
  headers: unknown;
  contentType: string | null;
  body: Buffer | null;
  size: number;
  receivedAt: Date;
  verdict: RequestVerdict;
  reason: string | null;
  statusCode: number;
  /** The parsed body as JSON text, kept for payload search (accepted JSON and form bodies only). */
  bodyJson?: string | null;
}

export interface RunRow {
  id: string;
  workspaceId: string;
  workflowId: string;
  versionId: string;
  requestId: string;
  createdAt: Date;
  /** W3C traceparent of the ingest span, when tracing is on. */
  traceParent?: string | null;
  /** Set once committed when the run was inserted already claimed by this process (started at ingest). */
  startedAt?: Date;
}

/**
 * Run each key once: the run is started only if `(workflowId, key)` is not already held by an
 * unexpired row of `trigger_dedupe_keys`; otherwise the request is stored as a duplicate.
 */
export interface DedupeClaim {
  key: string;
  windowSeconds: number;
}

/** What became of a write: `duplicateOf` is the first run's id when the dedupe key was taken. */
export interface WriteOutcome {
  duplicateOf: string | null;
}

/** A row pair that has committed, handed to dispatch and to the event bus. */
export interface CommittedWrite {
  request: RequestRow;
  run: RunRow | null;
}

interface Pending {
  request: RequestRow;
  run: RunRow | null;
  dedupe: DedupeClaim | null;
  resolve: (outcome: WriteOutcome) => void;
  reject: (err: unknown) => void;
}

// Ingest's own write path (ADR 0004): requests and their runs in one statement. The run rows are
// created as the ledger creates runs (run-status.ts), every later move of them is the ledger's, but
// one: a run this process has a free slot for (`$24`) is inserted already claimed, under this
// process's lease, as a claim would leave it (`running`, one claim, `started_at` = `$25`), unless its
// workflow has a concurrency limit, whose claims stay serialised. The statement returns those runs.
const INSERT_SQL = `
WITH req AS (
  INSERT INTO inbound_requests (id, workspace_id, workflow_id, method, query, headers, content_type, body, size, received_at, verdict, reason, status_code, body_json)
  SELECT id, ws, wf, m, q::jsonb, h::jsonb, ct, b, s, r, v, rs, sc, bj::jsonb
  FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bytea[], $9::int[], $10::timestamptz[], $11::text[], $12::text[], $13::int[], $20::text[])
    AS t(id, ws, wf, m, q, h, ct, b, s, r, v, rs, sc, bj)
), run AS (
  INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status, created_at, trace_parent, claims, worker_id, lease_until, started_at)
  SELECT id, ws, wf, ver, req, CASE WHEN go THEN 'running' ELSE '${INITIAL_RUN_STATUS}' END, c, tp, CASE WHEN go THEN 1 ELSE 0 END,
         CASE WHEN go THEN $22::text END, CASE WHEN go THEN now() + make_interval(secs => $23::float8) END, CASE WHEN go THEN $25::timestamptz END
  FROM (SELECT t.*, (t.st AND NOT EXISTS (SELECT 1 FROM workflows w WHERE w.id = t.wf AND w.concurrency IS NOT NULL)) AS go
          FROM unnest($14::uuid[], $15::uuid[], $16::uuid[], $17::uuid[], $18::uuid[], $19::timestamptz[], $21::text[], $24::bool[])
            AS t(id, ws, wf, ver, req, c, tp, st)) AS t
  RETURNING id, status
)
SELECT id FROM run WHERE status = 'running'`;

// Claims keys in a stable order (so concurrent batches cannot deadlock); an expired key is taken over.
const CLAIM_SQL = `
INSERT INTO trigger_dedupe_keys (workflow_id, key, run_id, request_id, created_at, expires_at)
SELECT wf, k, run, req, now(), now() + make_interval(secs => w)
FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::int[]) AS t(wf, k, run, req, w)
ORDER BY wf, k
ON CONFLICT (workflow_id, key) DO UPDATE
  SET run_id = EXCLUDED.run_id, request_id = EXCLUDED.request_id, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
  WHERE trigger_dedupe_keys.expires_at <= now()
RETURNING workflow_id, key`;

const HELD_SQL = `
SELECT d.workflow_id, d.key, d.run_id FROM trigger_dedupe_keys d
JOIN unnest($1::uuid[], $2::text[]) AS t(wf, k) ON d.workflow_id = t.wf AND d.key = t.k`;

/** PostgreSQL text and jsonb cannot hold U+0000 (a query string may carry %00): shown as U+FFFD. */
export const withoutNul = (text: string) => (text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text);

export function toJsonb(value: unknown): string {
  // Fast path: JSON text escapes U+0000 as \u0000, so text without that escape holds none.
  const plain = JSON.stringify(value);
  if (plain === undefined || !plain.includes('\\u0000')) return plain;
  return JSON.stringify(value, function (this: unknown, _key, v: unknown) {
    if (typeof v === 'string') return withoutNul(v);
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).some((k) => k.includes('\u0000'))) {
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [withoutNul(k), item]));
    }
    return v;
  });
}

/**
 * The committed requests that started a run, as the run will read them back (inbound/trigger-data.ts),
 * for a run executed in this process. Requests whose query or headers hold U+0000 are left out: what
 * was stored differs from them (see `toJsonb`), and a run must see what a resumed one would.
 */
export function handOverable(committed: CommittedWrite[]): Array<{ id: string; request: StoredRequest }> {
  const out: Array<{ id: string; request: StoredRequest }> = [];
  for (const { request: r, run } of committed) {
    if (!run || holdsNul(r.query) || holdsNul(r.headers)) continue;
    out.push({
      id: r.id,
      request: {
        method: r.method,
        headers: r.headers as StoredRequest['headers'],
        query: r.query as StoredRequest['query'],
        content_type: r.contentType,
        body: r.body,
        received_at: r.receivedAt,
      },
    });
  }
  return out;
}

/** The committed runs that were inserted already claimed by this process, as a claim would return them. */
export function startedRuns(committed: CommittedWrite[]): ClaimedRun[] {
  const out: ClaimedRun[] = [];
  for (const { run } of committed) {
    if (!run?.startedAt) continue;
    out.push({
      id: run.id,
      workspaceId: run.workspaceId,
      workflowId: run.workflowId,
      versionId: run.versionId,
      requestId: run.requestId,
      claims: 1,
      replayOf: null,
      idempotencyRoot: run.id,
      startedAt: run.startedAt,
      concurrency: null,
      traceParent: run.traceParent ?? null,
    });
  }
  return out;
}

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || holdsNul(v));
  return false;
}

const claimId = (workflowId: string, key: string) => `${workflowId}\u0000${key}`;

/**
 * Group commit for the ingest path: requests that arrive while earlier writes are in flight are
 * written together, inbound requests and their queued runs in ONE statement (so one implicit
 * transaction). Each caller's promise settles only after that statement has committed, so nothing
 * is answered 2xx before it is durable. A lone request is written at once, without waiting.
 */
export class GroupCommitWriter {
  private pending: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly pool: Pool,
    private readonly onCommitted: (committed: CommittedWrite[]) => void,
    private readonly options = { maxBatch: 500, maxInFlight: 4 },
    /** In-process dispatch: runs with a free slot are inserted already claimed (no claim statement). */
    private readonly starter: RunStarter | null = null,
  ) {}

  write(request: RequestRow, run: RunRow | null, dedupe: DedupeClaim | null = null): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, run, dedupe: run ? dedupe : null, resolve, reject });
      this.pump();
    });
  }

  /** Records what a request was finally answered (wait mode answers after the run has started). */
  async recordAnswer(requestId: string, statusCode: number, reason: string): Promise<void> {
    await this.pool.query('UPDATE inbound_requests SET status_code = $2, reason = $3 WHERE id = $1', [
      requestId,
      statusCode,
      withoutNul(reason),
    ]);
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.pending.length > 0) {
      const batch = this.pending.splice(0, this.options.maxBatch);
      this.inFlight++;
      this.flush(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    let rows: Array<{ request: RequestRow; run: RunRow | null; duplicateOf: string | null }>;
    const slots = { reserved: 0, started: 0 };
    try {
      rows = batch.some((p) => p.dedupe)
        ? await this.insertWithDedupe(batch, slots)
        : await this.insert(
            this.pool,
            batch.map((p) => ({ ...p, duplicateOf: null })),
            slots,
          );
    } catch (err) {
      this.starter?.unreserve(slots.reserved);
      for (const p of batch) if (p.run) delete p.run.startedAt;
      // One bad row (say, a workflow deleted a moment ago) must not fail its neighbours: retry alone.
      if (batch.length > 1) {
        await Promise.all(batch.map((p) => this.flush([p])));
        return;
      }
      for (const p of batch) p.reject(err);
      return;
    }
    this.starter?.unreserve(slots.reserved - slots.started);
    batch.forEach((p, i) => p.resolve({ duplicateOf: rows[i].duplicateOf }));
    this.onCommitted(rows.map(({ request, run }) => ({ request, run })));
  }

  /**
   * Claims the dedupe keys first, in the same transaction as the rows: a request whose key is held
   * (by an earlier delivery, or by an earlier request of this batch) is stored as a duplicate that
   * starts no run. The primary key of trigger_dedupe_keys makes a concurrent claim wait for ours.
   */
  private async insertWithDedupe(batch: Pending[], slots: { reserved: number; started: number }) {
    const { client, release } = await checkoutClient(this.pool);
    let failure: unknown;
    try {
      await client.query('BEGIN');
      const winners = new Map<string, Pending>();
      for (const p of batch)
        if (p.dedupe && !winners.has(claimId(p.request.workflowId, p.dedupe.key)))
          winners.set(claimId(p.request.workflowId, p.dedupe.key), p);
      const candidates = [...winners.values()];
      const claimed = await client.query<{ workflow_id: string; key: string }>(CLAIM_SQL, [
        candidates.map((p) => p.request.workflowId),
        candidates.map((p) => p.dedupe!.key),
        candidates.map((p) => p.run!.id),
        candidates.map((p) => p.request.id),
        candidates.map((p) => p.dedupe!.windowSeconds),
      ]);
      const won = new Set(claimed.rows.map((r) => claimId(r.workflow_id, r.key)));
      const lost = candidates.filter((p) => !won.has(claimId(p.request.workflowId, p.dedupe!.key)));
      const held = new Map<string, string>();
      for (const p of candidates)
        if (won.has(claimId(p.request.workflowId, p.dedupe!.key))) held.set(claimId(p.request.workflowId, p.dedupe!.key), p.run!.id);
      if (lost.length > 0) {
        const existing = await client.query<{ workflow_id: string; key: string; run_id: string }>(HELD_SQL, [
          lost.map((p) => p.request.workflowId),
          lost.map((p) => p.dedupe!.key),
        ]);
        for (const r of existing.rows) held.set(claimId(r.workflow_id, r.key), r.run_id);
      }
      const rows = batch.map((p) => {
        if (!p.dedupe) return { request: p.request, run: p.run, duplicateOf: null };
        const id = claimId(p.request.workflowId, p.dedupe.key);
        if (winners.get(id) === p && won.has(id)) return { request: p.request, run: p.run, duplicateOf: null };
        const firstRun = held.get(id);
        if (!firstRun) throw new Error('a dedupe key was neither claimed nor found');
        const request: RequestRow = {
          ...p.request,
          verdict: 'duplicate',
          statusCode: 200,
          reason: `Duplicate delivery: key ${JSON.stringify(p.dedupe.key)} already started run ${firstRun}`,
        };
        return { request, run: null, duplicateOf: firstRun };
      });
      await this.insert(client, rows, slots);
      await client.query('COMMIT');
      return rows;
    } catch (err) {
      failure = err;
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      release(failure);
    }
  }

  private async insert<T extends { request: RequestRow; run: RunRow | null }>(
    db: Pick<Pool, 'query'>,
    rows: T[],
    slots: { reserved: number; started: number },
  ): Promise<T[]> {
    const r = rows.map((p) => p.request);
    const runs = rows.flatMap((p) => (p.run ? [p.run] : []));
    // The first runs of the batch, as many as this process has free slots for, start here.
    const startable = runs.length > 0 && this.starter ? this.starter.reserve(runs.length) : 0;
    slots.reserved += startable;
    const startedAt = new Date();
    // A prepared statement: parsed and planned once per connection.
    const { rows: started } = await db.query<{ id: string }>({
      name: 'ingest-insert',
      text: INSERT_SQL,
      values: [
        r.map((x) => x.id),
        r.map((x) => x.workspaceId),
        r.map((x) => x.workflowId),
        r.map((x) => x.method),
        r.map((x) => toJsonb(x.query)),
        r.map((x) => toJsonb(x.headers)),
        r.map((x) => x.contentType),
        r.map((x) => x.body),
        r.map((x) => x.size),
        r.map((x) => x.receivedAt.toISOString()),
        r.map((x) => x.verdict),
        r.map((x) => (x.reason === null ? null : withoutNul(x.reason).slice(0, 2000))),
        r.map((x) => x.statusCode),
        runs.map((x) => x.id),
        runs.map((x) => x.workspaceId),
        runs.map((x) => x.workflowId),
        runs.map((x) => x.versionId),
        runs.map((x) => x.requestId),
        runs.map((x) => x.createdAt.toISOString()),
        r.map((x) => x.bodyJson ?? null),
        runs.map((x) => x.traceParent ?? null),
        this.starter?.workerId ?? null,
        this.starter?.leaseSeconds ?? 0,
        runs.map((_, i) => i < startable),
        startedAt.toISOString(),
      ],
    });
    if (started.length > 0) {
      const ids = new Set(started.map((s) => s.id));
      for (const run of runs) if (ids.has(run.id)) run.startedAt = startedAt;
      slots.started += started.length;
    }
    return rows;
  }
}
