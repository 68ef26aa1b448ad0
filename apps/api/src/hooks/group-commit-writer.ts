import type { Pool } from 'pg';
import type { RequestVerdict } from '../database/entities/inbound-request.entity';

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
}

export interface RunRow {
  id: string;
  workspaceId: string;
  workflowId: string;
  versionId: string;
  requestId: string;
  createdAt: Date;
}

/** A row pair that has committed, handed to dispatch and to the event bus. */
export interface CommittedWrite {
  request: RequestRow;
  run: RunRow | null;
}

interface Pending {
  request: RequestRow;
  run: RunRow | null;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const INSERT_SQL = `
WITH req AS (
  INSERT INTO inbound_requests (id, workspace_id, workflow_id, method, query, headers, content_type, body, size, received_at, verdict, reason, status_code)
  SELECT id, ws, wf, m, q::jsonb, h::jsonb, ct, b, s, r, v, rs, sc
  FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bytea[], $9::int[], $10::timestamptz[], $11::text[], $12::text[], $13::int[])
    AS t(id, ws, wf, m, q, h, ct, b, s, r, v, rs, sc)
)
INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status, created_at)
SELECT id, ws, wf, ver, req, 'queued', c
FROM unnest($14::uuid[], $15::uuid[], $16::uuid[], $17::uuid[], $18::uuid[], $19::timestamptz[]) AS t(id, ws, wf, ver, req, c)`;

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
  ) {}

  write(request: RequestRow, run: RunRow | null): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, run, resolve, reject });
      this.pump();
    });
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
    const r = batch.map((p) => p.request);
    const runs = batch.flatMap((p) => (p.run ? [p.run] : []));
    try {
      await this.pool.query(INSERT_SQL, [
        r.map((x) => x.id),
        r.map((x) => x.workspaceId),
        r.map((x) => x.workflowId),
        r.map((x) => x.method),
        r.map((x) => JSON.stringify(x.query)),
        r.map((x) => JSON.stringify(x.headers)),
        r.map((x) => x.contentType),
        r.map((x) => x.body),
        r.map((x) => x.size),
        r.map((x) => x.receivedAt.toISOString()),
        r.map((x) => x.verdict),
        r.map((x) => x.reason),
        r.map((x) => x.statusCode),
        runs.map((x) => x.id),
        runs.map((x) => x.workspaceId),
        runs.map((x) => x.workflowId),
        runs.map((x) => x.versionId),
        runs.map((x) => x.requestId),
        runs.map((x) => x.createdAt.toISOString()),
      ]);
    } catch (err) {
      // One bad row (say, a workflow deleted a moment ago) must not fail its neighbours: retry alone.
      if (batch.length > 1) {
        await Promise.all(batch.map((p) => this.flush([p])));
        return;
      }
      for (const p of batch) p.reject(err);
      return;
    }
    for (const p of batch) p.resolve();
    this.onCommitted(batch.map((p) => ({ request: p.request, run: p.run })));
  }
}
