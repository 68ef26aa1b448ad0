import type { RequestVerdict } from '@switchyard/contract';
import { newId } from '../common/ids';
import type { RunLedger, SqlRunner } from '../runtime/ledger/run-ledger';

/** One firing of a trigger that is not a webhook: Run now, a schedule, a poll, a hosted form. */
export interface Firing {
  workspaceId: string;
  workflowId: string;
  /** The version the run executes (the workflow's published one). */
  versionId: string;
  verdict: Extract<RequestVerdict, 'manual' | 'scheduled' | 'polled' | 'form' | 'poll_failed' | 'called'>;
  /** Who or what fired, in words: `Run now by ada@example.com`, `scheduled for 2026-03-29T09:00:00+02:00`. */
  reason: string;
  /** What the run sees as `trigger.body`. */
  body: unknown;
  method?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** The status recorded as answered (201 for Run now, 303 for a form, 0 when nobody was answered). */
  statusCode?: number;
  receivedAt?: Date;
}

export interface RecordedFiring {
  requestId: string;
  runId: string;
}

const INSERT_REQUEST_SQL = `
INSERT INTO inbound_requests (id, workspace_id, workflow_id, method, query, headers, content_type, body, size, received_at, verdict, reason, status_code, body_json)
VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, 'application/json', $7, $8, $9, $10, $11, $12, $13::jsonb)`;

/** Same rule as ingest: objects and arrays up to 256 KiB without U+0000 (jsonb cannot hold it) are searchable. */
function searchable(body: unknown, json: string): string | null {
  if (body === null || typeof body !== 'object') return null;
  return json.length <= 256 * 1024 && !json.includes('\\u0000') ? json : null;
}

/**
 * Writes a firing as an inbound request and its queued run, in the caller's transaction: every way
 * into a workflow is a request with a verdict, so history, search, replay and retention treat these
 * like webhooks. The caller dispatches the run once the transaction has committed.
 */
export async function recordFiring(db: SqlRunner, ledger: RunLedger, firing: Firing): Promise<RecordedFiring> {
  const requestId = await recordRequest(db, firing);
  const runId = newId();
  await ledger.create(db, [
    { id: runId, workspaceId: firing.workspaceId, workflowId: firing.workflowId, versionId: firing.versionId, requestId },
  ]);
  return { requestId, runId };
}

/** Writes the request of a firing that starts no run (a failed poll); returns its id. */
export async function recordRequest(db: SqlRunner, firing: Firing): Promise<string> {
  const requestId = newId();
  const json = JSON.stringify(firing.body ?? {});
  const bytes = Buffer.from(json, 'utf8');
  await db.query(INSERT_REQUEST_SQL, [
    requestId,
    firing.workspaceId,
    firing.workflowId,
    firing.method ?? 'POST',
    JSON.stringify(firing.query ?? {}),
    JSON.stringify({ 'content-type': 'application/json', ...firing.headers }),
    bytes,
    bytes.length,
    firing.receivedAt ?? new Date(),
    firing.verdict,
    firing.reason,
    firing.statusCode ?? 0,
    searchable(firing.body, json),
  ]);
  return requestId;
}
