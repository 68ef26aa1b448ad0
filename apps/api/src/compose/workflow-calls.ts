import { SUBWORKFLOW_MAX_DEPTH, type ChildRunState, type WorkflowCaller } from '@switchyard/engine';
import type { Pool } from 'pg';
import { checkoutClient } from '../database/checkout-client';
import type { RunLedger } from '../runtime/ledger/run-ledger';
import { recordFiring } from '../triggers/record-firing';

/** An error a `subworkflow` step fails with (code and message, as the engine classifies it). */
export class CallRefused extends Error {
  readonly retryable = false;
  readonly kind = 'user';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface ChildRow {
  id: string;
  status: string;
  error: { code?: string; message?: string; stepId?: string } | null;
  call_timeout_at: Date | null;
}

/**
 * Workflow calls (`subworkflow` steps, ADR 0022): a child run is started once per calling run and
 * step key (a unique index), its firing written as a request with the verdict `called` together with
 * the run, linked to its caller, in one transaction. A call deeper than SUBWORKFLOW_MAX_DEPTH, or to
 * a workflow already up the chain of callers (a cycle), is refused.
 */
export class WorkflowCalls {
  constructor(
    private readonly pool: Pool,
    private readonly ledger: RunLedger,
    private readonly dispatch: (runIds: string[]) => void,
  ) {}

  /** The engine's `workflows` port for one run. */
  portFor(run: { id: string; workspaceId: string }): WorkflowCaller {
    return { call: (params) => this.call(run, params) };
  }

  async call(
    parent: { id: string; workspaceId: string },
    params: { key: string; workflowId: string; input: unknown; wait: boolean; timeoutAt: number },
  ): Promise<ChildRunState> {
    const existing = await this.child(parent.id, params.key);
    if (existing) return this.state(existing, params.timeoutAt);
    const { rows: chain } = await this.pool.query<{ workflow_id: string; call_depth: number }>(
      `WITH RECURSIVE up(id, workflow_id, parent_run_id, call_depth) AS (
         SELECT id, workflow_id, parent_run_id, call_depth FROM runs WHERE id = $1
         UNION ALL
         SELECT r.id, r.workflow_id, r.parent_run_id, r.call_depth FROM runs r JOIN up ON r.id = up.parent_run_id
       ) SELECT workflow_id, call_depth FROM up`,
      [parent.id],
    );
    const depth = (chain[0]?.call_depth ?? 0) + 1;
    if (depth > SUBWORKFLOW_MAX_DEPTH) {
      throw new CallRefused('SUBWORKFLOW_TOO_DEEP', `Workflows may call workflows at most ${SUBWORKFLOW_MAX_DEPTH} deep`);
    }
    if (chain.some((r) => r.workflow_id === params.workflowId)) {
      throw new CallRefused('SUBWORKFLOW_CYCLE', `Workflow ${params.workflowId} is already running up this chain of calls (a cycle)`);
    }
    const { rows: workflows } = await this.pool.query<{ name: string; current_version_id: string | null }>(
      `SELECT name, current_version_id FROM workflows WHERE id = $1 AND workspace_id = $2`,
      [params.workflowId, parent.workspaceId],
    );
    const workflow = workflows[0];
    if (!workflow) throw new CallRefused('SUBWORKFLOW_NOT_FOUND', `Workflow ${params.workflowId} does not exist in this workspace`);
    if (!workflow.current_version_id) {
      throw new CallRefused('SUBWORKFLOW_NOT_PUBLISHED', `Workflow “${workflow.name}” has no published version to run`);
    }
    const { client, release } = await checkoutClient(this.pool);
    let failure: unknown;
    let runId: string;
    try {
      await client.query('BEGIN');
      const fired = await recordFiring(client, this.ledger, {
        workspaceId: parent.workspaceId,
        workflowId: params.workflowId,
        versionId: workflow.current_version_id,
        verdict: 'called',
        reason: `Called by run ${parent.id} (step ${params.key})`,
        body: params.input,
        headers: { 'x-switchyard-parent-run': parent.id },
      });
      runId = fired.runId;
      await client.query(`UPDATE runs SET parent_run_id = $2, parent_step_key = $3, call_depth = $4, call_timeout_at = $5 WHERE id = $1`, [
        runId,
        parent.id,
        params.key,
        depth,
        params.wait ? new Date(params.timeoutAt) : null,
      ]);
      await client.query('COMMIT');
    } catch (err) {
      failure = err;
      await client.query('ROLLBACK').catch(() => undefined);
      // Another execution of the same step started it first (the unique link): use that child.
      const raced = (err as { code?: string }).code === '23505' ? await this.child(parent.id, params.key) : null;
      if (raced) return this.state(raced, params.timeoutAt);
      throw err;
    } finally {
      release(failure);
    }
    this.dispatch([runId]);
    return { runId, status: 'queued', timeoutAt: params.timeoutAt };
  }

