import { createHash } from 'node:crypto';
import type { WaitPort, WaitResolution, WaitState } from '@switchyard/engine';
import type { Pool } from 'pg';
import { newId } from '../common/ids';
import type { SecretBoxProvider } from '../secrets/trigger-secrets.service';

/** What a one-time link answers: it worked, it was used (or timed out) before, or it never existed. */
export type WaitAnswer =
  { kind: 'resolved'; runId: string; workspaceId: string } | { kind: 'gone'; outcome: string | null } | { kind: 'unknown' };

/** A wait as the approval page and the run page show it. */
export interface WaitView {
  runId: string;
  workspaceId: string;
  workflowName: string;
  stepKey: string;
  mode: 'callback' | 'approval';
  timeoutAt: Date;
  resolvedAt: Date | null;
  outcome: string | null;
  decidedBy: string | null;
}

interface WaitRow {
  timeout_at: Date;
  resolved_at: Date | null;
  outcome: WaitResolution['outcome'] | null;
  body: unknown;
  decided_by: string | null;
}

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * The waits of `wait` steps (ADR 0022), in PostgreSQL: a wait is opened once per run and step key
 * with the SHA-256 of its one-time token, and ends exactly once (a conditional UPDATE): by its
 * callback, a decision on its approval page, or its timeout. Tokens are derived from the run id and
 * step key under the master key, so the links are known before the wait opens (`$resumeUrl`).
 */
export class WaitStore {
  constructor(
    private readonly pool: Pool,
    private readonly secrets: SecretBoxProvider,
    private readonly publicUrl: () => string,
  ) {}

  token(runId: string, stepKey: string): string {
    return this.secrets().mac('run-wait', `${runId}:${stepKey}`).toString('base64url');
  }

  urls(runId: string, stepKey: string): { resumeUrl: string; approvalUrl: string } {
    const token = this.token(runId, stepKey);
    return { resumeUrl: `${this.publicUrl()}/resume/${token}`, approvalUrl: `${this.publicUrl()}/approve/${token}` };
  }

  /** The engine's `waits` port for one run. */
  portFor(run: { id: string; workspaceId: string }): WaitPort {
    return {
      urls: (key) => this.urls(run.id, key),
      open: (params) => this.open(run, params),
    };
  }

  async open(
    run: { id: string; workspaceId: string },
    params: { key: string; mode: 'callback' | 'approval'; timeoutAt: number },
  ): Promise<WaitState> {
    await this.pool.query(
      `INSERT INTO run_waits (id, workspace_id, run_id, step_key, mode, token_hash, timeout_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (run_id, step_key) DO NOTHING`,
      [newId(), run.workspaceId, run.id, params.key, params.mode, hash(this.token(run.id, params.key)), new Date(params.timeoutAt)],
    );
    // Past its timeout and not answered: it ends timed out, once (a late answer is refused from then on).
    await this.pool.query(
      `UPDATE run_waits SET resolved_at = now(), outcome = 'timed_out'
        WHERE run_id = $1 AND step_key = $2 AND resolved_at IS NULL AND timeout_at <= now()`,
      [run.id, params.key],
    );
    const { rows } = await this.pool.query<WaitRow>(
      `SELECT timeout_at, resolved_at, outcome, body, decided_by FROM run_waits WHERE run_id = $1 AND step_key = $2`,
      [run.id, params.key],
    );
    const row = rows[0];
    const state: WaitState = { ...this.urls(run.id, params.key), timeoutAt: row.timeout_at.getTime() };
    if (row.resolved_at && row.outcome) {
      state.resolution = { outcome: row.outcome, at: row.resolved_at.toISOString() };
      if (row.outcome === 'resumed') state.resolution.body = row.body;
      if (row.decided_by) state.resolution.by = row.decided_by;
    }
    return state;
  }

