import type { ApiClient } from '../support/client';
import type { TestDatabase } from '../support/database';

export interface HookResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** Sends raw bytes to a trigger URL (loopback only) and reads the answer. */
export async function sendHook(
  baseUrl: string,
  token: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; query?: string } = {},
): Promise<HookResponse> {
  const res = await fetch(`${baseUrl}/hooks/${token}${init.query ?? ''}`, {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : new Uint8Array(init.body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export interface StoredRequest {
  id: string;
  verdict: string;
  reason: string | null;
  status_code: number;
  body: Buffer | null;
  headers: Record<string, string>;
  run_id: string | null;
}

/** The inbound requests of a workflow, oldest first, with the run each started. */
export function storedRequests(db: TestDatabase, workflowId: string): Promise<StoredRequest[]> {
  return db.query<StoredRequest>(
    `SELECT q.id, q.verdict, q.reason, q.status_code, q.body, q.headers, r.id AS run_id
       FROM inbound_requests q LEFT JOIN runs r ON r.request_id = q.id AND r.replay_of IS NULL
      WHERE q.workflow_id = $1 ORDER BY q.id`,
    [workflowId],
  );
}

export async function lastRequest(db: TestDatabase, workflowId: string): Promise<StoredRequest> {
  const rows = await storedRequests(db, workflowId);
  return rows[rows.length - 1];
}

/** Creates a workflow with one map step and the given trigger. */
export function createHookWorkflow(api: ApiClient, trigger: Record<string, unknown>, name = 'Trigger test') {
  return api.createWorkflow({
    name,
    trigger: { type: 'webhook', ...trigger },
    steps: [{ id: 'echo', type: 'map', expression: 'trigger.body' }],
  });
}
