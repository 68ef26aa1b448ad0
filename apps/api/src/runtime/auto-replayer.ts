import type { HttpInvoker } from '@switchyard/engine';
import type { Logger } from '../common/logger';
import type { ServerMailer } from '../mail/server-mailer';
import { type AlertSettings, parseDuration } from '../workflows/auto-replay-settings';
import type { Dispatcher } from './dispatch/dispatcher';
import type { FailedRun, RunLedger } from './ledger/run-ledger';
import type { RunEvents, RunFinished } from './run-events';

const ALERT_TIMEOUT_MS = 10_000;

type AlertedRun = { workflow_id: string; name: string; error: unknown; attempt: number };

/**
 * Auto-replay and dead letters (docs/adr/0007-auto-replay-as-linked-runs.md). When a run of a workflow
 * with auto-replay ends failed, it is given a time (`auto_replay_at`) from the schedule; when that
 * time comes, a new run of the same request is created from the failed step (completed steps reused,
 * `replay_of` = the failed run, `auto_replay_attempt` + 1) on the workflow's current version. A failed
 * run whose attempt has used up the schedule is a dead letter, and the workflow's alert is sent.
 * Times live in PostgreSQL, so the schedule survives restarts; any process may sweep (SKIP LOCKED).
 * Every run transition goes through the ledger; this class decides when.
 */
export class AutoReplayer {
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;

  constructor(
    private readonly ledger: RunLedger,
    private readonly dispatcher: Dispatcher,
    private readonly http: HttpInvoker,
    private readonly intervalMs: number,
    private readonly publicUrl: string,
    private readonly logger: Logger,
    private readonly mailer?: ServerMailer,
    events?: RunEvents,
    private readonly onDeadLetter: (workflowId: string) => void = () => undefined,
  ) {
    events?.onFinished((event) => this.onRunFinished(event));
  }

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async onRunFinished(event: RunFinished): Promise<void> {
    if (event.status !== 'failed') return;
    await this.onRunFailed(event.runId).catch((err) =>
      this.logger.warn({ err: (err as Error).message, runId: event.runId }, 'could not schedule the auto-replay of a failed run'),
    );
  }

  /** Called when a run has ended failed (after its step retries): schedules its replay or dead-letters it. */
  async onRunFailed(runId: string): Promise<void> {
    const failed = await this.ledger.failed(runId);
    if (!failed?.autoReplay?.enabled) return;
    const schedule = failed.autoReplay.schedule;
    if (failed.attempt < schedule.length) {
      await this.ledger.scheduleAutoReplay(runId, parseDuration(schedule[failed.attempt]));
      return;
    }
    const deadLetteredAt = await this.ledger.deadLetter(runId);
    if (!deadLetteredAt) return;
    this.onDeadLetter(failed.workflowId);
    this.logger.warn(
      { runId, workflowId: failed.workflowId, attempts: failed.attempt + 1 },
      'run dead-lettered: its auto-replay schedule is used up',
    );
    const alerts = failed.alerts;
    if (alerts?.webhookUrl || alerts?.email?.length) await this.alert(runId, alerted(failed), alerts, deadLetteredAt);
  }

  /** Replays the failed runs that are due. Returns how many were replayed. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const ids = await this.ledger.replayDueFailures();
      if (ids.length > 0) {
        this.logger.info({ count: ids.length }, 'auto-replaying failed runs');
        this.dispatcher.dispatch(ids);
      }
      return ids.length;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'auto-replay sweep failed');
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  /**
   * Tells the workflow's alert targets about the dead letter: a POST to the webhook URL through the
   * egress-guarded invoker and/or an e-mail through the server's SMTP relay. Both together count as
   * one alert, at most once per `minIntervalMinutes` per workflow (a conditional UPDATE decides,
   * across processes); the outcome of each is recorded on the run.
   */
  private async alert(runId: string, run: AlertedRun, alerts: AlertSettings, at: Date): Promise<void> {
    let record: Record<string, unknown>;
    if (!(await this.ledger.takeAlertTurn(run.workflow_id, alerts.minIntervalMinutes)))
      record = { at: new Date().toISOString(), skipped: `rate-limited: at most one alert every ${alerts.minIntervalMinutes} minutes` };
    else {
      const runUrl = `${this.publicUrl}/runs/${runId}`;
      const [webhook, email] = await Promise.all([
        alerts.webhookUrl ? this.postAlert(runId, run, alerts.webhookUrl, at) : undefined,
        alerts.email?.length ? this.mailAlert(runId, run, alerts.email, runUrl, at) : undefined,
      ]);
      record = { at: new Date().toISOString(), ...webhook, ...(email ? { email } : {}) };
    }
    await this.ledger.recordAlert(runId, record);
  }

  private async postAlert(runId: string, run: AlertedRun, url: string, at: Date): Promise<Record<string, unknown>> {
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

const alerted = (run: FailedRun): AlertedRun => ({
  workflow_id: run.workflowId,
  name: run.workflowName,
  error: run.error,
  attempt: run.attempt,
});