  /**
   * Ends a wait by its token, once: a callback (`resumed`, with its body) or a decision. The run is
   * made due at once when it already waits; when it is still finishing its execution, its own
   * check after finishing (`wakeIfAnswered`) sees the answer.
   */
  async resolve(
    token: string,
    answer: { mode: 'callback' | 'approval'; outcome: WaitResolution['outcome']; body?: unknown; by?: string },
  ): Promise<WaitAnswer> {
    const { rows } = await this.pool.query<{ run_id: string; workspace_id: string }>(
      `UPDATE run_waits SET resolved_at = now(), outcome = $3, body = $4::jsonb, decided_by = $5
        WHERE token_hash = $1 AND mode = $2 AND resolved_at IS NULL AND timeout_at > now()
        RETURNING run_id, workspace_id`,
      [hash(token), answer.mode, answer.outcome, answer.body === undefined ? null : JSON.stringify(answer.body), answer.by ?? null],
    );
    const resolved = rows[0];
    if (!resolved) {
      const { rows: found } = await this.pool.query<{ outcome: string | null }>(
        `SELECT outcome FROM run_waits WHERE token_hash = $1 AND mode = $2`,
        [hash(token), answer.mode],
      );
      return found[0] ? { kind: 'gone', outcome: found[0].outcome ?? 'timed_out' } : { kind: 'unknown' };
    }
    await this.pool.query(`UPDATE runs SET resume_at = now() WHERE id = $1 AND status = 'waiting'`, [resolved.run_id]);
    return { kind: 'resolved', runId: resolved.run_id, workspaceId: resolved.workspace_id };
  }

  /** The wait a token opens, for its approval page; null for an unknown token. */
  async byToken(token: string): Promise<WaitView | null> {
    const { rows } = await this.pool.query<WaitViewRow>(
      `SELECT w.run_id, w.workspace_id, wf.name AS workflow_name, w.step_key, w.mode, w.timeout_at, w.resolved_at, w.outcome, w.decided_by
         FROM run_waits w JOIN runs r ON r.id = w.run_id JOIN workflows wf ON wf.id = r.workflow_id
        WHERE w.token_hash = $1`,
      [hash(token)],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /** The waits of a run, for its page: the open one shows its link. */
  async ofRun(runId: string): Promise<Array<WaitView & { url: string | null }>> {
    const { rows } = await this.pool.query<WaitViewRow>(
      `SELECT w.run_id, w.workspace_id, '' AS workflow_name, w.step_key, w.mode, w.timeout_at, w.resolved_at, w.outcome, w.decided_by
         FROM run_waits w WHERE w.run_id = $1 ORDER BY w.created_at`,
      [runId],
    );
    return rows.map((row) => {
      const view = toView(row);
      const urls = this.urls(view.runId, view.stepKey);
      return { ...view, url: view.resolvedAt ? null : view.mode === 'approval' ? urls.approvalUrl : urls.resumeUrl };
    });
  }

  /**
   * A run that has just finished an execution as `waiting`: made due at once when one of its waits
   * was answered (or one of its children ended) while it was executing, and the step that waits for
   * it has not taken the answer yet. Returns whether it was.
   */
  async wakeIfAnswered(runId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE runs SET resume_at = now()
        WHERE id = $1 AND status = 'waiting' AND resume_at > now()
          AND (EXISTS (SELECT 1 FROM run_waits w WHERE w.run_id = $1 AND w.resolved_at IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM step_runs s WHERE s.run_id = $1 AND s.step_id = w.step_key))
            OR EXISTS (SELECT 1 FROM runs c WHERE c.parent_run_id = $1 AND c.status IN ('succeeded', 'failed', 'filtered', 'cancelled')
                        AND NOT EXISTS (SELECT 1 FROM step_runs s WHERE s.run_id = $1 AND s.step_id = c.parent_step_key)))`,
      [runId],
    );
    return Boolean(rowCount);
  }
}

interface WaitViewRow {
  run_id: string;
  workspace_id: string;
  workflow_name: string;
  step_key: string;
  mode: 'callback' | 'approval';
  timeout_at: Date;
  resolved_at: Date | null;
  outcome: string | null;
  decided_by: string | null;
}

function toView(row: WaitViewRow): WaitView {
  return {
    runId: row.run_id,
    workspaceId: row.workspace_id,
    workflowName: row.workflow_name,
    stepKey: row.step_key,
    mode: row.mode,
    timeoutAt: row.timeout_at,
    resolvedAt: row.resolved_at,
    outcome: row.outcome,
    decidedBy: row.decided_by,
  };
}
