import type { Pool } from 'pg';
import type { Logger } from '../common/logger';
import { checkoutClient } from '../database/checkout-client';
import type { RunLedger } from '../runtime/ledger/run-ledger';
import type { RunFinished } from '../runtime/run-events';
import { recordFiring } from '../triggers/record-firing';

const EXCERPT_CHARS = 1000;

interface FailedRow {
  id: string;
  workspace_id: string;
  workflow_id: string;
  workflow_name: string;
  error: { code?: string; message?: string; stepId?: string } | null;
  definition: { steps?: unknown[] } | null;
  method: string;
  received_at: Date;
  body: Buffer | null;
  error_workflow_id: string;
  version_id: string;
}

/** The step a journal key names (`route.0.notify` is `notify`), found anywhere in the definition. */
function findStep(steps: unknown, id: string): { id: string; name?: string } | null {
  if (!Array.isArray(steps)) return null;
  for (const step of steps as Array<Record<string, unknown>>) {
    if (step?.id === id) return { id, name: typeof step.name === 'string' ? step.name : undefined };
    for (const value of Object.values(step ?? {})) {
      const nested = Array.isArray(value)
        ? (findStep(value, id) ??
          findStep(
            value.flatMap((v) => (v && typeof v === 'object' && 'steps' in v ? (v as { steps: unknown[] }).steps : [])),
            id,
          ))
        : value && typeof value === 'object' && 'steps' in value
          ? findStep((value as { steps: unknown }).steps, id)
          : null;
      if (nested) return nested;
    }
  }
  return null;
}

/**
 * Error workflows (ADR 0022): when a run finally fails (after its step retries, and after its
 * auto-replays when those are on), the workflow's error workflow is started with the failed run's
 * summary, as a request with the verdict `called`. Exactly once per failed run: the new run's
 * `error_of` is unique. A run of an error workflow (one with `error_of`) never starts one, so an
 * error workflow's failure triggers neither itself nor any other.
 */
export class ErrorWorkflows {
  constructor(
    private readonly pool: Pool,
    private readonly ledger: RunLedger,
    private readonly dispatch: (runIds: string[]) => void,
    private readonly publicUrl: () => string,
    private readonly logger: Logger,
  ) {}

  async onFinished(event: RunFinished): Promise<void> {
    if (event.status !== 'failed') return;
    await this.start(event.runId);
  }

  /** Starts the error workflow for a failed run, if it has one and none was started; returns the new run's id. */
  async start(runId: string): Promise<string | null> {
    const { rows } = await this.pool.query<FailedRow>(
      `SELECT r.id, r.workspace_id, r.workflow_id, w.name AS workflow_name, r.error, v.definition,
              i.method, i.received_at, substring(i.body from 1 for ${EXCERPT_CHARS * 4}) AS body,
              w.error_workflow_id, ew.current_version_id AS version_id
         FROM runs r
         JOIN workflows w ON w.id = r.workflow_id
         JOIN workflows ew ON ew.id = w.error_workflow_id AND ew.workspace_id = r.workspace_id
         JOIN workflow_versions v ON v.id = r.version_id
         JOIN inbound_requests i ON i.id = r.request_id
        WHERE r.id = $1 AND r.status = 'failed' AND r.error_of IS NULL AND ew.current_version_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM runs e WHERE e.error_of = r.id)
          AND NOT (COALESCE((w.auto_replay->>'enabled')::boolean, false)
                   AND r.auto_replay_attempt < COALESCE(jsonb_array_length(w.auto_replay->'schedule'), 0))`,
      [runId],
    );
    const failed = rows[0];
    if (!failed) return null;
    const stepId = failed.error?.stepId ?? null;
    const step = stepId
      ? findStep(
          failed.definition?.steps,
          stepId
            .split('.')
            .pop()!
            .replace(/\[\d+\]$/, ''),
        )
      : null;
    const summary = {
      workflow: { id: failed.workflow_id, name: failed.workflow_name },
      run: { id: failed.id, url: `${this.publicUrl()}/runs/${failed.id}` },
      failedStep: stepId ? { id: stepId, name: step?.name ?? null } : null,
      error: { code: failed.error?.code ?? 'FAILED', message: failed.error?.message ?? '' },
      request: {
        method: failed.method,
        receivedAt: failed.received_at.toISOString(),
        excerpt: failed.body ? failed.body.toString('utf8').slice(0, EXCERPT_CHARS) : '',
      },
    };
    const { client, release } = await checkoutClient(this.pool);
    let failure: unknown;
    let started: string | null = null;
    try {
      await client.query('BEGIN');
      const fired = await recordFiring(client, this.ledger, {
        workspaceId: failed.workspace_id,
        workflowId: failed.error_workflow_id,
        versionId: failed.version_id,
        verdict: 'called',
        reason: `Error workflow of “${failed.workflow_name}”: run ${failed.id} failed`,
        body: summary,
        headers: { 'x-switchyard-failed-run': failed.id },
      });
      await client.query(`UPDATE runs SET error_of = $2 WHERE id = $1`, [fired.runId, failed.id]);
      await client.query('COMMIT');
      started = fired.runId;
    } catch (err) {
      failure = err;
      await client.query('ROLLBACK').catch(() => undefined);
      // Another process started it first: the unique `error_of` kept it to one.
      if ((err as { code?: string }).code === '23505') return null;
      throw err;
    } finally {
      release(failure);
    }
    this.logger.info({ runId, errorRunId: started, workflowId: failed.error_workflow_id }, 'started the error workflow of a failed run');
    this.dispatch([started]);
    return started;
  }
}