  private async child(parentId: string, key: string): Promise<ChildRow | null> {
    const { rows } = await this.pool.query<ChildRow>(
      `SELECT id, status, error, call_timeout_at FROM runs WHERE parent_run_id = $1 AND parent_step_key = $2`,
      [parentId, key],
    );
    return rows[0] ?? null;
  }

  private async state(child: ChildRow, timeoutAt: number): Promise<ChildRunState> {
    const state: ChildRunState = { runId: child.id, status: child.status, timeoutAt: child.call_timeout_at?.getTime() ?? timeoutAt };
    if (child.status === 'succeeded') state.output = await this.answer(child.id);
    if (child.status === 'failed' && child.error) {
      state.error = { code: child.error.code ?? 'CHILD_RUN_FAILED', message: child.error.message ?? 'failed' };
      if (child.error.stepId) state.error.stepId = child.error.stepId;
    }
    return state;
  }

  /** A child's answer: the body of its first `respond` step, else the output of its last top-level step. */
  private async answer(runId: string): Promise<unknown> {
    const { rows } = await this.pool.query<{ output: unknown; step_type: string }>(
      `(SELECT output, step_type FROM step_runs WHERE run_id = $1 AND step_type = 'respond' AND status = 'succeeded' ORDER BY finished_at, id LIMIT 1)
       UNION ALL
       (SELECT output, step_type FROM step_runs WHERE run_id = $1 AND status = 'succeeded' AND position >= 0 ORDER BY position DESC LIMIT 1)`,
      [runId],
    );
    const first = rows[0];
    if (!first) return null;
    if (first.step_type === 'respond') return (first.output as { body?: unknown } | null)?.body ?? null;
    return first.output;
  }

  /** The child runs a run started, and the run that started it: for the run page. */
  async links(runId: string): Promise<{
    parent: { runId: string; stepKey: string } | null;
    children: Array<{ runId: string; stepKey: string; workflowId: string; status: string }>;
  }> {
    const { rows } = await this.pool.query<{ parent_run_id: string | null; parent_step_key: string | null }>(
      `SELECT parent_run_id, parent_step_key FROM runs WHERE id = $1`,
      [runId],
    );
    const { rows: children } = await this.pool.query<{ id: string; parent_step_key: string; workflow_id: string; status: string }>(
      `SELECT id, parent_step_key, workflow_id, status FROM runs WHERE parent_run_id = $1 ORDER BY id`,
      [runId],
    );
    const own = rows[0];
    return {
      parent: own?.parent_run_id ? { runId: own.parent_run_id, stepKey: own.parent_step_key ?? '' } : null,
      children: children.map((c) => ({ runId: c.id, stepKey: c.parent_step_key, workflowId: c.workflow_id, status: c.status })),
    };
  }

  /** A child ended: its caller, when it waits for it, is made due at once. Returns the caller's id if it was. */
  async wakeCaller(childId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ id: string }>(
      `UPDATE runs p SET resume_at = now() FROM runs c
        WHERE c.id = $1 AND p.id = c.parent_run_id AND c.call_timeout_at IS NOT NULL AND p.status = 'waiting'
        RETURNING p.id`,
      [childId],
    );
    return rows[0]?.id ?? null;
  }
}
