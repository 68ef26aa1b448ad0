import type { HttpInvoker } from '@switchyard/engine';
import type { Pool } from 'pg';
import { newId } from '../common/ids';
import type { Logger } from '../common/logger';
import { checkoutClient } from '../database/checkout-client';
import type { Dispatcher } from './dispatch/dispatcher';
import type { ServerMailer } from '../mail/server-mailer';
import { type AlertSettings, type AutoReplaySettings, parseDuration } from '../workflows/auto-replay-settings';

const BATCH = 100;
const ALERT_TIMEOUT_MS = 10_000;

/**
 * Auto-replay and dead letters (docs/adr/0007-auto-replay-as-linked-runs.md). When a run of a workflow
 * with auto-replay ends failed, it is given a time (`auto_replay_at`) from the schedule; when that
 * time comes, a new run of the same request is created from the failed step (completed steps reused,
 * `replay_of` = the failed run, `auto_replay_attempt` + 1) on the workflow's current version. A failed
 * run whose attempt has used up the schedule is a dead letter, and the workflow's alert is sent.
 * Times live in PostgreSQL, so the schedule survives restarts; any process may sweep (SKIP LOCKED).
 */
export class AutoReplayer {
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;

  constructor(
    private readonly pool: Pool,
    private readonly dispatcher: Dispatcher,
    private readonly http: HttpInvoker,
    private readonly intervalMs: number,
    private readonly publicUrl: string,
    private readonly logger: Logger,
    private readonly mailer?: ServerMailer,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Called when a run has ended failed (after its step retries): schedules its replay or dead-letters it. */
  async onRunFailed(runId: string): Promise<void> {
    const { rows } = await this.pool.query<{
      attempt: number;
      workflow_id: string;
      name: string;
      auto_replay: AutoReplaySettings | null;
      alerts: AlertSettings | null;
      error: unknown;
    }>(
      `SELECT r.auto_replay_attempt AS attempt, r.workflow_id, w.name, w.auto_replay, w.alerts, r.error
         FROM runs r JOIN workflows w ON w.id = r.workflow_id WHERE r.id = $1 AND r.status = 'failed'`,
      [runId],
    );
    const run = rows[0];
    if (!run?.auto_replay?.enabled) return;
    const schedule = run.auto_replay.schedule;
    if (run.attempt < schedule.length) {
      const delayMs = parseDuration(schedule[run.attempt]);
      await this.pool.query(`UPDATE runs SET auto_replay_at = now() + make_interval(secs => $2) WHERE id = $1`, [runId, delayMs / 1000]);
      return;
    }
    const { rows: lettered } = await this.pool.query<{ dead_lettered_at: Date }>(
      `UPDATE runs SET dead_lettered_at = now() WHERE id = $1 AND dead_lettered_at IS NULL RETURNING dead_lettered_at`,
      [runId],
    );
    if (!lettered[0]) return;
    this.logger.warn(
      { runId, workflowId: run.workflow_id, attempts: run.attempt + 1 },
      'run dead-lettered: its auto-replay schedule is used up',
    );
    if (run.alerts?.webhookUrl || run.alerts?.email?.length) await this.alert(runId, run, run.alerts, lettered[0].dead_lettered_at);
  }

  /** Replays the failed runs that are due. Returns how many were replayed. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    const checkout = await checkoutClient(this.pool).catch(() => null);
    if (!checkout) {
      this.sweeping = false;
      return 0;
    }
    const { client } = checkout;
    let failure: unknown;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{
        id: string;
        workspace_id: string;
        workflow_id: string;
        request_id: string;
        attempt: number;
        version_id: string;
        enabled: boolean | null;
      }>(
        `SELECT r.id, r.workspace_id, r.workflow_id, r.request_id, r.auto_replay_attempt AS attempt, w.current_version_id AS version_id,
                (w.auto_replay->>'enabled')::boolean AS enabled
           FROM runs r JOIN workflows w ON w.id = r.workflow_id
          WHERE r.auto_replay_at <= now()
          ORDER BY r.auto_replay_at LIMIT ${BATCH}
          FOR UPDATE OF r SKIP LOCKED`,
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      // Switched off since the failure: the run stays an ordinary failed run.
      const due = rows.filter((r) => r.enabled);
      const ids = due.map(() => newId());
      if (due.length > 0) {
        await client.query(
          `INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status, replay_of, auto_replay_attempt)
           SELECT id, ws, wf, ver, req, 'queued', orig, attempt
             FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::int[]) AS t(id, ws, wf, ver, req, orig, attempt)`,
          [
            ids,
            due.map((r) => r.workspace_id),
            due.map((r) => r.workflow_id),
            due.map((r) => r.version_id),
            due.map((r) => r.request_id),
            due.map((r) => r.id),
            due.map((r) => r.attempt + 1),
          ],
        );
        // From the failed step: the completed steps are reused (attempts 0), not executed again.
        await client.query(
          `INSERT INTO step_runs (id, workspace_id, run_id, step_id, step_type, position, status, input, output, error, attempts, started_at, finished_at, duration_ms)
           SELECT gen_random_uuid(), s.workspace_id, t.replay, s.step_id, s.step_type, s.position, s.status, s.input, s.output, s.error, 0, s.started_at, s.finished_at, s.duration_ms
             FROM unnest($1::uuid[], $2::uuid[]) AS t(orig, replay) JOIN step_runs s ON s.run_id = t.orig AND s.status = 'succeeded'`,
          [due.map((r) => r.id), ids],
        );
      }
      await client.query(`UPDATE runs SET auto_replay_at = NULL WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      await client.query('COMMIT');
      if (ids.length > 0) {
        this.logger.info({ count: ids.length }, 'auto-replaying failed runs');
        this.dispatcher.dispatch(ids);
      }
      return ids.length;
    } catch (err) {
      failure = err;
      await client.query('ROLLBACK').catch(() => undefined);
      this.logger.warn({ err: (err as Error).message }, 'auto-replay sweep failed');
      return 0;
    } finally {
      checkout.release(failure);
      this.sweeping = false;
    }
  }

  /**
   * Tells the workflow's alert targets about the dead letter: a POST to the webhook URL through the
   * egress-guarded invoker and/or an e-mail through the server's SMTP relay. Both together count as
   * one alert, at most once per `minIntervalMinutes` per workflow (a conditional UPDATE decides,
   * across processes); the outcome of each is recorded on the run.
   */
  private async alert(
    runId: string,
    run: { workflow_id: string; name: string; error: unknown; attempt: number },
    alerts: AlertSettings,
    at: Date,
  ): Promise<void> {
    const { rowCount } = await this.pool.query(
      `UPDATE workflows SET last_alert_at = now()
        WHERE id = $1 AND (last_alert_at IS NULL OR last_alert_at <= now() - make_interval(mins => $2))`,
      [run.workflow_id, alerts.minIntervalMinutes],
    );
    let record: Record<string, unknown>;
    if (!rowCount)
      record = { at: new Date().toISOString(), skipped: `rate-limited: at most one alert every ${alerts.minIntervalMinutes} minutes` };
    else {
      const runUrl = `${this.publicUrl}/runs/${runId}`;
      const [webhook, email] = await Promise.all([
        alerts.webhookUrl ? this.postAlert(runId, run, alerts.webhookUrl, at) : undefined,
        alerts.email?.length ? this.mailAlert(runId, run, alerts.email, runUrl, at) : undefined,
      ]);
      record = { at: new Date().toISOString(), ...webhook, ...(email ? { email } : {}) };
    }
    await this.pool.query(`UPDATE runs SET alert = $2 WHERE id = $1`, [runId, JSON.stringify(record)]);
  }

  private async postAlert(
    runId: string,
    run: { workflow_id: string; name: string; error: unknown; attempt: number },
    url: string,
    at: Date,
  ): Promise<Record<string, unknown>> {
    try {
      const res = await this.http.send({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', 'user-agent': 'Switchyard', 'idempotency-key': `dead-letter:${runId}` },
        body: JSON.stringify({
          event: 'run.dead_lettered',
          workflow: { id: run.workflow_id, name: run.name },
          run: {
            id: runId,
            url: `${this.publicUrl}/api/runs/${runId}`,
            attempts: run.attempt + 1,
            error: run.error,
            deadLetteredAt: at.toISOString(),
          },
        }),
        timeoutMs: ALERT_TIMEOUT_MS,
      });
      return { url, status: res.status };
    } catch (err) {
      return { url, error: (err as Error).message };
    }
  }

  private async mailAlert(
    runId: string,
    run: { name: string; error: unknown; attempt: number },
    to: string[],
    runUrl: string,
    at: Date,
  ): Promise<Record<string, unknown>> {
    if (!this.mailer?.configured) return { to, error: 'No SMTP server is configured (SWITCHYARD_SMTP_URL)' };
    const error =
      run.error && typeof run.error === 'object' && 'message' in run.error
        ? String((run.error as { message: unknown }).message)
        : run.error
          ? JSON.stringify(run.error)
          : 'unknown';
    try {
      const receipt = await this.mailer.send({
        to,
        subject: `Switchyard: a run of ${run.name} was dead-lettered`,
        text: [
          `A run of the workflow "${run.name}" failed ${run.attempt + 1} times and its auto-replay schedule is used up.`,
          '',
          `Run: ${runUrl}`,
          `Dead-lettered at: ${at.toISOString()}`,
          `Last error: ${error}`,
          '',
          'Replay it from the run page once the cause is fixed.',
        ].join('\n'),
        messageId: `<dead-letter.${runId}@switchyard>`,
      });
      return { to, messageId: receipt.messageId, ...(receipt.rejected.length ? { rejected: receipt.rejected } : {}) };
    } catch (err) {
      return { to, error: (err as Error).message };
    }
  }
}
